import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundScreen() {
  return (
    <Stack gap="sm" maw={560}>
      <Title order={2}>Nothing here</Title>
      <Text c="dimmed">This page does not exist. Use the navigation on the left, or press Ctrl+K to search.</Text>
      <Anchor component={Link} to="/dashboard">
        Go to the dashboard
      </Anchor>
    </Stack>
  );
}
