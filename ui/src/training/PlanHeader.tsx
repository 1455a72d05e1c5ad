import { ActionIcon, Anchor, Badge, Button, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { AppError, Plan } from '../bindings';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { formatIsoDate, modKeyLabel } from '../format';
import { IconHistory, IconPrinter, IconUndo } from './icons';

/** Name, where the plan stands (client, start, version) and what can be done with it. */
export function PlanHeader({
  plan,
  name,
  onName,
  nameError,
  dirty,
  saving,
  canUndo,
  deleting,
  onUndo,
  onSave,
  onOpen,
  onDelete,
}: {
  plan: Plan;
  name: string;
  onName: (name: string) => void;
  nameError: AppError | null;
  dirty: boolean;
  saving: boolean;
  canUndo: boolean;
  deleting: boolean;
  onUndo: () => void;
  onSave: () => void;
  onOpen: (dialog: 'history' | 'assign' | 'pdf' | 'template' | 'use') => void;
  onDelete: () => void;
}) {
  const mod = modKeyLabel();
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="md" wrap="wrap">
      <Stack gap={2} miw={0} flex={1}>
        <Anchor component={Link} to={`/training?tab=${plan.isTemplate ? 'templates' : 'plans'}`} size="xs" c="dimmed">
          ← {plan.isTemplate ? 'Templates' : 'Plans'}
        </Anchor>
        <Group gap="sm" wrap="nowrap" align="center">
          <TextInput
            variant="unstyled"
            size="lg"
            maw="min(640px, 60vw)"
            aria-label="Plan name"
            value={name}
            onChange={(e) => onName(e.currentTarget.value)}
            error={nameError?.message}
            // As wide as the name, so the version sits right after it.
            styles={{
              input: {
                fontWeight: 700,
                fontSize: 'var(--mantine-font-size-xl)',
                width: `${Math.max(10, name.length + 2)}ch`,
                maxWidth: '100%',
              },
            }}
            data-testid="plan-name"
          />
          <Badge variant="light" color="gray" data-testid="plan-version">
            Version {plan.version}
          </Badge>
          {dirty && (
            <Badge variant="light" color="yellow" data-testid="plan-dirty">
              Unsaved
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          {plan.isTemplate ? (
            <>
              <Badge variant="outline" data-testid="plan-template-badge">
                Template
              </Badge>
              <Button size="compact-xs" variant="light" onClick={() => onOpen('use')} data-testid="template-use">
                Use template
              </Button>
            </>
          ) : (
            <>
              <Text size="sm" c="dimmed" data-testid="plan-assignment">
                {plan.clientId ? (
                  <>
                    <Anchor component={Link} to={`/clients/${plan.clientId}`} size="sm">
                      {plan.clientName ?? 'Client'}
                    </Anchor>
                    {plan.startDate && ` · starts ${formatIsoDate(plan.startDate)}`}
                  </>
                ) : (
                  'Not assigned to a client'
                )}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => onOpen('assign')} data-testid="plan-assign">
                {plan.clientId ? 'Change' : 'Assign'}
              </Button>
            </>
          )}
        </Group>
      </Stack>
      <Group gap={6} wrap="nowrap">
        <Tooltip label={`Undo (${mod}+Z)`}>
          <ActionIcon variant="default" size="lg" onClick={onUndo} disabled={!canUndo} aria-label="Undo" data-testid="plan-undo">
            <IconUndo />
          </ActionIcon>
        </Tooltip>
        <Button variant="default" leftSection={<IconHistory />} onClick={() => onOpen('history')} data-testid="plan-history">
          History
        </Button>
        <Button variant="default" leftSection={<IconPrinter />} onClick={() => onOpen('pdf')} data-testid="plan-pdf">
          Print
        </Button>
        <Button variant="default" onClick={() => onOpen('template')} data-testid="plan-save-template">
          Save as template
        </Button>
        <ConfirmDelete
          question={`Delete “${plan.name}”? Logged workouts keep their record of it.`}
          onConfirm={onDelete}
          loading={deleting}
          testId="plan-delete"
        />
        <Tooltip label={dirty ? `Save as version ${plan.version + 1} (${mod}+S)` : 'Nothing to save'}>
          <Button onClick={onSave} disabled={!dirty} loading={saving} data-testid="plan-save">
            Save
          </Button>
        </Tooltip>
      </Group>
    </Group>
  );
}
