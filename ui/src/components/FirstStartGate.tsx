// Shows the welcome instead of the app on a database that was never set up, and a clear
// "demo data" band, with the way back, while the demo data directory is open.

import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useFirstStart, useUseDataDir } from '../firstStart';
import { WelcomeScreen } from '../screens/WelcomeScreen';

export function FirstStartGate({ children }: { children: ReactNode }) {
  const state = useFirstStart();
  if (state.isPending) return null;
  // Not knowing (an error) must not lock the trainer out of their data: show the app.
  if (state.data?.needsWelcome) return <WelcomeScreen />;
  return <>{children}</>;
}

/** The band at the top of every screen while the demo data are open (nothing otherwise). */
export function DemoBand() {
  const state = useFirstStart();
  const use = useUseDataDir();
  const navigate = useNavigate();
  if (!state.data?.demo) return null;
  return (
    <Alert color="orange" variant="filled" p="xs" mb="md" data-testid="demo-band">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          Demo data — made-up clients to explore. Nothing here is yours, and your own data is untouched.
        </Text>
        <Button
          size="xs"
          variant="white"
          color="orange"
          loading={use.isPending}
          onClick={() => use.mutate(false, { onSuccess: () => navigate('/dashboard') })}
          data-testid="demo-back"
        >
          Back to my data
        </Button>
      </Group>
    </Alert>
  );
}
