import { Alert, Badge, Button, Group, Modal, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { chosenUpload } from '../api';
import type { AppError, FileUpload, IcsExportSummary, IcsPreview, Trainer } from '../bindings';
import { ChooseFileButton, useFileDialog } from '../components/FileChoice';
import { fileSlug } from '../files';
import { useExportCalendar, useIcsImport, useIcsPreview } from '../sessionQueries';

/** Writes a trainer's calendar to an .ics file chosen in the save dialog. */
export function IcsExportDialog({ trainers, onClose }: { trainers: Trainer[]; onClose: () => void }) {
  const [trainerId, setTrainerId] = useState(trainers[0]?.id ?? '');
  const [result, setResult] = useState<IcsExportSummary | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useFileDialog();
  const exportCalendar = useExportCalendar();

  async function run() {
    const trainer = trainers.find((x) => x.id === trainerId);
    setError(null);
    setResult(null);
    const path = await dialog.save('calendar_ics', `${fileSlug(trainer?.name ?? '', 'trainer')}-calendar.ics`);
    if (!path) return;
    setBusy(true);
    try {
      setResult(await exportCalendar.mutateAsync({ trainer: trainerId, path }));
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="Export calendar (.ics)" size="lg" data-testid="ics-export-dialog">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Every session of the trainer, with repeat rules and time zones, for Google Calendar, Apple Calendar or Outlook.
          Importing an updated file again updates the same events.
        </Text>
        <Select
          label="Trainer"
          data={trainers.map((t) => ({ value: t.id, label: t.name }))}
          value={trainerId}
          onChange={(v) => v && setTrainerId(v)}
          allowDeselect={false}
          data-testid="ics-export-trainer"
        />
        {(error ?? dialog.error) && (
          <Alert color="red" data-testid="ics-export-error">
            {(error ?? dialog.error)?.message}
          </Alert>
        )}
        {result && (
          <Alert color="teal" data-testid="ics-export-result">
            Saved {result.events} events ({result.sessions} sessions) to {result.path}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button onClick={() => void run()} loading={busy || dialog.busy} disabled={!trainerId} data-testid="ics-export-confirm">
            Export…
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Imports an .ics file: a preview of every event first, nothing written until confirmed. */
export function IcsImportDialog({ trainers, onClose }: { trainers: Trainer[]; onClose: () => void }) {
  const { mutateAsync: previewIcs } = useIcsPreview();
  const importIcs = useIcsImport();
  const [trainerId, setTrainerId] = useState(trainers[0]?.id ?? '');
  const [file, setFile] = useState<FileUpload | null>(null);
  const [preview, setPreview] = useState<IcsPreview | null>(null);
  const [done, setDone] = useState<IcsPreview | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!file || !trainerId) return;
    setBusy(true);
    setError(null);
    setPreview(null);
    previewIcs({ file, trainer: trainerId })
      .then(setPreview)
      .catch((e: AppError) => setError(e))
      .finally(() => setBusy(false));
  }, [file, trainerId, previewIcs]);

  async function confirm() {
    if (!file) return;
    setBusy(true);
    try {
      // Resolves once the calendar has the imported sessions.
      setDone(await importIcs.mutateAsync({ file, trainer: trainerId }));
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="Import calendar (.ics)" size="xl" data-testid="ics-import-dialog">
      <Stack gap="sm">
        <Group grow>
          <Select
            label="Sessions belong to"
            data={trainers.map((t) => ({ value: t.id, label: t.name }))}
            value={trainerId}
            onChange={(v) => v && setTrainerId(v)}
            allowDeselect={false}
            data-testid="ics-import-trainer"
          />
          <ChooseFileButton
            kind="calendar_ics"
            label="Calendar file"
            chosen={file?.path ?? null}
            onChosen={(path) => {
              setDone(null);
              setFile(chosenUpload(path));
            }}
            testId="ics-file"
          />
        </Group>
        {error && (
          <Alert color="red" data-testid="ics-import-error">
            {error.message}
          </Alert>
        )}
        {preview && !done && (
          <>
            <Text size="sm" data-testid="ics-import-summary">
              {preview.sessionsToImport} sessions to import; {preview.eventsSkipped} events skipped. Events whose title is a
              client’s name become that client’s sessions.
            </Text>
            <ScrollArea.Autosize mah={320}>
              <Table striped withTableBorder fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Event</Table.Th>
                    <Table.Th>First</Table.Th>
                    <Table.Th>Sessions</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.events.map((e) => (
                    <Table.Tr key={`${e.uid}-${e.localStart}`} data-testid="ics-preview-row">
                      <Table.Td>
                        {e.summary}
                        {e.clientName && (
                          <Badge ml={6} size="xs" variant="light">
                            client
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {e.localStart.replace('T', ' ')} <Text span size="xs" c="dimmed">{e.timeZone}</Text>
                      </Table.Td>
                      <Table.Td>{e.recurring ? `${e.sessions} (repeats)` : e.sessions}</Table.Td>
                      <Table.Td>
                        {e.action === 'import' ? (
                          <Badge color="teal" size="sm">
                            import
                          </Badge>
                        ) : (
                          <Text size="xs" c="dimmed">
                            skipped: {e.reason}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
        {done && (
          <Alert color="teal" data-testid="ics-import-result">
            Imported {done.sessionsToImport} sessions; {done.eventsSkipped} events skipped.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          {!done && (
            <Button
              onClick={() => void confirm()}
              loading={busy}
              disabled={!preview || preview.sessionsToImport === 0}
              data-testid="ics-import-confirm"
            >
              Import {preview ? preview.sessionsToImport : ''} sessions
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
