// A tab listing plans, in one of its two places: Training's Plans and Templates tabs (a filter,
// the list that opens the builder, New, and "Use template"), or a client's Plans tab (the client's
// plans, assigning one from a template, and the shown plan's schedule).
import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { Client, PlanSummary } from '../bindings';
import { currentPlan } from '../clientTraining/planDays';
import { IconPlus, IconSearch } from '../components/icons';
import { ClientPlanTable } from '../screens/client/ClientPlanTable';
import { Empty } from '../screens/client/parts';
import { PlanSchedule } from '../screens/client/PlanSchedule';
import { usePlans } from '../trainingQueries';
import { AssignPlanModal } from './AssignPlanModal';
import { NewPlanModal } from './NewPlanModal';
import { PlanTable } from './PlanTable';
import { UseTemplateModal } from './UseTemplateModal';

function matches(plan: PlanSummary, needle: string): boolean {
  return needle === '' || [plan.name, plan.clientName ?? ''].some((t) => t.toLowerCase().includes(needle));
}

/** The trainer's plans or templates (`templates`), or one client's plans (`client`). */
export function PlansTab(props: { templates: boolean } | { client: Client }) {
  return 'client' in props ? <ClientPlans client={props.client} /> : <TrainerPlans templates={props.templates} />;
}

/** Both tabs' list: an error, the empty state, or the table, under the tab's own header. */
function PlanList({
  header,
  error,
  what,
  empty,
  table,
  children,
}: {
  header: ReactNode;
  error: { message: string } | null;
  what: string;
  empty: ReactNode | null;
  table: ReactNode | null;
  children?: ReactNode;
}) {
  return (
    <>
      {header}
      {error ? (
        <Alert color="red" variant="light" title={`Could not load ${what}`}>
          {error.message}
        </Alert>
      ) : (
        empty ?? table
      )}
      {children}
    </>
  );
}

function TrainerPlans({ templates }: { templates: boolean }) {
  const navigate = useNavigate();
  const plans = usePlans({ templates });
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [using, setUsing] = useState<PlanSummary | null>(null);
  const needle = search.trim().toLowerCase();
  const shown = (plans.data ?? []).filter((p) => matches(p, needle));
  const open = (plan: PlanSummary) => navigate(`/training/plans/${plan.id}`);
  const what = templates ? 'templates' : 'plans';

  return (
    <PlanList
      what={what}
      error={plans.error}
      header={
        <Group gap="sm" mb="sm">
          <TextInput
            flex={1}
            maw={360}
            placeholder={templates ? 'Filter templates' : 'Filter by plan or client name'}
            aria-label={`Filter ${what}`}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            leftSection={<IconSearch size={16} />}
            data-testid={templates ? 'template-search' : 'plan-search'}
          />
          <Button
            ml="auto"
            leftSection={<IconPlus size={16} />}
            onClick={() => setCreating(true)}
            data-testid={templates ? 'template-new' : 'plan-new'}
          >
            {templates ? 'New template' : 'New plan'}
          </Button>
        </Group>
      }
      empty={
        plans.data && shown.length === 0 ? (
          <Paper withBorder p="lg" data-testid={`${what}-empty`}>
            <Text fw={500}>{needle ? `No ${what} match` : templates ? 'No templates yet' : 'No plans yet'}</Text>
            <Text size="sm" c="dimmed">
              {templates
                ? 'Save a plan as a template to reuse it for other clients, or start one here.'
                : 'Start one from a template (Templates tab) or from scratch with New plan.'}
            </Text>
          </Paper>
        ) : null
      }
      table={plans.data && <PlanTable plans={shown} templates={templates} onOpen={open} onUse={templates ? setUsing : undefined} />}
    >
      <NewPlanModal kind={templates ? 'template' : 'plan'} opened={creating} onClose={() => setCreating(false)} />
      {templates && <UseTemplateModal template={using} onClose={() => setUsing(null)} />}
    </PlanList>
  );
}

function ClientPlans({ client }: { client: Client }) {
  const plans = usePlans({ templates: false, clientId: client.id });
  const [chosen, setChosen] = useState<string | null>(null);
  const [assigning, setAssigning] = useState(false);
  const list = plans.data ?? [];
  const shown = list.find((p) => p.id === chosen) ?? currentPlan(list);

  return (
    <Stack gap="md">
      <PlanList
        what="plans"
        error={plans.error}
        header={
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {plans.data && `${list.length} ${list.length === 1 ? 'plan' : 'plans'}`}
            </Text>
            <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAssigning(true)} data-testid="client-assign-plan">
              Assign a plan from a template
            </Button>
          </Group>
        }
        empty={
          plans.data?.length === 0 ? (
            <Empty testId="client-plans-empty">No plan yet. Assign one from a template, or build one in Training.</Empty>
          ) : null
        }
        table={plans.data && <ClientPlanTable plans={list} shown={shown?.id ?? null} onShow={setChosen} />}
      >
        {shown && <PlanSchedule key={shown.id} plan={shown} client={client} />}
        <AssignPlanModal
          client={client}
          opened={assigning}
          onClose={() => setAssigning(false)}
          onAssigned={(plan) => {
            setAssigning(false);
            setChosen(plan.id);
          }}
        />
      </PlanList>
    </Stack>
  );
}
