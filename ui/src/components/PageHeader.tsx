import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Title on the left, the screen's main actions on the right. */
export function PageHeader({ title, actions, badge }: { title: ReactNode; actions?: ReactNode; badge?: ReactNode }) {
  return (
    <Group justify="space-between" align="center" mb="md" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap" miw={0}>
        {typeof title === 'string' ? <Title order={2}>{title}</Title> : title}
        {badge}
      </Group>
      {actions && (
        <Group gap="xs" wrap="nowrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
