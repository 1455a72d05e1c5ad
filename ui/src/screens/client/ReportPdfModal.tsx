import { Modal, Text } from '@mantine/core';
import type { Client } from '../../bindings';
import { useReportSave } from '../../clientTraining/queries';
import { SavePdfForm } from '../../components/SavePdfForm';
import { fileSlug } from '../../files';

export function ReportPdfModal({ client, opened, onClose }: { client: Client; opened: boolean; onClose: () => void }) {
  const report = useReportSave(client.id);
  return (
    <Modal opened={opened} onClose={onClose} title="Print progress report" size="lg">
      <SavePdfForm
        fileName={`progress-${fileSlug(client.name, 'client')}.pdf`}
        save={{
          run: (path) => report.mutate(path),
          saved: report.data,
          error: report.error,
          pending: report.isPending,
          reset: report.reset,
        }}
        savedTitle="Report saved"
        intro={
          <Text size="sm" c="dimmed">
            Measurements, strength, training volume, adherence and records of {client.name}, on the paper size and with the
            studio name set in Settings.
          </Text>
        }
        onClose={onClose}
      />
    </Modal>
  );
}
