// "That file already exists": the export is refused until the trainer agrees to replace
// exactly that file; the button sends the export again with that path as `replace`.
import { Alert, Button, Group, Text } from '@mantine/core';
import type { AppError } from '../bindings';

/** Whether an export was refused because its file exists (the core's `file_exists`). */
export function fileExists(error: AppError | null | undefined): boolean {
  return error?.code === 'file_exists';
}

export function ReplaceFileAlert({
  error,
  onReplace,
  busy,
  testId,
}: {
  error: AppError;
  onReplace: () => void;
  busy?: boolean;
  testId: string;
}) {
  return (
    <Alert color="yellow" variant="light" data-testid={testId}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {error.message}
        </Text>
        <Button size="compact-sm" color="yellow" onClick={onReplace} loading={busy} data-testid={`${testId}-confirm`}>
          Replace
        </Button>
      </Group>
    </Alert>
  );
}
