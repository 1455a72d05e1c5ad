// How the CSV import dialog reads the file: the separator (detected, changeable) and, for
// files with dates like 03/04/1990, whether the day or the month comes first (detected from
// the values, or asked when they cannot tell).
import { Alert, Group, NativeSelect, Stack } from '@mantine/core';
import type { CsvDelimiter, CsvPreview, DateOrder } from '../bindings';

const SEPARATORS: { value: CsvDelimiter; label: string }[] = [
  { value: 'comma', label: 'Comma ( , )' },
  { value: 'semicolon', label: 'Semicolon ( ; )' },
  { value: 'tab', label: 'Tab' },
];

const DATE_ORDERS: { value: DateOrder; label: string }[] = [
  { value: 'dayFirst', label: 'Day first: 31.12.1990, 31/12/1990' },
  { value: 'monthFirst', label: 'Month first (US): 12/31/1990' },
];

export function CsvReadOptions({
  preview,
  delimiterChosen,
  dateOrderChosen,
  onDelimiter,
  onDateOrder,
}: {
  preview: CsvPreview;
  /** The trainer picked the separator (rather than it being detected). */
  delimiterChosen: boolean;
  /** The trainer picked the order (rather than it being detected). */
  dateOrderChosen: boolean;
  onDelimiter: (delimiter: CsvDelimiter) => void;
  onDateOrder: (order: DateOrder) => void;
}) {
  const hasDates = preview.dateOrder !== null || preview.dateQuestion !== null || dateOrderChosen;
  const orderLabel = !dateOrderChosen && preview.dateOrder ? 'Dates (detected)' : 'Dates';
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end">
        <NativeSelect
          size="xs"
          label={delimiterChosen ? 'Separator' : 'Separator (detected)'}
          data={SEPARATORS}
          value={preview.delimiter}
          onChange={(e) => onDelimiter(e.currentTarget.value as CsvDelimiter)}
          data-testid="csv-delimiter"
        />
        {hasDates && (
          <NativeSelect
            size="xs"
            label={orderLabel}
            data={preview.dateOrder ? DATE_ORDERS : [{ value: '', label: 'Choose how to read them…' }, ...DATE_ORDERS]}
            value={preview.dateOrder ?? ''}
            onChange={(e) => e.currentTarget.value && onDateOrder(e.currentTarget.value as DateOrder)}
            error={preview.dateQuestion !== null}
            data-testid="csv-date-order"
          />
        )}
      </Group>
      {preview.dateQuestion && (
        <Alert color="yellow" variant="light" title="How are the dates written?" data-testid="csv-date-question">
          {preview.dateQuestion}
        </Alert>
      )}
    </Stack>
  );
}
