import { Alert, Button, Group, NativeSelect, Paper, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import type { Metric, Units } from '../../bindings';
import { useFieldErrors } from '../../fieldErrors';
import { todayIso } from '../../format';
import { METRIC_OPTIONS, parseNumber, preferredUnit, unitChoices } from '../../measurements';
import { useAddMeasurement } from '../../recordQueries';

const FIELDS = ['measuredOn', 'metric', 'customName', 'value', 'unit'] as const;

// Lines the button up with the inputs (below their labels) even when an error shows under one.
const BELOW_LABEL = { marginTop: 'calc(var(--mantine-font-size-sm) * var(--mantine-line-height))' };

/**
 * One row: date, what, value and unit. The unit starts as the one chosen in Settings; the
 * backend converts to SI. Date and metric stay after saving, for the next value of the day.
 */
export function MeasurementForm({ clientId, units }: { clientId: string; units: Units }) {
  const add = useAddMeasurement(clientId);
  const [measuredOn, setMeasuredOn] = useState(todayIso);
  const [metric, setMetric] = useState<Metric>('body_weight');
  const [customName, setCustomName] = useState('');
  const [value, setValue] = useState('');
  // Null until the trainer picks one: follows Settings (which may still be loading).
  const [chosenUnit, setChosenUnit] = useState<string | null>(null);
  const { setError, at: fieldError, general: generalError, edited } = useFieldErrors(FIELDS);
  const valueRef = useRef<HTMLInputElement>(null);

  const unit = chosenUnit ?? preferredUnit(metric, units);
  const choices = unitChoices(metric);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const number = parseNumber(value);
    // JSON has no NaN, so a non-number cannot even reach the backend's check.
    if (number === null) {
      setError({ code: 'validation', field: 'value', message: 'Enter a number, for example 72.5' });
      valueRef.current?.focus();
      return;
    }
    setError(null);
    add.mutate(
      { measuredOn: measuredOn.trim(), metric, customName: metric === 'custom' ? customName : null, value: number, unit },
      {
        onSuccess: () => {
          setValue('');
          valueRef.current?.focus();
        },
        onError: setError,
      },
    );
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label="New measurement">
      <Group gap="sm" align="flex-start">
        <TextInput
          label="Date"
          placeholder="YYYY-MM-DD"
          w={130}
          value={measuredOn}
          onChange={(e) => {
            setMeasuredOn(e.currentTarget.value);
            edited('measuredOn');
          }}
          error={fieldError('measuredOn')}
          errorProps={{ 'data-testid': 'measurement-date-error' }}
          autoComplete="off"
          data-testid="measurement-date"
        />
        <NativeSelect
          label="Measurement"
          w={190}
          data={METRIC_OPTIONS}
          value={metric}
          onChange={(e) => {
            setMetric(e.currentTarget.value as Metric);
            setChosenUnit(null);
            edited('metric');
          }}
          error={fieldError('metric')}
          errorProps={{ 'data-testid': 'measurement-metric-error' }}
          data-testid="measurement-metric"
        />
        {metric === 'custom' && (
          <TextInput
            label="Name"
            placeholder="e.g. Plank hold"
            w={160}
            value={customName}
            onChange={(e) => {
              setCustomName(e.currentTarget.value);
              edited('customName');
            }}
            error={fieldError('customName')}
          errorProps={{ 'data-testid': 'measurement-custom-name-error' }}
            autoComplete="off"
            data-testid="measurement-custom-name"
          />
        )}
        <TextInput
          ref={valueRef}
          label="Value"
          w={110}
          inputMode="decimal"
          value={value}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            edited('value');
          }}
          error={fieldError('value')}
          errorProps={{ 'data-testid': 'measurement-value-error' }}
          autoComplete="off"
          data-testid="measurement-value"
        />
        {choices.length === 0 ? (
          <TextInput
            label="Unit"
            placeholder="e.g. s"
            w={90}
            value={unit}
            onChange={(e) => {
              setChosenUnit(e.currentTarget.value);
              edited('unit');
            }}
            error={fieldError('unit')}
            errorProps={{ 'data-testid': 'measurement-unit-error' }}
            autoComplete="off"
            data-testid="measurement-unit"
          />
        ) : (
          <NativeSelect
            label="Unit"
            w={90}
            data={choices}
            value={unit}
            disabled={choices.length === 1}
            onChange={(e) => {
              setChosenUnit(e.currentTarget.value);
              edited('unit');
            }}
            error={fieldError('unit')}
            errorProps={{ 'data-testid': 'measurement-unit-error' }}
            data-testid="measurement-unit"
          />
        )}
        <Button type="submit" loading={add.isPending} style={BELOW_LABEL} data-testid="measurement-save">
          Add
        </Button>
      </Group>
      {generalError && (
        <Alert color="red" variant="light" mt="sm" title="Not saved">
          {generalError.message}
        </Alert>
      )}
    </Paper>
  );
}
