import { SimpleGrid } from '@mantine/core';
import { ComingNext } from '../components/ComingNext';
import { PageHeader } from '../components/PageHeader';

export function TrainingScreen() {
  return (
    <>
      <PageHeader title="Training" />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ComingNext
          testId="coming-training-library"
          title="Exercise library"
          summary="Your exercises, with cues and variations, ready to drop into any plan."
        />
        <ComingNext
          testId="coming-training-plans"
          title="Plan builder"
          summary="Build programs week by week, day by day, prescription by prescription."
          items={[
            'Templates to start from',
            'Progression rules',
            'Version history for every plan',
            'Print to PDF',
          ]}
        />
      </SimpleGrid>
    </>
  );
}
