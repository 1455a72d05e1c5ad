import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { formatIsoDate } from '../format';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Plan } from '../bindings';
import { useDirtyGuard, useReportDirty } from '../components/DiscardGuard';
import { useAssignPlan } from '../trainingQueries';
import { AssignFields, type Assignment } from './AssignFields';
import { nextMonday } from './dates';

export function AssignPlanModal({ plan, opened, onClose }: { plan: Plan; opened: boolean; onClose: () => void }) {
  // Escape, the × and Cancel ask first once the client or date was changed.
  const guard = useDirtyGuard(onClose);
  return (
    <>
      <Modal opened={opened} onClose={guard.requestClose} title={plan.clientId ? 'Change client or start date' : 'Assign to a client'} size="lg">
        <AssignForm plan={plan} onClose={guard.close} onCancel={guard.requestClose} onDirtyChange={guard.setDirty} />
      </Modal>
      {guard.dialog}
    </>
  );
}

/** Client and start date: with the day offsets these give every plan day its date. No new version. */
function AssignForm({
  plan,
  onClose,
  onCancel,
  onDirtyChange,
}: {
  plan: Plan;
  onClose: () => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const [initial] = useState<Assignment>(() => ({
    clientId: plan.clientId ?? null,
    startDate: plan.startDate ?? nextMonday(),
  }));
  const [value, setValue] = useState<Assignment>(initial);
  useReportDirty(JSON.stringify(value) !== JSON.stringify(initial), onDirtyChange);
  const assign = useAssignPlan();
  const error = assign.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate(
      { id: plan.id, assignment: { clientId: value.clientId ?? '', startDate: value.startDate } },
      {
        onSuccess: (fresh) => {
          onClose();
          notifications.show({ message: `Assigned to ${fresh.clientName ?? 'the client'} from ${formatIsoDate(fresh.startDate ?? '')}`, autoClose: 3000 });
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
          <Button variant="default" onClick={onCancel} data-testid="assign-cancel">
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
