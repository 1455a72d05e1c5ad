import { Alert, Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { chosenUpload } from '../api';
import type { CsvDelimiter, CsvField, CsvImportRequest, CsvPreview, DateOrder, FileUpload } from '../bindings';
import { useCsvImport, useCsvPreview } from '../recordQueries';
import { Counts, ImportResult, PreviewTable, RowErrors } from './CsvImportPreview';
import { CsvReadOptions } from './CsvReadOptions';
import { useDirtyGuard, useReportDirty } from './DiscardGuard';
import { ChooseFileButton } from './FileChoice';

const FIELDS: { value: CsvField; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'firstName', label: 'First name' },
  { value: 'lastName', label: 'Last name' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'dateOfBirth', label: 'Date of birth' },
  { value: 'goals', label: 'Goals' },
  { value: 'notes', label: 'Notes' },
  { value: 'tags', label: 'Tags' },
  { value: 'archived', label: 'Archived (yes/no)' },
  { value: 'emergencyContactName', label: 'Emergency contact' },
  { value: 'emergencyContactPhone', label: 'Emergency phone' },
  { value: 'fitnessLevel', label: 'Fitness level' },
  { value: 'injuries', label: 'Injuries and limitations' },
  { value: 'bodyAreas', label: 'Body areas' },
  { value: 'preferredTimes', label: 'Preferred times' },
  { value: 'paused', label: 'Paused (yes/no)' },
];

/** NativeSelect values are strings; the empty one means the column is ignored. */
const IGNORE = '';
const MAPPING_OPTIONS = [{ value: IGNORE, label: 'Ignore' }, ...FIELDS];

/** What the trainer decided about reading the file; null means "detect" or "guess". */
interface Choices {
  mapping: (CsvField | null)[] | null;
  delimiter: CsvDelimiter | null;
  dateOrder: DateOrder | null;
  importDuplicates: boolean;
  validRowsOnly: boolean;
}

const FRESH: Choices = { mapping: null, delimiter: null, dateOrder: null, importDuplicates: false, validRowsOnly: false };

export function CsvImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  // Escape, the × and Cancel ask first once the trainer changed how the file is read.
  const guard = useDirtyGuard(onClose);
  return (
    <>
      <Modal opened={opened} onClose={guard.requestClose} title="Import clients from CSV" size="xl">
        {/* Unmounted on close, so every opening starts with a fresh wizard. */}
        <CsvImportWizard onClose={guard.close} onCancel={guard.requestClose} onDirtyChange={guard.setDirty} />
      </Modal>
      {guard.dialog}
    </>
  );
}

/**
 * Pick a file, check how it is read (separator, columns, dates) against a dry run, then
 * import all rows or none (or only the valid ones, when the trainer says so). Nothing is
 * written before the trainer confirms.
 */
function CsvImportWizard({
  onClose,
  onCancel,
  onDirtyChange,
}: {
  onClose: () => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const [file, setFile] = useState<FileUpload | null>(null);
  // The last successful dry run; kept while a new choice is checked, so the columns stay put.
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [choices, setChoices] = useState<Choices>(FRESH);
  // The trainer changed a column, the separator, the date order or an option for this file.
  const [decided, setDecided] = useState(false);
  const dryRun = useCsvPreview();
  const importer = useCsvImport();
  const result = importer.data;
  const imported = Boolean(result && (result.errors.length === 0 || result.skippedInvalid > 0));
  useReportDirty(decided && !imported, onDirtyChange);

  const requestFor = (upload: FileUpload, c: Choices): CsvImportRequest => ({ file: upload, ...c });

  // Only the latest call's callbacks run, so a slow earlier preview never overwrites a newer one.
  const check = (upload: FileUpload, next: Choices) => {
    setChoices(next);
    importer.reset();
    dryRun.mutate(requestFor(upload, next), {
      onSuccess: (result) => {
        setPreview(result);
        setChoices((c) => ({ ...c, mapping: result.mapping }));
      },
    });
  };

  // A file chosen in the open dialog: Spotter reads it by its path.
  const pick = (path: string) => {
    setPreview(null);
    setChoices(FRESH);
    setDecided(false);
    dryRun.reset();
    importer.reset();
    const upload = chosenUpload(path);
    setFile(upload);
    check(upload, FRESH);
  };

  const choose = (change: Partial<Choices>) => {
    if (!file) return;
    setDecided(true);
    check(file, { ...choices, ...change });
  };

  const remap = (column: number, value: string) => {
    if (!choices.mapping) return;
    choose({ mapping: choices.mapping.map((field, i) => (i === column ? ((value || null) as CsvField | null) : field)) });
  };

  const confirm = () => {
    if (!file || !choices.mapping) return;
    const request = requestFor(file, choices);
    // All or none: if rows turned invalid since the dry run, check again to mark them.
    importer.mutate(request, {
      onSuccess: (report) => report.errors.length > 0 && !request.validRowsOnly && check(file, choices),
    });
  };

  if (result && imported) {
    return <ImportResult report={result} onClose={onClose} />;
  }

  const fileError = !preview && dryRun.error ? dryRun.error.message : null;
  const mappingError = preview?.mappingError ?? (preview && dryRun.error ? dryRun.error.message : null);
  // The preview counts only while it matches what is on screen.
  const current = preview !== null && !dryRun.isPending && !dryRun.isError ? preview.report : null;
  const toImport = current ? current.rows - current.errors.length - current.skippedDuplicates : 0;
  const hasErrors = current !== null && current.errors.length > 0;
  const blocked = !current || mappingError !== null || (hasErrors && !choices.validRowsOnly) || toImport === 0;
  // While a new separator is read, the old columns stay on screen (dimmed) until it answers.
  const mapping = choices.mapping ?? preview?.mapping ?? null;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <ChooseFileButton kind="clients_csv" label="CSV file" chosen={file?.path ?? null} onChosen={pick} testId="csv-file" />
        <Text size="xs" c="dimmed">
          UTF-8 text with a header row, separated by commas, semicolons or tabs. Columns are matched to client fields by
          their header (in English, German, French, Spanish, Italian, Dutch or Polish, and the exports of common trainer
          tools); check the matches below.
        </Text>
      </Stack>

      {fileError && (
        <Alert color="red" variant="light" title="This file cannot be imported" data-testid="csv-file-error">
          {fileError}
        </Alert>
      )}

      {preview && mapping && (
        <>
          <CsvReadOptions
            preview={preview}
            delimiterChosen={choices.delimiter !== null}
            dateOrderChosen={choices.dateOrder !== null}
            onDelimiter={(delimiter) => choose({ delimiter, mapping: null })}
            onDateOrder={(dateOrder) => choose({ dateOrder })}
          />
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              Columns
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" verticalSpacing="xs">
              {preview.headers.map((header, i) => (
                <NativeSelect
                  key={i}
                  size="xs"
                  label={header || `Column ${i + 1}`}
                  data={MAPPING_OPTIONS}
                  value={mapping[i] ?? IGNORE}
                  onChange={(e) => remap(i, e.currentTarget.value)}
                  data-testid={`csv-mapping-${i}`}
                />
              ))}
            </SimpleGrid>
            {mappingError && (
              <Alert color="red" variant="light" data-testid="csv-mapping-error">
                {mappingError}
              </Alert>
            )}
          </Stack>

          <PreviewTable
            preview={preview}
            stale={current === null}
            importDuplicates={choices.importDuplicates}
            validRowsOnly={choices.validRowsOnly}
          />

          {current && <Counts report={current} importDuplicates={choices.importDuplicates} toImport={toImport} />}
          {current && hasErrors && <RowErrors report={current} validRowsOnly={choices.validRowsOnly} />}
          {current && (hasErrors || choices.validRowsOnly) && (
            <Checkbox
              label="Import the valid rows only"
              description="Rows with errors are left out and listed after the import; nothing of them is written."
              checked={choices.validRowsOnly}
              onChange={(e) => choose({ validRowsOnly: e.currentTarget.checked })}
              data-testid="csv-valid-rows-only"
            />
          )}
          {current && current.duplicates.length > 0 && (
            <Checkbox
              label="Import duplicates too"
              description="Rows with the email or phone of an existing client (or of an earlier row) are skipped unless you tick this."
              checked={choices.importDuplicates}
              onChange={(e) => choose({ importDuplicates: e.currentTarget.checked })}
              data-testid="csv-import-duplicates"
            />
          )}
        </>
      )}

      {importer.error && (
        <Alert color="red" variant="light" title="Nothing was imported">
          {importer.error.message}
        </Alert>
      )}
      {result && result.errors.length > 0 && result.skippedInvalid === 0 && (
        <Alert color="red" variant="light" title="Nothing was imported">
          Some rows became invalid since the preview; they are marked above.
        </Alert>
      )}

      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel} data-testid="csv-cancel">
          Cancel
        </Button>
        <Button onClick={confirm} disabled={blocked} loading={importer.isPending} data-testid="csv-confirm">
          {current && !blocked ? `Import ${toImport} ${toImport === 1 ? 'client' : 'clients'}` : 'Import'}
        </Button>
      </Group>
    </Stack>
  );
}
