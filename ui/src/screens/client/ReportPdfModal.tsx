import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Client } from '../../bindings';
import { fieldErrorsOf } from '../../fieldErrors';
import { useReportSave } from '../../clientTraining/queries';
import { SavePdfForm } from '../../components/SavePdfForm';
import { fileSlug } from '../../files';
import { todayIso } from '../../format';

const RANGE_FIELDS = ['from', 'to'] as const;

/** The progress report over a period the trainer picks (all of it by default), with their notes from it. */
export function ReportPdfModal({ client, opened, onClose }: { client: Client; opened: boolean; onClose: () => void }) {
  const report = useReportSave(client.id);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // Errors about the period sit at its fields; the rest (writing the file) where SavePdfForm shows them.
  const { at: rangeError, general: pathError } = fieldErrorsOf(report.error, RANGE_FIELDS);
  const lastWeeks = (weeks: number) => {
    setFrom(dayjs(todayIso()).subtract(weeks, 'week').format('YYYY-MM-DD'));
    setTo('');
    report.reset();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Print progress report" size="lg">
      <SavePdfForm
        kind="report_pdf"
        fileName={`progress-${fileSlug(client.name, 'client')}.pdf`}
        save={{
          run: (path) => report.mutate({ path, range: { from: from.trim() || null, to: to.trim() || null } }),
          saved: report.data,
          error: pathError,
          pending: report.isPending,
          reset: report.reset,
        }}
        savedTitle="Report saved"
        intro={
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              Measurements, strength, training volume, adherence, records and your notes on {client.name}, on the paper size
              and with the studio name set in Settings.
            </Text>
            <Group gap="xs" align="flex-start">
              <TextInput
                label="From"
                placeholder="the first record"
                description="YYYY-MM-DD"
                w={150}
                value={from}
                onChange={(e) => {
                  setFrom(e.currentTarget.value);
                  report.reset();
                }}
                error={rangeError('from')}
                autoComplete="off"
                data-testid="report-from"
              />
              <TextInput
                label="To"
                placeholder="today"
                description="YYYY-MM-DD"
                w={150}
                value={to}
                onChange={(e) => {
                  setTo(e.currentTarget.value);
                  report.reset();
                }}
                error={rangeError('to')}
                errorProps={{ 'data-testid': 'report-to-error' }}
                autoComplete="off"
                data-testid="report-to"
              />
            </Group>
            <Group gap={4}>
              <Button size="compact-xs" variant="light" onClick={() => lastWeeks(4)} data-testid="report-last-4">
                Last 4 weeks
              </Button>
              <Button size="compact-xs" variant="light" onClick={() => lastWeeks(12)} data-testid="report-last-12">
                Last 12 weeks
              </Button>
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => {
                  setFrom('');
                  setTo('');
                  report.reset();
                }}
                data-testid="report-all"
              >
                All of it
              </Button>
            </Group>
          </Stack>
        }
        onClose={onClose}
      />
    </Modal>
  );
}
