// The foot of both assign forms (AssignPlanModal): the error no field shows, Cancel and Assign.
import { Alert, Button, Group } from '@mantine/core';
import type { AppError } from '../bindings';

export function AssignFooter({
  error,
  pending,
  onCancel,
  saveTestId,
}: {
  error: AppError | null;
  pending: boolean;
  onCancel: () => void;
  saveTestId: string;
}) {
  return (
    <>
      {error && (
        <Alert color="red" variant="light" title="Not assigned">
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel} data-testid="assign-cancel">
          Cancel
        </Button>
        <Button type="submit" loading={pending} data-testid={saveTestId}>
          Assign
        </Button>
      </Group>
    </>
  );
}
