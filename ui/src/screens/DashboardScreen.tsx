import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { ComingNext } from '../components/ComingNext';
import { IconPlus } from '../components/icons';
import { PageHeader } from '../components/PageHeader';
import { useClients } from '../queries';

export function DashboardScreen() {
  const navigate = useNavigate();
  const active = useClients({ status: 'active' });
  const count = active.data?.length;

  return (
    <>
      <PageHeader title="Dashboard" />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <Paper withBorder p="md" data-testid="dashboard-active-clients">
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              Active clients
            </Text>
            <Text fz={32} fw={700} lh={1.2}>
              {count ?? '–'}
            </Text>
            <Group gap="xs" mt="xs">
              <Button size="compact-sm" variant="light" onClick={() => navigate('/clients')}>
                Open clients
              </Button>
              <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => navigate('/clients/new')}>
                Add a client
              </Button>
            </Group>
          </Paper>
        </SimpleGrid>
        <ComingNext
          testId="coming-dashboard"
          title="Your day at a glance"
          summary="Open the app in the morning and see who you train today, what needs you, and whether your data is safe."
          items={[
            "Today's sessions — mark complete or no-show in one click, then log the workout",
            'The week ahead',
            'Clients needing attention',
            'AI insights waiting for your review',
            'Health light: database, backups, sync and AI providers',
          ]}
        />
      </Stack>
    </>
  );
}
