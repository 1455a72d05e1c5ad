import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { PlanSummary } from '../bindings';
import { fieldErrorsOf } from '../fieldErrors';
import { useDirtyGuard, useReportDirty } from '../components/DiscardGuard';
import { usePlanFromTemplate } from '../trainingQueries';
import { AssignFields, type Assignment } from './AssignFields';
import { nextMonday } from './dates';

export type TemplateRef = Pick<PlanSummary, 'id' | 'name' | 'weeks' | 'daysPerWeek' | 'currentVersion'>;

/** Template → a client's plan (version 1 remembers the template), then straight into the editor. */
export function UseTemplateModal({ template, onClose }: { template: TemplateRef | null; onClose: () => void }) {
  // Escape, the × and Cancel ask first once the name, client or date was changed.
  const guard = useDirtyGuard(onClose);
  return (
    <>
      <Modal opened={template !== null} onClose={guard.requestClose} title="Start a plan from this template" size="lg">
        {template && (
          <UseTemplateForm
            key={template.id}
            template={template}
            onClose={guard.close}
            onCancel={guard.requestClose}
            onDirtyChange={guard.setDirty}
          />
        )}
      </Modal>
      {guard.dialog}
    </>
  );
}

function UseTemplateForm({
  template,
  onClose,
  onCancel,
  onDirtyChange,
}: {
  template: TemplateRef;
  onClose: () => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const navigate = useNavigate();
  const [name, setName] = useState(template.name);
  const [initialAssignment] = useState<Assignment>(() => ({ clientId: null, startDate: nextMonday() }));
  const [assignment, setAssignment] = useState<Assignment>(initialAssignment);
  useReportDirty(name !== template.name || JSON.stringify(assignment) !== JSON.stringify(initialAssignment), onDirtyChange);
  const start = usePlanFromTemplate();
  const error = start.error;
  const { at, general } = fieldErrorsOf(error, ['name', 'clientId', 'startDate']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate(
      {
        template: template.id,
        name: name.trim() || null,
        assignment: assignment.clientId ? { clientId: assignment.clientId, startDate: assignment.startDate } : null,
      },
      {
        onSuccess: (plan) => {
          onClose();
          navigate(`/training/plans/${plan.id}`);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {template.weeks} {template.weeks === 1 ? 'week' : 'weeks'} × {template.daysPerWeek}{' '}
          {template.daysPerWeek === 1 ? 'day' : 'days'}, from version {template.currentVersion}. The template itself stays
          as it is.
        </Text>
        <TextInput
          label="Plan name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={at('name')}
          data-autofocus
          data-testid="assign-name"
        />
        <AssignFields value={assignment} onChange={setAssignment} error={error} clientOptional />
        {general && (
          <Alert color="red" variant="light" title="Not started">
            {general.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} data-testid="assign-cancel">
            Cancel
          </Button>
          <Button type="submit" loading={start.isPending} data-testid="assign-confirm">
            {assignment.clientId ? 'Create and assign' : 'Create plan'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
