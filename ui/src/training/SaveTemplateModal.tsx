import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Plan } from '../bindings';
import { fieldErrorsOf } from '../fieldErrors';
import { useDirtyGuard, useReportDirty } from '../components/DiscardGuard';
import { useSaveAsTemplate } from '../trainingQueries';

export function SaveTemplateModal({
  plan,
  dirty,
  opened,
  onClose,
}: {
  plan: Plan;
  dirty: boolean;
  opened: boolean;
  onClose: () => void;
}) {
  // Escape, the × and Cancel ask first once the name was changed.
  const guard = useDirtyGuard(onClose);
  return (
    <>
      <Modal opened={opened} onClose={guard.requestClose} title="Save as template" size="md">
        <SaveTemplateForm plan={plan} dirty={dirty} onClose={guard.close} onCancel={guard.requestClose} onDirtyChange={guard.setDirty} />
      </Modal>
      {guard.dialog}
    </>
  );
}

function SaveTemplateForm({
  plan,
  dirty,
  onClose,
  onCancel,
  onDirtyChange,
}: {
  plan: Plan;
  /** The plan has unsaved changes (they are not in the template). */
  dirty: boolean;
  onClose: () => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const [initialName] = useState(() => (plan.isTemplate ? `${plan.name} (copy)` : plan.name));
  const [name, setName] = useState(initialName);
  useReportDirty(name !== initialName, onDirtyChange);
  const save = useSaveAsTemplate();
  const { at, general } = fieldErrorsOf(save.error, ['name']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: plan.id, name },
      {
        onSuccess: (template) => {
          onClose();
          const id = `template-saved-${template.id}`;
          notifications.show({ id, autoClose: 6000, message: <Saved name={template.name} id={template.id} notificationId={id} /> });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          A copy of version {plan.version} that any client’s plan can start from. This plan stays as it is.
        </Text>
        {dirty && (
          <Alert color="yellow" variant="light">
            Your unsaved changes are not in the template: save the plan first to include them.
          </Alert>
        )}
        <TextInput
          label="Template name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={at('name')}
          data-autofocus
          data-testid="template-name"
        />
        {general && (
          <Alert color="red" variant="light" title="Not saved">
            {general.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} data-testid="template-cancel">
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="template-save-confirm">
            Save template
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Saved({ name, id, notificationId }: { name: string; id: string; notificationId: string }) {
  const navigate = useNavigate();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm">Saved template “{name}”</Text>
      <Button
        size="compact-sm"
        variant="light"
        onClick={() => {
          notifications.hide(notificationId);
          navigate(`/training/plans/${id}`);
        }}
        data-testid="template-open"
      >
        Open
      </Button>
    </Group>
  );
}
