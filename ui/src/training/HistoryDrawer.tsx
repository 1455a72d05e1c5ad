import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  List,
  NativeSelect,
  Paper,
  Popover,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import type { Plan, PlanVersion, Units } from '../bindings';
import { formatTimestamp } from '../format';
import { usePlanCompare, usePlanVersion, usePlanVersions, useRestorePlan } from '../trainingQueries';
import { PlanBodyView } from './PlanBodyView';

/** Every saved version, newest first: who, when and what changed; view, compare, restore. */
export function HistoryDrawer({
  plan,
  opened,
  onClose,
  dirty,
  units,
  onRestored,
}: {
  plan: Plan;
  opened: boolean;
  onClose: () => void;
  dirty: boolean;
  units: Units;
  onRestored: (plan: Plan) => void;
}) {
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title="Version history" data-testid="history-drawer">
      {opened && <History plan={plan} dirty={dirty} units={units} onRestored={onRestored} />}
    </Drawer>
  );
}

function History({
  plan,
  dirty,
  units,
  onRestored,
}: {
  plan: Plan;
  dirty: boolean;
  units: Units;
  onRestored: (plan: Plan) => void;
}) {
  const versions = usePlanVersions(plan.id);
  const [viewing, setViewing] = useState<number | null>(null);
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const restore = useRestorePlan();

  if (viewing !== null) {
    return <VersionView plan={plan} version={viewing} units={units} onBack={() => setViewing(null)} />;
  }
  if (versions.error) {
    return (
      <Alert color="red" variant="light" title="Could not load the history">
        {versions.error.message}
      </Alert>
    );
  }
  const list = versions.data ?? [];

  return (
    <Stack gap="sm">
      {list.length > 1 && <Compare planId={plan.id} versions={list} pair={pair} onPair={setPair} />}
      {restore.error && (
        <Alert color="red" variant="light" title="Not restored">
          {restore.error.message}
        </Alert>
      )}
      {list.map((v) => (
        <VersionRow
          key={v.version}
          version={v}
          current={v.version === plan.version}
          dirty={dirty}
          restoring={restore.isPending && restore.variables?.version === v.version}
          onView={() => setViewing(v.version)}
          onCompare={() => setPair({ from: v.version, to: plan.version })}
          onRestore={() => restore.mutate({ id: plan.id, version: v.version }, { onSuccess: onRestored })}
        />
      ))}
    </Stack>
  );
}

function VersionRow({
  version: v,
  current,
  dirty,
  restoring,
  onView,
  onCompare,
  onRestore,
}: {
  version: PlanVersion;
  current: boolean;
  dirty: boolean;
  restoring: boolean;
  onView: () => void;
  onCompare: () => void;
  onRestore: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const lines = v.summary.split('\n').filter(Boolean);
  return (
    <Paper withBorder p="sm" data-testid="version-row" data-version={v.version}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Group gap={6}>
            <Text size="sm" fw={700}>
              Version {v.version}
            </Text>
            {current && (
              <Badge size="xs" variant="light">
                Current
              </Badge>
            )}
            {v.authorKind === 'ai' && (
              <Badge size="xs" color="grape" variant="filled" data-testid="version-ai">
                AI
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {v.authorName} · {formatTimestamp(v.createdAt)}
            {v.restoredFrom ? ` · restored from version ${v.restoredFrom}` : ''}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" variant="subtle" onClick={onView} data-testid="version-view">
            View
          </Button>
          {!current && (
            <Button size="compact-xs" variant="subtle" onClick={onCompare} data-testid="version-compare">
              Compare
            </Button>
          )}
          {!current && (
            <Popover opened={asking} onChange={setAsking} position="bottom-end" withArrow shadow="md" trapFocus>
              <Popover.Target>
                <Button
                  size="compact-xs"
                  variant="light"
                  loading={restoring}
                  onClick={() => setAsking((o) => !o)}
                  data-testid="version-restore"
                >
                  Restore
                </Button>
              </Popover.Target>
              <Popover.Dropdown maw={280}>
                <Stack gap="xs">
                  <Text size="sm">
                    Make version {v.version} current again? It is saved as a new version; nothing in the history is lost.
                    {dirty && ' Your unsaved changes are discarded.'}
                  </Text>
                  <Group gap="xs" justify="flex-end">
                    <Button size="compact-sm" variant="default" onClick={() => setAsking(false)}>
                      Keep
                    </Button>
                    <Button
                      size="compact-sm"
                      onClick={() => {
                        setAsking(false);
                        onRestore();
                      }}
                      data-testid="version-restore-confirm"
                    >
                      Restore
                    </Button>
                  </Group>
                </Stack>
              </Popover.Dropdown>
            </Popover>
          )}
        </Group>
      </Group>
      <List size="xs" mt={4} spacing={0} data-testid="version-summary">
        {lines.map((line, i) => (
          <List.Item key={i}>{line}</List.Item>
        ))}
      </List>
    </Paper>
  );
}

/** Two versions side by side as readable change lines (planCompare). */
function Compare({
  planId,
  versions,
  pair,
  onPair,
}: {
  planId: string;
  versions: PlanVersion[];
  pair: { from: number; to: number } | null;
  onPair: (pair: { from: number; to: number } | null) => void;
}) {
  const newest = versions[0]!.version;
  const shown = pair ?? { from: versions[1]!.version, to: newest };
  const lines = usePlanCompare(planId, pair && pair.from !== pair.to ? pair : null);
  const options = versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }));
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-default-hover)">
      <Group gap="xs" align="flex-end">
        <NativeSelect
          size="xs"
          label="Compare"
          data={options}
          value={String(shown.from)}
          onChange={(e) => onPair({ ...shown, from: Number(e.currentTarget.value) })}
          data-testid="compare-from"
        />
        <NativeSelect
          size="xs"
          label="with"
          data={options}
          value={String(shown.to)}
          onChange={(e) => onPair({ ...shown, to: Number(e.currentTarget.value) })}
          data-testid="compare-to"
        />
        {pair ? (
          <Button size="compact-sm" variant="subtle" color="gray" onClick={() => onPair(null)}>
            Close
          </Button>
        ) : (
          <Button size="compact-sm" variant="light" onClick={() => onPair(shown)} data-testid="compare-run">
            Show changes
          </Button>
        )}
      </Group>
      {pair && (
        <Stack gap={2} mt="xs" data-testid="compare-result">
          {pair.from === pair.to ? (
            <Text size="xs" c="dimmed">
              Choose two different versions.
            </Text>
          ) : lines.error ? (
            <Text size="xs" c="red">
              {lines.error.message}
            </Text>
          ) : lines.data?.length === 0 ? (
            <Text size="xs" c="dimmed">
              No differences.
            </Text>
          ) : (
            lines.data?.map((line, i) => (
              <Text key={i} size="xs" data-testid="compare-line">
                {line}
              </Text>
            ))
          )}
        </Stack>
      )}
    </Paper>
  );
}

function VersionView({ plan, version, units, onBack }: { plan: Plan; version: number; units: Units; onBack: () => void }) {
  const detail = usePlanVersion(plan.id, version);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={700} data-testid="version-view-title">
          Version {version}
          {detail.data ? ` · ${detail.data.meta.name}` : ''}
        </Text>
        <Button size="compact-sm" variant="default" onClick={onBack} data-testid="version-back">
          Back to history
        </Button>
      </Group>
      {detail.data && (
        <Text size="xs" c="dimmed">
          {detail.data.meta.authorName} · {formatTimestamp(detail.data.meta.createdAt)} · read only
        </Text>
      )}
      {detail.error && (
        <Alert color="red" variant="light">
          {detail.error.message}
        </Alert>
      )}
      {detail.data && <PlanBodyView body={detail.data.body} units={units} startDate={plan.startDate ?? null} />}
    </Stack>
  );
}
