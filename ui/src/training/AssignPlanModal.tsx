import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Plan } from '../bindings';
import { useAssignPlan } from '../trainingQueries';
import { AssignFields, type Assignment } from './AssignFields';
import { nextMonday } from './dates';

export function AssignPlanModal({ plan, opened, onClose }: { plan: Plan; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={plan.clientId ? 'Change client or start date' : 'Assign to a client'} size="lg">
      <AssignForm plan={plan} onClose={onClose} />
    </Modal>
  );
}

/** Client and start date: with the day offsets these give every plan day its date. No new version. */
function AssignForm({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const [value, setValue] = useState<Assignment>({
    clientId: plan.clientId ?? null,
    startDate: plan.startDate ?? nextMonday(),
  });
  const assign = useAssignPlan();
  const error = assign.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate(
      { id: plan.id, assignment: { clientId: value.clientId ?? '', startDate: value.startDate } },
      {
        onSuccess: (fresh) => {
          onClose();
          notifications.show({ message: `Assigned to ${fresh.clientName ?? 'the client'} from ${fresh.startDate}`, autoClose: 3000 });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <AssignFields value={value} onChange={setValue} error={error} />
        {error && !['clientId', 'startDate'].includes(error.field ?? '') && (
          <Alert color="red" variant="light" title="Not assigned">
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={assign.isPending} data-testid="assign-confirm">
            Assign
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
