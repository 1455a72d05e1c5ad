import { Badge, Group, List, Paper, Text, Title } from '@mantine/core';

/** A calm placeholder that says what a screen or section will do, instead of a dead end. */
export function ComingNext({
  title,
  summary,
  items,
  testId,
}: {
  title: string;
  summary: string;
  items?: readonly string[];
  testId?: string;
}) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Group gap="xs" mb={6}>
        <Title order={4}>{title}</Title>
        <Badge variant="light" color="gray" size="sm">
          Coming next
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb={items?.length ? 'xs' : 0}>
        {summary}
      </Text>
      {items && items.length > 0 && (
        <List size="sm" spacing={4}>
          {items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
