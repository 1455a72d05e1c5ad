import '@mantine/dates/styles.css';
import { formatIsoWeekdayDate } from '../format';
import { Group, Select, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { AppError } from '../bindings';
import { fieldErrorsOf } from '../fieldErrors';
import { useClients } from '../queries';

export interface Assignment {
  clientId: string | null;
  startDate: string;
}

/** Client (searchable, active clients) and start date; backend errors land at their field. */
export function AssignFields({
  value,
  onChange,
  error,
  clientOptional = false,
}: {
  value: Assignment;
  onChange: (value: Assignment) => void;
  error: AppError | null;
  clientOptional?: boolean;
}) {
  const clients = useClients({ status: 'active' });
  const { at } = fieldErrorsOf(error, ['clientId', 'startDate']);
  return (
    <Stack gap={4}>
      <Group grow align="flex-start">
        <Select
          label="Client"
          placeholder={clientOptional ? 'None yet' : 'Choose a client'}
          withAsterisk={!clientOptional}
          data={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={value.clientId}
          onChange={(clientId) => onChange({ ...value, clientId })}
          searchable
          clearable={clientOptional}
          nothingFoundMessage="No active client by that name"
          error={at('clientId')}
          errorProps={{ 'data-testid': 'assign-client-error' }}
          data-testid="assign-client"
        />
        <DateInput
          label="Start date"
          valueFormat="YYYY-MM-DD"
          value={value.startDate || null}
          onChange={(v) => onChange({ ...value, startDate: v ? String(v).slice(0, 10) : '' })}
          error={at('startDate')}
          errorProps={{ 'data-testid': 'assign-start-error' }}
          data-testid="assign-start"
        />
      </Group>
      {value.startDate && (
        <Text size="xs" c="dimmed">
          Week 1 starts on {formatIsoWeekdayDate(value.startDate)}; each plan day falls on its weekday from there.
        </Text>
      )}
    </Stack>
  );
}
