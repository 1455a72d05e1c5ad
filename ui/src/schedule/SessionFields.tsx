// The session dialog's fields: who (trainer, type, clients, with the clearance warning), what and
// where (title, room), when (date, start, end, zone) and, for a group, how many. The core's error
// shows at the field it names.
// Loaded with the calendar's chunk, not with the first screen.
import '@mantine/dates/styles.css';
import { Group, MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMemo } from 'react';
import type { SessionKind, Trainer } from '../bindings';
import { ClearanceWarnings } from '../components/ClearanceWarnings';
import { useClients, useRooms } from '../queries';
import { isGroup, isOneToOne, KIND_OPTIONS } from './kinds';
import { errorAt } from './sessionForm';
import type { SessionEditor } from './useSessionEditor';
import { allZones } from './zoned';

export function SessionFields({ editor, trainers }: { editor: SessionEditor; trainers: Trainer[] }) {
  const { form, set, setTrainer, error, editing } = editor;
  const clients = useClients({ status: 'active', limit: 5000 });
  const rooms = useRooms();

  const clientOptions = useMemo(() => {
    const list = (clients.data ?? []).map((c) => ({ value: c.id, label: c.name }));
    // Participants who are no longer in the active list still show by name.
    for (const p of editing?.participants ?? []) {
      if (!list.some((o) => o.value === p.clientId)) list.push({ value: p.clientId, label: p.name });
    }
    return list;
  }, [clients.data, editing]);
  // The list the webview knows, plus the session's own zone (e.g. "Etc/UTC") if it is not in it.
  const zones = useMemo(() => {
    const list = allZones();
    return list.includes(form.timeZone) ? list : [form.timeZone, ...list];
  }, [form.timeZone]);

  return (
    <>
      <Group grow align="flex-start">
        <Select
          label="Trainer"
          data={trainers.map((t) => ({ value: t.id, label: t.isMe ? `${t.name} (me)` : t.name }))}
          value={form.trainerId}
          onChange={setTrainer}
          error={errorAt(error, 'trainerId')}
          allowDeselect={false}
          data-testid="session-trainer"
        />
        <Select
          label="Type"
          data={KIND_OPTIONS}
          value={form.kind}
          onChange={(v) => v && set('kind', v as SessionKind)}
          allowDeselect={false}
          error={errorAt(error, 'kind')}
          data-testid="session-kind"
        />
      </Group>
      <MultiSelect
        label={isOneToOne(form.kind) ? 'Client' : 'Clients'}
        placeholder="Type a name"
        data={clientOptions}
        value={form.clientIds}
        onChange={(v) => set('clientIds', isOneToOne(form.kind) ? v.slice(-1) : v)}
        searchable
        limit={50}
        nothingFoundMessage="No active client by that name"
        error={errorAt(error, 'clientIds')}
        data-testid="session-clients"
      />
      {(!editing || editing.status === 'scheduled') && (
        <ClearanceWarnings clientIds={form.clientIds} doing={form.repeat ? 'book this series' : 'book this session'} />
      )}
      <Group grow align="flex-start">
        <TextInput
          label="Title"
          description={isOneToOne(form.kind) ? 'Optional: the client’s name shows otherwise' : undefined}
          value={form.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errorAt(error, 'title')}
          data-testid="session-title"
        />
        <Select
          label="Room"
          placeholder="None"
          clearable
          data={(rooms.data ?? []).map((r) => ({
            value: r.id,
            label: r.capacity ? `${r.name} (${r.capacity})` : r.name,
          }))}
          value={form.roomId}
          onChange={(v) => set('roomId', v)}
          error={errorAt(error, 'roomId')}
          data-testid="session-room"
        />
      </Group>
      <Group grow align="flex-start">
        <DateInput
          label="Date"
          valueFormat="YYYY-MM-DD"
          value={form.date}
          onChange={(v) => v && set('date', typeof v === 'string' ? v : String(v))}
          data-testid="session-date"
        />
        <TextInput
          label="Start"
          placeholder="HH:MM"
          value={form.start}
          onChange={(e) => set('start', e.currentTarget.value)}
          error={errorAt(error, 'start')}
          data-testid="session-start"
        />
        <TextInput
          label="End"
          placeholder="HH:MM"
          value={form.end}
          onChange={(e) => set('end', e.currentTarget.value)}
          error={errorAt(error, 'end')}
          data-testid="session-end"
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label="Time zone"
          description="Planned in this zone; stays at this local time across daylight saving"
          data={zones}
          value={form.timeZone}
          onChange={(v) => v && set('timeZone', v)}
          searchable
          allowDeselect={false}
          error={errorAt(error, 'timeZone')}
          data-testid="session-zone"
        />
        {isGroup(form.kind) && (
          <NumberInput
            label="Capacity"
            min={1}
            max={500}
            placeholder={form.kind === 'class' ? '20' : '6'}
            value={form.capacity}
            onChange={(v) => set('capacity', typeof v === 'number' ? v : '')}
            error={errorAt(error, 'capacity')}
            data-testid="session-capacity"
          />
        )}
      </Group>
    </>
  );
}
