// Small layout pieces shared by the client page's tabs.
import { Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="center" mb="xs" gap="xs" wrap="nowrap">
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          {title}
        </Text>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

export function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline" mb={4}>
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" className="preline" miw={0}>
        {value ?? <Text span size="sm" c="dimmed">—</Text>}
      </Text>
    </Group>
  );
}

export function LongText({ text, empty }: { text: string; empty: string }) {
  return text.trim() ? (
    <Text size="sm" className="preline">
      {text}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      {empty}
    </Text>
  );
}

/** What a tab shows before it has anything. */
export function Empty({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Text size="sm" c="dimmed" data-testid={testId}>
      {children}
    </Text>
  );
}
