import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import type { PlanBody } from '../bindings';
import { fieldErrorsOf } from '../fieldErrors';
import { useDirtyGuard, useReportDirty } from '../components/DiscardGuard';
import { useAssignPlan, useCreatePlan } from '../trainingQueries';
import { AssignFields, type Assignment } from './AssignFields';
import { nextMonday } from './dates';

/** Where a blank plan starts: one week with one empty day. */
export const BLANK_BODY: PlanBody = {
  weeks: [{ deload: false, days: [{ name: 'Day 1', dayOffset: 0, items: [] }] }],
  rule: { progression: null, deloadEvery: null },
  notes: '',
};

export function NewPlanModal({
  kind,
  opened,
  onClose,
}: {
  kind: 'plan' | 'template';
  opened: boolean;
  onClose: () => void;
}) {
  // Escape, the × and Cancel ask first once something was typed or chosen.
  const guard = useDirtyGuard(onClose);
  return (
    <>
      <Modal opened={opened} onClose={guard.requestClose} title={kind === 'plan' ? 'New plan' : 'New template'} size="lg">
        <NewPlanForm kind={kind} onClose={guard.close} onCancel={guard.requestClose} onDirtyChange={guard.setDirty} />
      </Modal>
      {guard.dialog}
    </>
  );
}

function NewPlanForm({
  kind,
  onClose,
  onCancel,
  onDirtyChange,
}: {
  kind: 'plan' | 'template';
  onClose: () => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [initialAssignment] = useState<Assignment>(() => ({ clientId: null, startDate: nextMonday() }));
  const [assignment, setAssignment] = useState<Assignment>(initialAssignment);
  useReportDirty(name.trim() !== '' || JSON.stringify(assignment) !== JSON.stringify(initialAssignment), onDirtyChange);
  const create = useCreatePlan();
  const assign = useAssignPlan();
  const error = create.error;
  const { at, general } = fieldErrorsOf(error, ['name']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, isTemplate: kind === 'template', body: BLANK_BODY },
      {
        onSuccess: async (plan) => {
          if (assignment.clientId) {
            // The plan exists either way: a refused assignment is said, and Assign is in the editor.
            await assign
              .mutateAsync({ id: plan.id, assignment: { clientId: assignment.clientId, startDate: assignment.startDate } })
              .catch((e: { message: string }) =>
                notifications.show({ color: 'red', message: `Created, but not assigned: ${e.message}` }),
              );
          }
          onClose();
          navigate(`/training/plans/${plan.id}`);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder={kind === 'plan' ? 'For example: Anna — strength block 1' : 'For example: Full body, 3 days'}
          withAsterisk
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={at('name')}
          errorProps={{ 'data-testid': 'new-plan-name-error' }}
          data-autofocus
          data-testid="new-plan-name"
        />
        {kind === 'plan' && <AssignFields value={assignment} onChange={setAssignment} error={error} clientOptional />}
        {general && (
          <Alert color="red" variant="light" title="Not created">
            {general.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} data-testid="new-plan-cancel">
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || assign.isPending} data-testid="new-plan-create">
            Create
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
