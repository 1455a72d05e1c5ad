import { SimpleGrid } from '@mantine/core';
import { ComingNext } from '../components/ComingNext';
import { PageHeader } from '../components/PageHeader';

export function InsightsScreen() {
  return (
    <>
      <PageHeader title="Insights" />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ComingNext
          testId="coming-insights-review"
          title="Review queue"
          summary="AI insights and suggestions wait here until you accept the ones worth keeping. Nothing changes a client's record without you."
        />
        <ComingNext
          testId="coming-insights-agents"
          title="Agent console"
          summary="See what the assistants are doing and whether they are healthy."
          items={['Agents', 'Executions', 'Metrics', 'Health']}
        />
      </SimpleGrid>
    </>
  );
}
