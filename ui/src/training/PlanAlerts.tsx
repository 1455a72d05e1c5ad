import { Alert, Button, Group, Text } from '@mantine/core';
import type { AppError } from '../bindings';
import { placeOf, type ErrorPlace } from './planErrors';

/**
 * Why the last save did not go through, above the plan: a version conflict (reload, or keep the
 * changes on top of the newer version), a newer version seen meanwhile, or a validation error
 * with a way to jump to its place.
 */
export function PlanAlerts({
  error,
  newerVersion,
  onReload,
  onShow,
}: {
  error: AppError | null;
  /** Set when the plan was saved elsewhere while this draft has changes. */
  newerVersion: number | null;
  onReload: (keepChanges: boolean) => void;
  onShow: (place: ErrorPlace) => void;
}) {
  const conflict = error?.field === 'baseVersion';
  const place = placeOf(error);
  const choices = (
    <Group gap="xs">
      <Button size="compact-sm" variant="default" onClick={() => onReload(false)} data-testid="plan-reload">
        Reload the newest version (drop my changes)
      </Button>
      <Button size="compact-sm" onClick={() => onReload(true)} data-testid="plan-overwrite">
        Keep my changes on top of it
      </Button>
    </Group>
  );

  if (conflict) {
    return (
      <Alert color="orange" variant="light" title="Saved elsewhere meanwhile" data-testid="plan-conflict">
        <Text size="sm" mb="xs">
          {error.message}. Your changes are still here.
        </Text>
        {choices}
      </Alert>
    );
  }
  return (
    <>
      {newerVersion !== null && (
        <Alert color="orange" variant="light" title={`Version ${newerVersion} was saved meanwhile`} data-testid="plan-newer">
          <Text size="sm" mb="xs">
            Saving these changes now would be refused.
          </Text>
          {choices}
        </Alert>
      )}
      {error && (
        <Alert color="red" variant="light" title="Not saved: nothing was lost, fix this and save again" data-testid="plan-error">
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <Text size="sm">{error.message}</Text>
            {place && (
              <Button size="compact-xs" variant="light" color="red" onClick={() => onShow(place)}>
                Show
              </Button>
            )}
          </Group>
        </Alert>
      )}
    </>
  );
}
