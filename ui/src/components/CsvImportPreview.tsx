// What the CSV import dialog shows of a dry run: the rows as they will be read (name,
// contact, the date of birth as understood), the counts, every row error with its line and
// column, and the result once imported.
import { Alert, Badge, Button, Group, List, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { CsvPreview, ImportReport, RowError } from '../bindings';

const SHOWN_ERRORS = 8;

export function PreviewTable({
  preview,
  stale,
  importDuplicates,
  validRowsOnly,
}: {
  preview: CsvPreview;
  stale: boolean;
  importDuplicates: boolean;
  validRowsOnly: boolean;
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
            <Table.Th>Date of birth</Table.Th>
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
              <Table.Td>{row.dateOfBirth}</Table.Td>
              <Table.Td>
                {row.error ? (
                  <Text size="sm" c="red">
                    {validRowsOnly ? 'Left out: ' : ''}
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

export function Counts({
  report,
  importDuplicates,
  toImport,
}: {
  report: ImportReport;
  importDuplicates: boolean;
  toImport: number;
}) {
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

/** "Line 6 (E-Mail): Email 'x' is not valid …": the line, the column as headed in the file. */
export function rowErrorText(e: RowError): string {
  return `Line ${e.line}${e.column ? ` (${e.column})` : ''}: ${e.message}`;
}

/** Every error, not only the sample's: a bad row far down the file blocks the import too. */
export function RowErrors({ report, validRowsOnly }: { report: ImportReport; validRowsOnly: boolean }) {
  const more = report.errors.length - SHOWN_ERRORS;
  return (
    <Alert
      color={validRowsOnly ? 'yellow' : 'red'}
      variant="light"
      title={validRowsOnly ? 'These rows will be left out' : 'Fix these rows first'}
      data-testid="csv-row-errors"
    >
      {!validRowsOnly && (
        <Text size="sm" mb={4}>
          Nothing is imported while any row has an error: correct the file and choose it again, change the mapping, or
          import the valid rows only.
        </Text>
      )}
      <List size="sm" spacing={2}>
        {report.errors.slice(0, SHOWN_ERRORS).map((e) => (
          <List.Item key={`${e.line}-${e.field ?? ''}`}>{rowErrorText(e)}</List.Item>
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

export function ImportResult({ report, onClose }: { report: ImportReport; onClose: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" title="Import finished" data-testid="csv-result">
        <Text size="sm">
          Imported {report.imported} {report.imported === 1 ? 'client' : 'clients'}.
          {report.skippedDuplicates > 0 &&
            ` Skipped ${report.skippedDuplicates} ${report.skippedDuplicates === 1 ? 'duplicate' : 'duplicates'}.`}
          {report.skippedInvalid > 0 &&
            ` Left out ${report.skippedInvalid} ${report.skippedInvalid === 1 ? 'row' : 'rows'} with errors.`}
        </Text>
      </Alert>
      {report.skippedInvalid > 0 && (
        <List size="sm" spacing={2} data-testid="csv-result-left-out">
          {report.errors.map((e) => (
            <List.Item key={`${e.line}-${e.field ?? ''}`}>{rowErrorText(e)}</List.Item>
          ))}
        </List>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose} data-testid="csv-done">
          Done
        </Button>
      </Group>
    </Stack>
  );
}
