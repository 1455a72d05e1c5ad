import { Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useState } from 'react';

/**
 * A small Delete button that asks once before deleting: these records have no undo.
 * `testId` names the button; its confirmation is `${testId}-confirm`.
 */
export function ConfirmDelete({
  question,
  onConfirm,
  loading,
  testId,
}: {
  question: string;
  onConfirm: () => void;
  loading: boolean;
  testId: string;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          onClick={() => setOpened((o) => !o)}
          loading={loading}
          data-testid={testId}
        >
          Delete
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">{question}</Text>
          <Group gap="xs" justify="flex-end">
            <Button size="compact-sm" variant="default" onClick={() => setOpened(false)}>
              Keep
            </Button>
            <Button
              size="compact-sm"
              color="red"
              onClick={() => {
                setOpened(false);
                onConfirm();
              }}
              data-testid={`${testId}-confirm`}
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
