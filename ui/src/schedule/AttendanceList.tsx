// Who came: each participant's attendance in an existing session, saved as soon as it is picked.
import { Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Attendance, Session } from '../bindings';
import { ClearanceBadge } from '../components/ClearanceBadge';
import { useSetAttendance } from '../sessionQueries';

const ATTENDANCE: { value: Attendance; label: string }[] = [
  { value: 'expected', label: 'Expected' },
  { value: 'attended', label: 'Attended' },
  { value: 'no_show', label: 'No-show' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'late_cancelled', label: 'Late cancel' },
];

export function AttendanceList({ session }: { session: Session }) {
  const setAttendance = useSetAttendance();
  const [current, setCurrent] = useState(session.participants);
  return (
    <Stack gap={4} data-testid="attendance-list">
      {current.map((p) => (
        <Group key={p.clientId} justify="space-between" gap="xs">
          <Group gap={6}>
            <Text size="sm">{p.name}</Text>
            <ClearanceBadge needsClearance={p.needsClearance} size="xs" />
          </Group>
          <Select
            size="xs"
            w={140}
            data={ATTENDANCE}
            value={p.attendance}
            allowDeselect={false}
            aria-label={`Attendance of ${p.name}`}
            onChange={(v) => {
              if (!v) return;
              void setAttendance
                .mutateAsync({ id: session.id, client: p.clientId, attendance: v as Attendance })
                .then((s) => setCurrent(s.participants));
            }}
          />
        </Group>
      ))}
    </Stack>
  );
}
