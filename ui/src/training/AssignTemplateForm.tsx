// A copy of a template becomes this client's plan, from a start date (a Monday by default), under
// the template's name or another. The client's Plans tab opens it in AssignPlanModal.
import { Anchor, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Client, Plan } from '../bindings';
import { ClearanceWarnings } from '../components/ClearanceWarnings';
import { useReportDirty } from '../components/DiscardGuard';
import { useFieldErrors } from '../fieldErrors';
import { formatIsoDate } from '../format';
import { usePlanFromTemplate, usePlans } from '../trainingQueries';
import { AssignFooter } from './AssignFooter';
import { nextMonday } from './dates';

const FIELDS = ['template', 'startDate', 'name'] as const;

export function AssignTemplateForm({
  client,
  onCancel,
  onDirtyChange,
  onAssigned,
}: {
  client: Client;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
  onAssigned: (plan: Plan) => void;
}) {
  const templates = usePlans({ templates: true });
  const assign = usePlanFromTemplate();
  const [template, setTemplate] = useState('');
  const [initialStart] = useState(() => nextMonday());
  const [startDate, setStartDate] = useState(initialStart);
  const [name, setName] = useState('');
  useReportDirty(template !== '' || startDate !== initialStart || name !== '', onDirtyChange);
  const errors = useFieldErrors(FIELDS);
  const chosen = templates.data?.find((t) => t.id === template);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!template) {
      errors.setError({ code: 'validation', field: 'template', message: 'Choose a template' });
      return;
    }
    errors.setError(null);
    assign.mutate(
      { template, name: name.trim() || null, assignment: { clientId: client.id, startDate: startDate.trim() } },
      {
        onSuccess: (plan) => {
          notifications.show({
            message: `“${plan.name}” assigned to ${client.name}${plan.startDate ? `, from ${formatIsoDate(plan.startDate)}` : ''}`,
          });
          onAssigned(plan);
        },
        onError: errors.setError,
      },
    );
  };

  if (templates.data?.length === 0) {
    return (
      <Stack gap="sm">
        <Text size="sm" data-testid="assign-no-templates">
          There are no templates yet. Save a plan as a template in Training, then assign it here.
        </Text>
        <Group justify="flex-end">
          <Anchor component={Link} to="/training" size="sm">
            Open Training
          </Anchor>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Assign a plan">
      <Stack gap="sm">
        <ClearanceWarnings clientIds={[client.id]} doing="assign this plan" />
        <NativeSelect
          label="Template"
          data={[
            { value: '', label: templates.isLoading ? 'Loading…' : 'Choose a template' },
            ...(templates.data ?? []).map((t) => ({ value: t.id, label: `${t.name} (${t.weeks} weeks, ${t.daysPerWeek} days a week)` })),
          ]}
          value={template}
          onChange={(e) => {
            setTemplate(e.currentTarget.value);
            errors.edited('template');
          }}
          error={errors.at('template') ?? templates.error?.message}
          errorProps={{ 'data-testid': 'assign-template-error' }}
          data-autofocus
          data-testid="assign-template"
        />
        <TextInput
          label="Starts on"
          description="Week 1, day 1 falls on this date."
          placeholder="YYYY-MM-DD"
          w={200}
          value={startDate}
          onChange={(e) => {
            setStartDate(e.currentTarget.value);
            errors.edited('startDate');
          }}
          error={errors.at('startDate')}
          errorProps={{ 'data-testid': 'assign-start-error' }}
          autoComplete="off"
          data-testid="assign-start"
        />
        <TextInput
          label="Name"
          description="Optional; the template's name when left empty."
          placeholder={chosen?.name ?? ''}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            errors.edited('name');
          }}
          error={errors.at('name')}
          errorProps={{ 'data-testid': 'assign-name-error' }}
          autoComplete="off"
          data-testid="assign-name"
        />
        <AssignFooter error={errors.general} pending={assign.isPending} onCancel={onCancel} saveTestId="assign-save" />
      </Stack>
    </form>
  );
}
