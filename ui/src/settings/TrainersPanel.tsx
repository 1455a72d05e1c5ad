// Settings: the trainers of the studio, each with a time zone, a calendar colour and working hours.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  ColorInput,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import type { AppError, Trainer, TrainerInput, WorkingHours } from '../bindings';
import { everyField, fieldErrorsOf } from '../fieldErrors';
import { useDiscardGuard } from '../components/DiscardGuard';
import { useSaveTrainer, useTrainers } from '../queries';
import { localZone, zonesWith } from '../schedule/zoned';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface DayRow {
  works: boolean;
  start: string;
  end: string;
}

function toRows(hours: WorkingHours[]): DayRow[] {
  return DAYS.map((_, i) => {
    const h = hours.find((x) => x.weekday === i + 1);
    return h ? { works: true, start: h.start, end: h.end } : { works: false, start: '09:00', end: '17:00' };
  });
}

function fromRows(rows: DayRow[]): WorkingHours[] {
  return rows.flatMap((r, i) => (r.works ? [{ weekday: i + 1, start: r.start, end: r.end }] : []));
}

function summary(hours: WorkingHours[]): string {
  if (hours.length === 0) return 'No hours set (always available)';
  return hours.map((h) => `${DAYS[h.weekday - 1]?.slice(0, 3)} ${h.start}–${h.end}`).join(', ');
}

/** Trainers (the first is you) with their zone and working hours; conflicts check them. */
export function TrainersPanel() {
  const trainers = useTrainers();
  const [editing, setEditing] = useState<Trainer | 'new' | null>(null);
  return (
    <Paper withBorder p="md" data-testid="settings-trainers">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Trainers and working hours</Title>
        <Button size="compact-sm" variant="light" onClick={() => setEditing('new')} data-testid="trainer-add">
          Add trainer
        </Button>
      </Group>
      <Table verticalSpacing={6}>
        <Table.Tbody>
          {(trainers.data ?? []).map((t) => (
            <Table.Tr key={t.id} className="clickable-row" onClick={() => setEditing(t)} data-testid="trainer-row">
              <Table.Td w={16}>
                <div style={{ width: 12, height: 12, borderRadius: 6, background: t.color }} />
              </Table.Td>
              <Table.Td>
                {/* A div, not a p: the badge is a block element. */}
                <Text size="sm" fw={600} component="div">
                  {t.name} {t.isMe && <Badge size="xs" variant="light">me</Badge>}
                </Text>
                <Text size="xs" c="dimmed">
                  {t.timeZone} · {summary(t.workingHours)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <TrainerDialog trainer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

function TrainerDialog({ trainer, onClose }: { trainer: Trainer | null; onClose: () => void }) {
  const saveTrainer = useSaveTrainer();
  const zones = useMemo(() => zonesWith(trainer?.timeZone), [trainer?.timeZone]);
  const [name, setName] = useState(trainer?.name ?? '');
  const [email, setEmail] = useState(trainer?.email ?? '');
  const [color, setColor] = useState(trainer?.color ?? '');
  const [zone, setZone] = useState(trainer?.timeZone ?? localZone());
  const [rows, setRows] = useState<DayRow[]>(() =>
    toRows(trainer?.workingHours ?? fromRows(DAYS.map((_, i) => ({ works: i < 5, start: '07:00', end: '20:00' })))),
  );
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // Escape, the × and Cancel ask before throwing away what was typed.
  const [initial] = useState(() => JSON.stringify({ name, email, color, zone, rows }));
  const guard = useDiscardGuard(JSON.stringify({ name, email, color, zone, rows }) !== initial, onClose);

  const { at, general } = fieldErrorsOf(error, everyField);
  const rowError = (i: number) => {
    const index = fromRows(rows.slice(0, i)).length;
    return error?.field?.startsWith(`workingHours.${index}.`) && rows[i]?.works ? error.message : undefined;
  };

  async function save() {
    setBusy(true);
    setError(null);
    const input: TrainerInput = { name, email: email || null, color: color || null, timeZone: zone, workingHours: fromRows(rows) };
    try {
      await saveTrainer.mutateAsync({ id: trainer?.id ?? null, input });
      onClose();
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Modal opened onClose={guard.requestClose} title={trainer ? `Edit ${trainer.name}` : 'Add trainer'} size="lg" data-testid="trainer-dialog">
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={at('name')} data-testid="trainer-name" />
            <TextInput label="Email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={at('email')} />
          </Group>
          <Group grow align="flex-start">
            <Select label="Time zone" data={zones} value={zone} onChange={(v) => v && setZone(v)} searchable allowDeselect={false} error={at('timeZone')} />
            <ColorInput label="Calendar colour" value={color} onChange={setColor} error={at('color')} />
          </Group>
          <Text size="sm" fw={500}>
            Working hours
          </Text>
          {rows.map((r, i) => (
            <Group key={DAYS[i]} gap="sm" align="flex-start">
              <Checkbox
                w={120}
                mt={6}
                label={DAYS[i]}
                checked={r.works}
                onChange={(e) => {
                  const works = e.currentTarget.checked;
                  setRows((all) => all.map((x, j) => (j === i ? { ...x, works } : x)));
                }}
              />
              <TextInput
                w={90}
                disabled={!r.works}
                value={r.start}
                aria-label={`${DAYS[i]} start`}
                onChange={(e) => {
                  const start = e.currentTarget.value;
                  setRows((all) => all.map((x, j) => (j === i ? { ...x, start } : x)));
                }}
                error={rowError(i) ? true : undefined}
              />
              <TextInput
                w={90}
                disabled={!r.works}
                value={r.end}
                aria-label={`${DAYS[i]} end`}
                onChange={(e) => {
                  const end = e.currentTarget.value;
                  setRows((all) => all.map((x, j) => (j === i ? { ...x, end } : x)));
                }}
                error={rowError(i)}
              />
            </Group>
          ))}
          {general && <Alert color="red">{general.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose} data-testid="trainer-cancel">
              Cancel
            </Button>
            <Button onClick={() => void save()} loading={busy} data-testid="trainer-save">
              Save
            </Button>
          </Group>
        </Stack>
      </Modal>
      {guard.dialog}
    </>
  );
}
