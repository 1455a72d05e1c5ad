import { Alert, Stack, Table, Text } from '@mantine/core';
import type { Client, Measurement, Units } from '../../bindings';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { formatIsoDate } from '../../format';
import { displayValue, formatValue, seriesLabel } from '../../measurements';
import { useMeasurements, useSettings } from '../../queries';
import { useDeleteMeasurement } from '../../recordQueries';
import { MeasurementCharts } from './MeasurementCharts';
import { MeasurementForm } from './MeasurementForm';
import { Empty } from './parts';

export function MeasurementsTab({ client }: { client: Client }) {
  const measurements = useMeasurements(client.id);
  const settings = useSettings();
  const units: Units = settings.data?.units ?? 'metric';

  return (
    <Stack gap="md">
      <MeasurementForm clientId={client.id} units={units} />
      {measurements.isError ? (
        <Alert color="red" variant="light" title="Could not load measurements">
          {measurements.error.message}
        </Alert>
      ) : measurements.data?.length === 0 ? (
        <Empty testId="measurements-empty">No measurements yet. Add the first one above.</Empty>
      ) : (
        measurements.data && (
          <>
            <MeasurementCharts list={measurements.data} units={units} />
            <MeasurementTable list={measurements.data} units={units} clientId={client.id} />
          </>
        )
      )}
      <Text size="xs" c="dimmed">
        Shown in {units === 'imperial' ? 'pounds and inches' : 'kilograms and centimetres'}, as chosen in Settings.
      </Text>
    </Stack>
  );
}

function MeasurementTable({ list, units, clientId }: { list: Measurement[]; units: Units; clientId: string }) {
  const remove = useDeleteMeasurement(clientId);
  return (
    <Stack gap="xs">
      {remove.error && (
        <Alert color="red" variant="light" title="Not deleted">
          {remove.error.message}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Measurement</Table.Th>
              <Table.Th ta="right">Value</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {/* Newest first to read; the list comes oldest first for the charts. */}
            {[...list].reverse().map((m) => {
              const shown = displayValue(m, units);
              return (
                <Table.Tr key={m.id} data-testid="measurement-row" data-measurement-id={m.id}>
                  <Table.Td>{formatIsoDate(m.measuredOn)}</Table.Td>
                  <Table.Td>{seriesLabel(m)}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatValue(shown.value, m.metric)} {shown.unit}
                  </Table.Td>
                  <Table.Td ta="right">
                    <ConfirmDelete
                      question={`Delete “${seriesLabel(m)}” of ${formatIsoDate(m.measuredOn)}?`}
                      onConfirm={() => remove.mutate(m.id)}
                      loading={remove.isPending && remove.variables === m.id}
                      testId="measurement-delete"
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
