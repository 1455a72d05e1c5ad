import { Alert, Button, Center, Code, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AppError } from '../bindings';
import { useAppInfo } from '../queries';
import { DamagedDatabase } from './DamagedDatabase';

/**
 * Renders the app only once the backend answered `app_info`: a database that failed to
 * open (or is newer than this build) should explain itself instead of half-working.
 */
export function StartupGate({ children }: { children: ReactNode }) {
  const info = useAppInfo();
  if (info.isSuccess) return <>{children}</>;
  if (info.isError) {
    if (info.error.code === 'database_corrupt') return <DamagedDatabase error={info.error} />;
    return <StartupError error={info.error} retrying={info.isFetching} onRetry={() => void info.refetch()} />;
  }
  return (
    <Center h="100vh">
      <Loader size="sm" aria-label="Starting Spotter" />
    </Center>
  );
}

function StartupError({ error, retrying, onRetry }: { error: AppError; retrying: boolean; onRetry: () => void }) {
  const tooNew = error.code === 'schema_too_new';
  return (
    <Center h="100vh" p="xl">
      <Stack maw={560} gap="md" data-testid="startup-error">
        <Title order={2}>{tooNew ? 'This data needs a newer Spotter' : 'Spotter could not start'}</Title>
        <Text>
          {tooNew
            ? 'Your data was last opened by a newer version of Spotter. Update the app to open it; nothing has been changed.'
            : 'Your data has not been changed. Try again, and if this keeps happening, the message below helps support find the cause.'}
        </Text>
        <Alert color={tooNew ? 'yellow' : 'red'} variant="light" title={error.code}>
          <Code block>{error.message}</Code>
        </Alert>
        {!tooNew && (
          <Button onClick={onRetry} loading={retrying} w="fit-content">
            Try again
          </Button>
        )}
      </Stack>
    </Center>
  );
}
