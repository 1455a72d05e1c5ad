// Settings → Updates: the running version, "Check for updates", the opt-in check at start, the
// new version's notes before installing, the download's progress, then a restart. The Rust side
// (src-tauri/src/update_commands.rs) does the checking, the signature and the backup; this only shows it.
import { Alert, Button, Group, Paper, Progress, ScrollArea, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { appKeys } from '../cacheKeys';
import { formatDay, wallClock } from '../dateFormat';
import type { AppError, UpdateCheck, UpdateOffer, UpdateProgress } from '../bindings';
import { useAppInfo, useSaveSettings, useSettings } from '../queries';

/** The last check's answer, shared by the panel and the check at start. */
function useUpdateCheck() {
  return useQuery<UpdateCheck, AppError>({
    queryKey: appKeys.updateCheck,
    queryFn: api.updateCheck,
    enabled: false, // only when the trainer asks, or at start when they opted in
    staleTime: Infinity,
    retry: false,
  });
}

export function UpdatesPanel() {
  const { data: info } = useAppInfo();
  const check = useUpdateCheck();
  const answer = check.data;
  return (
    <Paper withBorder p="md" data-testid="settings-updates">
      <Title order={4} mb="sm">
        Updates
      </Title>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text size="sm" fw={500}>
              Spotter {answer?.currentVersion ?? info?.version}
            </Text>
            <Text size="xs" c="dimmed">
              New versions are signed by Spotter; one that is not is never installed. Your data is backed up
              before an update is installed.
            </Text>
          </div>
          <Button
            variant="default"
            onClick={() => void check.refetch()}
            loading={check.isFetching}
            data-testid="update-check"
          >
            Check for updates
          </Button>
        </Group>
        <CheckAtStart />
        {check.error && !check.isFetching && (
          <Text size="sm" c="red" data-testid="update-check-error">
            {check.error.message}
          </Text>
        )}
        {answer && !check.isFetching && <CheckAnswer answer={answer} />}
      </Stack>
    </Paper>
  );
}

function CheckAtStart() {
  const settings = useSettings();
  const save = useSaveSettings();
  const s = settings.data;
  if (!s) return null;
  return (
    <Switch
      label="Check for updates when Spotter starts"
      description="Asks the update server once per start; nothing is installed without you."
      checked={s.checkUpdatesAtStart}
      onChange={(e) => save.mutate({ ...s, checkUpdatesAtStart: e.currentTarget.checked })}
      data-testid="update-check-at-start"
    />
  );
}

function CheckAnswer({ answer }: { answer: UpdateCheck }) {
  if (answer.status === 'available' && answer.update) return <Offer offer={answer.update} />;
  if (answer.status === 'unreachable') {
    // Offline in a gym basement is normal: a plain sentence, not an alarm.
    return (
      <Text size="sm" c="dimmed" data-testid="update-unreachable">
        {answer.message ?? 'The update server could not be reached. Try again later.'}
      </Text>
    );
  }
  return (
    <Text size="sm" data-testid="update-up-to-date">
      {answer.message ?? `Spotter ${answer.currentVersion} is the newest version.`}
    </Text>
  );
}

type Stage = UpdateProgress['stage'];

const STAGE_LABEL: Record<Stage, string> = {
  downloading: 'Downloading…',
  verified: 'Signature checked. Backing up your data…',
  backedUp: 'Data backed up. Installing…',
  installing: 'Installing (your system may ask for your password)…',
  installed: 'Installed.',
};

function Offer({ offer }: { offer: UpdateOffer }) {
  const [progress, setProgress] = useState<UpdateProgress | null>(null);
  const install = useMutation<null, AppError>({
    mutationFn: () => {
      setProgress(null);
      return api.updateInstall(offer.version, setProgress);
    },
  });
  const restart = useMutation<null, AppError>({ mutationFn: api.updateRestart });
  const installed = install.isSuccess;
  const date = offer.date ? new Date(offer.date) : null;
  return (
    <Stack gap="xs" data-testid="update-offer">
      <Text size="sm" fw={500}>
        Version {offer.version} is available
        {date && !Number.isNaN(date.getTime()) && (
          <Text span size="xs" c="dimmed" ml="xs">
            published {formatDay(wallClock(date))}
          </Text>
        )}
      </Text>
      <Paper withBorder p="xs" bg="var(--mantine-color-gray-0)">
        <Text size="xs" c="dimmed" mb={4}>
          What’s new
        </Text>
        <ScrollArea.Autosize mah={180}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="update-notes">
            {offer.notes ?? 'No release notes were published with this version.'}
          </Text>
        </ScrollArea.Autosize>
      </Paper>
      {install.isPending && <InstallProgress progress={progress} />}
      {install.error && (
        <Alert color="red" title="The update was not installed" data-testid="update-install-error">
          {install.error.message}
        </Alert>
      )}
      {installed ? (
        <Group justify="space-between">
          <Text size="sm" data-testid="update-installed">
            Version {offer.version} is installed. Restart Spotter to use it.
          </Text>
          <Button onClick={() => restart.mutate()} loading={restart.isPending} data-testid="update-restart">
            Restart now
          </Button>
        </Group>
      ) : (
        <Group justify="flex-end">
          <Button onClick={() => install.mutate()} loading={install.isPending} data-testid="update-install">
            {install.error ? 'Try again' : `Install version ${offer.version}`}
          </Button>
        </Group>
      )}
      {restart.error && (
        <Text size="sm" c="red">
          {restart.error.message}
        </Text>
      )}
    </Stack>
  );
}

function InstallProgress({ progress }: { progress: UpdateProgress | null }) {
  const stage: Stage = progress?.stage ?? 'downloading';
  let percent: number | null = null;
  if (progress?.stage === 'downloading') {
    percent = progress.total ? Math.min(100, Math.round((progress.downloaded / progress.total) * 100)) : null;
  } else if (progress) {
    percent = 100;
  }
  return (
    <Stack gap={4} data-testid="update-progress">
      <Progress
        value={percent ?? 100}
        animated={percent === null}
        striped={percent === null}
        aria-label="Update download"
        data-testid="update-progress-bar"
      />
      <Text size="xs" c="dimmed" data-testid="update-progress-label">
        {STAGE_LABEL[stage]}
        {progress?.stage === 'downloading' && percent !== null && ` ${percent}%`}
      </Text>
    </Stack>
  );
}

/**
 * The opt-in check at start: once per start, when the trainer turned it on. A new version is
 * announced with a notification pointing to Settings → Updates; anything else stays quiet.
 */
export function StartupUpdateCheck() {
  const settings = useSettings();
  const queryClient = useQueryClient();
  const decided = useRef(false);
  const loaded = settings.data !== undefined;
  const enabled = settings.data?.checkUpdatesAtStart ?? false;
  useEffect(() => {
    // Decided once, from the settings as they were at start: turning the option on later
    // takes effect at the next start.
    if (!loaded || decided.current) return;
    decided.current = true;
    if (!enabled) return;
    queryClient
      .fetchQuery({ queryKey: appKeys.updateCheck, queryFn: api.updateCheck, staleTime: Infinity, retry: false })
      .then((answer) => {
        if (answer.status === 'available' && answer.update) {
          notifications.show({
            id: 'update-available',
            title: `Spotter ${answer.update.version} is available`,
            message: 'Read what’s new and install it in Settings → Updates.',
            autoClose: false,
          });
        }
      })
      .catch(() => {
        // Quiet at start: Settings → Updates shows the reason when the trainer asks.
      });
  }, [loaded, enabled, queryClient]);
  return null;
}
