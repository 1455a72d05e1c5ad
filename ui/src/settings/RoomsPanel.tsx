import { Button, Group, NumberInput, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { AppError } from '../bindings';
import { useFieldErrors } from '../fieldErrors';
import { useCreateRoom, useRooms } from '../queries';

/** Rooms and how many people each holds at once (the calendar warns when one is full). */
export function RoomsPanel() {
  const rooms = useRooms();
  const create = useCreateRoom();
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState<number | ''>('');
  const { setError, at } = useFieldErrors(['name', 'capacity']);

  async function add() {
    setError(null);
    try {
      await create.mutateAsync({ name, capacity: capacity === '' ? null : capacity });
      setName('');
      setCapacity('');
    } catch (e) {
      setError(e as AppError);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="settings-rooms">
      <Title order={4} mb="sm">
        Rooms
      </Title>
      <Table verticalSpacing={4}>
        <Table.Tbody>
          {(rooms.data ?? []).map((r) => (
            <Table.Tr key={r.id} data-testid="room-row">
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {r.capacity ? `${r.capacity} people at once` : 'No limit'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="sm" align="flex-start" gap="xs">
        <TextInput
          placeholder="Room name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={at('name')}
          data-testid="room-name"
        />
        <NumberInput
          placeholder="Capacity"
          w={120}
          min={1}
          value={capacity}
          onChange={(v) => setCapacity(typeof v === 'number' ? v : '')}
          error={at('capacity')}
          data-testid="room-capacity"
        />
        <Button variant="light" onClick={() => void add()} data-testid="room-add">
          Add room
        </Button>
      </Group>
    </Paper>
  );
}
