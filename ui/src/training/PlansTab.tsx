import { Alert, Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PlanSummary } from '../bindings';
import { IconPlus, IconSearch } from '../components/icons';
import { usePlans } from '../trainingQueries';
import { NewPlanModal } from './NewPlanModal';
import { PlanTable } from './PlanTable';
import { UseTemplateModal } from './UseTemplateModal';

function matches(plan: PlanSummary, needle: string): boolean {
  return needle === '' || [plan.name, plan.clientName ?? ''].some((t) => t.toLowerCase().includes(needle));
}

/** The trainer's plans (or templates): a filter box, the list, and New. */
export function PlansTab({ templates }: { templates: boolean }) {
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
    <>
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
      {plans.error ? (
        <Alert color="red" variant="light" title={`Could not load ${what}`}>
          {plans.error.message}
        </Alert>
      ) : plans.data && shown.length === 0 ? (
        <Paper withBorder p="lg" data-testid={`${what}-empty`}>
          <Text fw={500}>{needle ? `No ${what} match` : templates ? 'No templates yet' : 'No plans yet'}</Text>
          <Text size="sm" c="dimmed">
            {templates
              ? 'Save a plan as a template to reuse it for other clients, or start one here.'
              : 'Start one from a template (Templates tab) or from scratch with New plan.'}
          </Text>
        </Paper>
      ) : (
        plans.data && <PlanTable plans={shown} templates={templates} onOpen={open} onUse={templates ? setUsing : undefined} />
      )}
      <NewPlanModal kind={templates ? 'template' : 'plan'} opened={creating} onClose={() => setCreating(false)} />
      {templates && <UseTemplateModal template={using} onClose={() => setUsing(null)} />}
    </>
  );
}
