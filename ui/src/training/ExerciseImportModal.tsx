import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  ScrollArea,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { chosenUpload } from '../api';
import { useDirtyGuard, useReportDirty } from '../components/DiscardGuard';
import { ChooseFileButton } from '../components/FileChoice';
import type {
  DuplicateAction,
  DuplicateDecision,
  ExerciseImportPreview,
  ExerciseImportReport,
  FileUpload,
  ImportedExercise,
} from '../bindings';
import { useExerciseImport, useExerciseImportPreview } from '../trainingQueries';
import { muscleLabel, patternLabel } from './vocab';

const ACTIONS: { value: DuplicateAction; label: string }[] = [
  { value: 'skip', label: 'Skip' },
  { value: 'merge', label: 'Merge into existing' },
  { value: 'add_separately', label: 'Add separately' },
];

const FORMAT_LABEL: Record<string, string> = { wger: 'wger export', 'free-exercise-db': 'free-exercise-db' };

export function ExerciseImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  // Escape, the × and Cancel ask first once the trainer decided about a duplicate.
  const guard = useDirtyGuard(onClose);
  return (
    <>
      <Modal opened={opened} onClose={guard.requestClose} title="Import exercises" size="xl">
        {/* Unmounted on close, so every opening starts fresh. */}
        <ImportWizard onClose={guard.close} onCancel={guard.requestClose} onDirtyChange={guard.setDirty} />
      </Modal>
      {guard.dialog}
    </>
  );
}

/** Pick a file, review what it holds and decide about duplicates; nothing is written before Import. */
function ImportWizard({
  onClose,
  onCancel,
  onDirtyChange,
}: {
  onClose: () => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const [file, setFile] = useState<FileUpload | null>(null);
  const [actions, setActions] = useState<Record<string, DuplicateAction>>({});
  const preview = useExerciseImportPreview();
  const importer = useExerciseImport();
  // Skip is what an untouched duplicate does: only another choice is something to lose.
  useReportDirty(!importer.data && Object.values(actions).some((a) => a !== 'skip'), onDirtyChange);

  // A file chosen in the open dialog: Spotter reads it by its path.
  const pick = (path: string) => {
    setActions({});
    preview.reset();
    importer.reset();
    const upload = chosenUpload(path);
    setFile(upload);
    preview.mutate(upload);
  };

  if (importer.data) return <ImportResult report={importer.data} onClose={onClose} />;

  const data = preview.data;
  const duplicates = data?.entries.filter((e) => e.duplicateOf) ?? [];
  const fresh = data?.entries.filter((e) => !e.duplicateOf) ?? [];
  const actionOf = (e: ImportedExercise) => actions[e.sourceRef] ?? 'skip';
  const toWrite = fresh.length + duplicates.filter((e) => actionOf(e) !== 'skip').length;
  const fileError = preview.error?.message ?? null;

  const confirm = () => {
    if (!file) return;
    const decisions: DuplicateDecision[] = duplicates.map((e) => ({ sourceRef: e.sourceRef, action: actionOf(e) }));
    importer.mutate({ file, decisions });
  };

  const setAll = (action: DuplicateAction) =>
    setActions(Object.fromEntries(duplicates.map((e) => [e.sourceRef, action])));

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <ChooseFileButton
          kind="exercises"
          label="Exercise file (JSON)"
          chosen={file?.path ?? null}
          onChosen={pick}
          testId="exercise-import-file"
        />
        {fileError ? (
          <Text size="sm" c="red" data-testid="exercise-import-file-error">
            {fileError}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            A wger exercise export (exerciseinfo) or free-exercise-db’s exercises.json. Licence and attribution are kept with
            every exercise.
          </Text>
        )}
      </Stack>

      {preview.isPending && (
        <Text size="sm" c="dimmed">
          Reading the file…
        </Text>
      )}

      {data && (
        <>
          <Group gap="xs" data-testid="import-summary">
            <Badge variant="light" tt="none" data-testid="import-format">
              {FORMAT_LABEL[data.format] ?? data.format}
            </Badge>
            <Text size="sm">
              {data.entries.length} {data.entries.length === 1 ? 'exercise' : 'exercises'}: {fresh.length} new,{' '}
              {duplicates.length} already in your library
              {data.skipped.length > 0 && `, ${data.skipped.length} skipped`}
            </Text>
          </Group>

          {data.partial && (
            <Alert color="yellow" variant="light" title="Only part of the list" data-testid="import-partial">
              This wger file is one page of a longer list. Export the other pages too, or download the full list, to import
              every exercise.
            </Alert>
          )}

          {duplicates.length > 0 && (
            <DuplicateChoices duplicates={duplicates} actionOf={actionOf} onChange={(ref, a) => setActions((s) => ({ ...s, [ref]: a }))} onAll={setAll} />
          )}

          {fresh.length > 0 && <EntryTable title="New exercises" entries={fresh} />}

          {data.skipped.length > 0 && <Skipped preview={data} />}
        </>
      )}

      {importer.error && (
        <Alert color="red" variant="light" title="Nothing was imported" data-testid="exercise-import-error">
          {importer.error.message}
        </Alert>
      )}

      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel} data-testid="exercise-import-cancel">
          Cancel
        </Button>
        <Button
          onClick={confirm}
          disabled={!data || preview.isPending || toWrite === 0}
          loading={importer.isPending}
          data-testid="exercise-import-confirm"
        >
          {data && toWrite > 0 ? `Import ${toWrite} ${toWrite === 1 ? 'exercise' : 'exercises'}` : 'Import'}
        </Button>
      </Group>
    </Stack>
  );
}

/** `duplicate-action-<i>`: i counts the duplicates, in file order, from 0. */
function DuplicateChoices({
  duplicates,
  actionOf,
  onChange,
  onAll,
}: {
  duplicates: ImportedExercise[];
  actionOf: (e: ImportedExercise) => DuplicateAction;
  onChange: (sourceRef: string, action: DuplicateAction) => void;
  onAll: (action: DuplicateAction) => void;
}) {
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            Already in your library
          </Text>
          <Text size="xs" c="dimmed">
            Merge adds what the existing exercise lacks (muscles, equipment, instructions); Add separately keeps both, named
            with the source.
          </Text>
        </Stack>
        {duplicates.length > 1 && (
          <NativeSelect
            size="xs"
            aria-label="Set all duplicates to"
            data={[{ value: '', label: 'Set all to…' }, ...ACTIONS]}
            value=""
            onChange={(e) => e.currentTarget.value && onAll(e.currentTarget.value as DuplicateAction)}
            data-testid="duplicate-action-all"
          />
        )}
      </Group>
      <ScrollArea.Autosize mah={220} type="auto">
        <Table fz="sm" verticalSpacing={4}>
          <Table.Tbody>
            {duplicates.map((e, i) => (
              <Table.Tr key={e.sourceRef} data-testid="import-duplicate" data-name={e.exercise.name}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {e.exercise.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Matches “{e.duplicateOf?.name}” · {e.license}
                    {e.attribution && ` · ${e.attribution}`}
                  </Text>
                </Table.Td>
                <Table.Td w={200}>
                  <NativeSelect
                    size="xs"
                    aria-label={`What to do with ${e.exercise.name}`}
                    data={ACTIONS}
                    value={actionOf(e)}
                    onChange={(ev) => onChange(e.sourceRef, ev.currentTarget.value as DuplicateAction)}
                    data-testid={`duplicate-action-${i}`}
                    data-source-ref={e.sourceRef}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function EntryTable({ title, entries }: { title: string; entries: ImportedExercise[] }) {
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <ScrollArea.Autosize mah={260} type="auto">
        <Table fz="sm" verticalSpacing={4} stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Exercise</Table.Th>
              <Table.Th>Muscles · pattern</Table.Th>
              <Table.Th>Licence</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.sourceRef} data-testid="import-entry" data-name={e.exercise.name}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {e.exercise.name}
                  </Text>
                  {e.notes.length > 0 && (
                    <List size="xs" c="yellow.8" data-testid="import-entry-notes">
                      {e.notes.map((n, i) => (
                        <List.Item key={i}>{n}</List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {e.exercise.primaryMuscles.map(muscleLabel).join(', ') || '—'} · {patternLabel(e.exercise.pattern)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{e.license}</Text>
                  <Text size="xs" c="dimmed">
                    {e.attribution}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function Skipped({ preview }: { preview: ExerciseImportPreview }) {
  return (
    <Alert color="gray" variant="light" title={`Skipped ${preview.skipped.length}`} data-testid="import-skipped">
      <ScrollArea.Autosize mah={140} type="auto">
        <List size="sm" spacing={2}>
          {preview.skipped.map((s, i) => (
            <List.Item key={i}>
              {s.name || 'Unnamed entry'}: {s.reason}
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
    </Alert>
  );
}

function ImportResult({ report, onClose }: { report: ExerciseImportReport; onClose: () => void }) {
  const parts = [
    `Added ${report.added}`,
    report.merged > 0 && `merged ${report.merged}`,
    report.skipped > 0 && `skipped ${report.skipped}`,
  ].filter(Boolean);
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" title="Import finished" data-testid="exercise-import-result">
        <Text size="sm">{parts.join(', ')}.</Text>
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onClose} data-testid="exercise-import-done">
          Done
        </Button>
      </Group>
    </Stack>
  );
}
