import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { AgentsTab } from '../insights/AgentsTab';
import { LogTab } from '../insights/LogTab';
import { MetricsTab } from '../insights/MetricsTab';
import { ReviewTab } from '../insights/ReviewTab';

const TABS = [
  { value: 'review', label: 'Review' },
  { value: 'agents', label: 'Agents' },
  { value: 'log', label: 'Log' },
  { value: 'metrics', label: 'Metrics' },
] as const;

type Tab = (typeof TABS)[number]['value'];

function parseTab(value: string | null): Tab {
  return TABS.find((t) => t.value === value)?.value ?? 'review';
}

/** What the AI agents proposed, the agents themselves, their log and numbers; the tab is in the URL. */
export function InsightsScreen() {
  const [params, setParams] = useSearchParams();
  const tab = parseTab(params.get('tab'));
  const openTab = (value: string | null) => {
    const next = new URLSearchParams();
    if (value && value !== 'review') next.set('tab', value);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title="Insights" />
      <Tabs value={tab} onChange={openTab} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} data-testid={`insights-tab-${t.value}`}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="review">
          <ReviewTab />
        </Tabs.Panel>
        <Tabs.Panel value="agents">
          <AgentsTab />
        </Tabs.Panel>
        <Tabs.Panel value="log">
          <LogTab />
        </Tabs.Panel>
        <Tabs.Panel value="metrics">
          <MetricsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
