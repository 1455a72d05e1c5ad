import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { LibraryTab } from '../training/LibraryTab';
import { PlansTab } from '../training/PlansTab';

const TABS = [
  { value: 'library', label: 'Library' },
  { value: 'plans', label: 'Plans' },
  { value: 'templates', label: 'Templates' },
] as const;

type Tab = (typeof TABS)[number]['value'];

function parseTab(value: string | null): Tab {
  return TABS.find((t) => t.value === value)?.value ?? 'library';
}

/** Exercise library, plans and templates; the open tab lives in the URL (?tab=…). */
export function TrainingScreen() {
  const [params, setParams] = useSearchParams();
  const tab = parseTab(params.get('tab'));
  // Each tab keeps its own filters in the URL; switching tabs starts the next one clean.
  const openTab = (value: string | null) => {
    const next = new URLSearchParams();
    if (value && value !== 'library') next.set('tab', value);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title="Training" />
      <Tabs value={tab} onChange={openTab} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} data-testid={`training-tab-${t.value}`}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="library">
          <LibraryTab />
        </Tabs.Panel>
        <Tabs.Panel value="plans">
          <PlansTab templates={false} />
        </Tabs.Panel>
        <Tabs.Panel value="templates">
          <PlansTab key="templates" templates />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
