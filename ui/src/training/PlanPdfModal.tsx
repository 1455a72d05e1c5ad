import { Alert, Modal } from '@mantine/core';
import { SavePdfForm } from '../components/SavePdfForm';
import { fileSlug } from '../files';
import { usePlanPdfSave } from '../trainingQueries';

export function PlanPdfModal({
  opened,
  onClose,
  planId,
  name,
  version,
  dirty,
}: {
  opened: boolean;
  onClose: () => void;
  planId: string;
  name: string;
  version: number;
  dirty: boolean;
}) {
  const save = usePlanPdfSave();
  return (
    <Modal opened={opened} onClose={onClose} title="Print plan (PDF)" size="lg">
      <SavePdfForm
        kind="plan_pdf"
        fileName={`${fileSlug(name, 'plan')}.pdf`}
        save={{
          run: (path) => save.mutate({ id: planId, path }),
          saved: save.data,
          error: save.error,
          pending: save.isPending,
          reset: save.reset,
        }}
        savedTitle="PDF saved"
        intro={
          dirty && (
            <Alert color="yellow" variant="light" data-testid="pdf-unsaved">
              The PDF shows version {version}, the last one saved. Save first to print your changes.
            </Alert>
          )
        }
        onClose={onClose}
      />
    </Modal>
  );
}
