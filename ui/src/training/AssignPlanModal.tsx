// Assigning a plan, from either side: an existing plan given a client and start date (the plan
// builder), or a copy of a template given to this client (the client's Plans tab). One modal,
// one discard question, one footer; the two forms differ in what they ask.
import { Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Client, Plan } from '../bindings';
import { useDirtyGuard, useReportDirty } from '../components/DiscardGuard';
import { fieldErrorsOf } from '../fieldErrors';
import { formatIsoDate } from '../format';
import { useAssignPlan } from '../trainingQueries';
import { AssignFields, type Assignment } from './AssignFields';
import { AssignFooter } from './AssignFooter';
import { AssignTemplateForm } from './AssignTemplateForm';
import { nextMonday } from './dates';

/** What is assigned: this plan (to a client chosen here), or a template chosen here (to this client). */
export type AssignPlanTarget = { plan: Plan } | { client: Client; onAssigned: (plan: Plan) => void };

export function AssignPlanModal(props: AssignPlanTarget & { opened: boolean; onClose: () => void }) {
  // Escape, the × and Cancel ask first once anything was changed.
  const guard = useDirtyGuard(props.onClose);
  const forms = {
    onCancel: guard.requestClose,
    onDirtyChange: guard.setDirty,
  };
  return (
    <>
      {'plan' in props ? (
        <Modal
          opened={props.opened}
          onClose={guard.requestClose}
          title={props.plan.clientId ? 'Change client or start date' : 'Assign to a client'}
          size="lg"
        >
          <AssignExistingForm plan={props.plan} onClose={guard.close} {...forms} />
        </Modal>
      ) : (
        <Modal opened={props.opened} onClose={guard.requestClose} title="Assign a plan from a template">
          <AssignTemplateForm
            client={props.client}
            {...forms}
            onAssigned={(plan) => {
              guard.setDirty(false);
              props.onAssigned(plan);
            }}
          />
        </Modal>
      )}
      {guard.dialog}
    </>
  );
}

/** Client and start date: with the day offsets these give every plan day its date. No new version. */
function AssignExistingForm({
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
        <AssignFooter
          error={fieldErrorsOf(error, ['clientId', 'startDate']).general}
          pending={assign.isPending}
          onCancel={onCancel}
          saveTestId="assign-confirm"
        />
      </Stack>
    </form>
  );
}
