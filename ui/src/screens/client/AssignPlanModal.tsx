import { Alert, Anchor, Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { AppError, Client, Plan } from '../../bindings';
import { ClearanceWarnings } from '../../components/ClearanceWarnings';
import { useDirtyGuard, useReportDirty } from '../../components/DiscardGuard';
import { usePlanFromTemplate, usePlans } from '../../trainingQueries';
import { formatIsoDate } from '../../format';
import { nextMonday } from '../../training/dates';

const FIELDS = ['template', 'startDate', 'name'] as const;
type Field = (typeof FIELDS)[number];

export function AssignPlanModal({
  client,
  opened,
  onClose,
  onAssigned,
}: {
  client: Client;
  opened: boolean;
  onClose: () => void;
  onAssigned: (plan: Plan) => void;
}) {
  // Escape, the × and Cancel ask first once a template, date or name was changed.
  const guard = useDirtyGuard(onClose);
  return (
    <>
      <Modal opened={opened} onClose={guard.requestClose} title="Assign a plan from a template">
        <AssignForm
          client={client}
          onCancel={guard.requestClose}
          onDirtyChange={guard.setDirty}
          onAssigned={(plan) => {
            guard.setDirty(false);
            onAssigned(plan);
          }}
        />
      </Modal>
      {guard.dialog}
    </>
  );
}

/** A copy of the template becomes the client's plan, from a start date (a Monday by default). */
function AssignForm({
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
  const [error, setError] = useState<AppError | null>(null);
  const chosen = templates.data?.find((t) => t.id === template);

  const fieldError = (field: Field) => (error?.field === field ? error.message : undefined);
  const generalError = error && !FIELDS.includes(error.field as Field) ? error : null;
  const edited = (field: Field) => {
    if (error?.field === field) setError(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!template) {
      setError({ code: 'validation', field: 'template', message: 'Choose a template' });
      return;
    }
    setError(null);
    assign.mutate(
      { template, name: name.trim() || null, assignment: { clientId: client.id, startDate: startDate.trim() } },
      {
        onSuccess: (plan) => {
          notifications.show({
            message: `“${plan.name}” assigned to ${client.name}${plan.startDate ? `, from ${formatIsoDate(plan.startDate)}` : ''}`,
          });
          onAssigned(plan);
        },
        onError: setError,
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
            edited('template');
          }}
          error={fieldError('template') ?? templates.error?.message}
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
            edited('startDate');
          }}
          error={fieldError('startDate')}
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
            edited('name');
          }}
          error={fieldError('name')}
          errorProps={{ 'data-testid': 'assign-name-error' }}
          autoComplete="off"
          data-testid="assign-name"
        />
        {generalError && (
          <Alert color="red" variant="light" title="Not assigned">
            {generalError.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} data-testid="assign-cancel">
            Cancel
          </Button>
          <Button type="submit" loading={assign.isPending} data-testid="assign-save">
            Assign
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
