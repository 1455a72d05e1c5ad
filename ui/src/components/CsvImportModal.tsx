import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  NativeSelect,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useId, useState } from 'react';
import { asAppError, toUpload } from '../api';
import type { CsvField, CsvImportRequest, CsvPreview, FileUpload, ImportReport } from '../bindings';
import { useCsvImport, useCsvPreview } from '../recordQueries';

const FIELDS: { value: CsvField; label: string }[] = [
  { value: 'name', label: 'Name' },
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
  { value: 'preferredTimes', label: 'Preferred times' },
];

/** NativeSelect values are strings; the empty one means the column is ignored. */
const IGNORE = '';
const MAPPING_OPTIONS = [{ value: IGNORE, label: 'Ignore' }, ...FIELDS];

const SHOWN_ERRORS = 8;

export function CsvImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Import clients from CSV" size="xl">
      {/* Unmounted on close, so every opening starts with a fresh wizard. */}
      <CsvImportWizard onClose={onClose} />
    </Modal>
  );
}

/**
 * Pick a file, check the column mapping against a dry run, then import all rows or none.
 * Nothing is written before the trainer confirms.
 */
function CsvImportWizard({ onClose }: { onClose: () => void }) {
  const fileInputId = useId();
  const [file, setFile] = useState<FileUpload | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  // The last successful dry run; kept while a new mapping is checked, so the columns stay put.
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<(CsvField | null)[] | null>(null);
  const [importDuplicates, setImportDuplicates] = useState(false);
  const dryRun = useCsvPreview();
  const importer = useCsvImport();

  // Only the latest call's callbacks run, so a slow earlier preview never overwrites a newer one.
  const check = (request: CsvImportRequest) =>
    dryRun.mutate(request, {
      onSuccess: (result) => {
        setPreview(result);
        setMapping(result.mapping);
      },
    });

  const pick = async (picked: File | undefined) => {
    setFile(null);
    setPreview(null);
    setMapping(null);
    setReadError(null);
    dryRun.reset();
    importer.reset();
    if (!picked) return;
    try {
      const upload = await toUpload(picked);
      setFile(upload);
      check({ file: upload, mapping: null, importDuplicates });
    } catch (e) {
      setReadError(asAppError(e).message);
    }
  };

  const remap = (column: number, value: string) => {
    if (!file || !mapping) return;
    const next = mapping.map((field, i) => (i === column ? ((value || null) as CsvField | null) : field));
    setMapping(next);
    importer.reset();
    check({ file, mapping: next, importDuplicates });
  };

  const setDuplicates = (checked: boolean) => {
    setImportDuplicates(checked);
    if (file && mapping) check({ file, mapping, importDuplicates: checked });
  };

  const confirm = () => {
    if (!file || !mapping) return;
    const request = { file, mapping, importDuplicates };
    // All or none: if rows turned invalid since the dry run, check again to mark them.
    importer.mutate(request, { onSuccess: (report) => report.errors.length > 0 && check(request) });
  };

  const result = importer.data;
  if (result && result.errors.length === 0) return <ImportResult report={result} onClose={onClose} />;

  const fileError = readError ?? (!preview && dryRun.error ? dryRun.error.message : null);
  const mappingError = preview?.mappingError ?? (preview && dryRun.error ? dryRun.error.message : null);
  // The preview counts only while it matches what is on screen.
  const current = preview !== null && !dryRun.isPending && !dryRun.isError ? preview.report : null;
  const toImport = current ? current.rows - current.errors.length - current.skippedDuplicates : 0;
  const blocked = !current || mappingError !== null || current.errors.length > 0 || toImport === 0;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text component="label" htmlFor={fileInputId} size="sm" fw={500}>
          CSV file
        </Text>
        <input
          id={fileInputId}
          type="file"
          accept=".csv,text/csv"
          className="file-input"
          data-autofocus
          data-testid="csv-file"
          onChange={(e) => void pick(e.currentTarget.files?.[0])}
        />
        <Text size="xs" c="dimmed">
          UTF-8 text with a header row. Columns are matched to client fields by their header; check the matches below.
        </Text>
      </Stack>

      {fileError && (
        <Alert color="red" variant="light" title="This file cannot be imported" data-testid="csv-file-error">
          {fileError}
        </Alert>
      )}

      {preview && mapping && (
        <>
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

          <PreviewTable preview={preview} stale={current === null} importDuplicates={importDuplicates} />

          {current && <Counts report={current} importDuplicates={importDuplicates} toImport={toImport} />}
          {current && current.errors.length > 0 && <RowErrors report={current} />}
          {current && current.duplicates.length > 0 && (
            <Checkbox
              label="Import duplicates too"
              description="Rows with the email or phone of an existing client (or of an earlier row) are skipped unless you tick this."
              checked={importDuplicates}
              onChange={(e) => setDuplicates(e.currentTarget.checked)}
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
      {result && result.errors.length > 0 && (
        <Alert color="red" variant="light" title="Nothing was imported">
          Some rows became invalid since the preview; they are marked above.
        </Alert>
      )}

      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={confirm} disabled={blocked} loading={importer.isPending} data-testid="csv-confirm">
          {current && !blocked ? `Import ${toImport} ${toImport === 1 ? 'client' : 'clients'}` : 'Import'}
        </Button>
      </Group>
    </Stack>
  );
}

function PreviewTable({
  preview,
  stale,
  importDuplicates,
}: {
  preview: CsvPreview;
  stale: boolean;
  importDuplicates: boolean;
}) {
  if (preview.sample.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        The file has a header row but no clients.
      </Text>
    );
  }
  return (
    <ScrollArea.Autosize mah={260} type="auto" style={{ opacity: stale ? 0.5 : 1 }}>
      <Table stickyHeader highlightOnHover={false} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>Line</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Phone</Table.Th>
            <Table.Th>Check</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.sample.map((row) => (
            <Table.Tr
              key={row.line}
              data-testid="csv-preview-row"
              data-line={row.line}
              bg={row.error ? 'var(--mantine-color-red-light)' : undefined}
            >
              <Table.Td c="dimmed">{row.line}</Table.Td>
              <Table.Td>{row.name}</Table.Td>
              <Table.Td>{row.email}</Table.Td>
              <Table.Td>{row.phone}</Table.Td>
              <Table.Td>
                {row.error ? (
                  <Text size="sm" c="red">
                    {row.error}
                  </Text>
                ) : row.duplicateOf ? (
                  <Badge color="yellow" variant="light" tt="none">
                    {importDuplicates ? 'Duplicate, imported' : 'Duplicate, skipped'}: {row.duplicateOf}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    Ready
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

function Counts({ report, importDuplicates, toImport }: { report: ImportReport; importDuplicates: boolean; toImport: number }) {
  const parts = [
    `${report.rows} ${report.rows === 1 ? 'row' : 'rows'}`,
    `${toImport} to import`,
    report.duplicates.length > 0 &&
      `${report.duplicates.length} ${report.duplicates.length === 1 ? 'duplicate' : 'duplicates'} ${importDuplicates ? 'imported too' : 'skipped'}`,
    report.errors.length > 0 && `${report.errors.length} with errors`,
  ].filter(Boolean);
  return (
    <Text size="sm" data-testid="csv-counts">
      {parts.join(' · ')}
    </Text>
  );
}

/** Every error, not only the sample's: a bad row far down the file blocks the import too. */
function RowErrors({ report }: { report: ImportReport }) {
  const more = report.errors.length - SHOWN_ERRORS;
  return (
    <Alert color="red" variant="light" title="Fix these rows first" data-testid="csv-row-errors">
      <Text size="sm" mb={4}>
        Nothing is imported while any row has an error: correct the file and choose it again, or change the mapping.
      </Text>
      <List size="sm" spacing={2}>
        {report.errors.slice(0, SHOWN_ERRORS).map((e) => (
          <List.Item key={`${e.line}-${e.field ?? ''}`}>
            Line {e.line}: {e.message}
          </List.Item>
        ))}
      </List>
      {more > 0 && (
        <Text size="sm" mt={4}>
          … and {more} more.
        </Text>
      )}
    </Alert>
  );
}

function ImportResult({ report, onClose }: { report: ImportReport; onClose: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" title="Import finished" data-testid="csv-result">
        <Text size="sm">
          Imported {report.imported} {report.imported === 1 ? 'client' : 'clients'}.
          {report.skippedDuplicates > 0 &&
            ` Skipped ${report.skippedDuplicates} ${report.skippedDuplicates === 1 ? 'duplicate' : 'duplicates'}.`}
        </Text>
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onClose} data-testid="csv-done">
          Done
        </Button>
      </Group>
    </Stack>
  );
}
