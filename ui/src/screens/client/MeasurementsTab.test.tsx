import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppError, Measurement, MeasurementInput } from '../../bindings';
import { todayIso } from '../../format';
import { DEFAULT_SETTINGS, installBackend, makeClient } from '../../test/backend';
import { renderApp } from '../../test/render';

const anna = makeClient({ id: 'c1', name: 'Anna Berg' });

const weight = (id: string, measuredOn: string, kg: number): Measurement => ({
  id,
  clientId: 'c1',
  measuredOn,
  metric: 'body_weight',
  customName: null,
  value: kg,
  unit: 'kg',
  createdAt: `${measuredOn}T10:00:00Z`,
});

const rows = () => screen.getAllByTestId('measurement-row').map((r) => r.textContent ?? '');

describe('measurements', () => {
  it('takes pounds in imperial mode, stores SI, and shows every weight in pounds', async () => {
    const backend = installBackend([anna], {
      settings: { ...DEFAULT_SETTINGS, units: 'imperial' },
      measurements: [weight('m1', '2025-01-05', 72.5747)],
    });
    const { user } = renderApp('/clients/c1?tab=measurements');

    // The stored 72.57 kg reads as 160 lb; the entry unit defaults to lb.
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toMatch(/160 lb/);
    await waitFor(() => expect(screen.getByTestId('measurement-unit')).toHaveValue('lb'));
    expect(screen.getByTestId('measurement-date')).toHaveValue(todayIso());

    await user.clear(screen.getByTestId('measurement-date'));
    await user.type(screen.getByTestId('measurement-date'), '2025-02-01');
    await user.type(screen.getByTestId('measurement-value'), '154');
    await user.click(screen.getByTestId('measurement-save'));

    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(backend.callsTo('measurement_add')[0]!.args).toEqual({
      client: 'c1',
      input: { measuredOn: '2025-02-01', metric: 'body_weight', customName: null, value: 154, unit: 'lb' },
    });
    expect(backend.measurements()[1]!.value).toBeCloseTo(69.853, 2);
    // Newest first in the table, in pounds; the chart heading shows the latest and the change.
    expect(rows()[0]).toMatch(/154 lb/);
    expect(rows()[1]).toMatch(/160 lb/);
    expect(screen.getByTestId('measurement-latest')).toHaveTextContent(/154 lb.*−6 lb since/);
    expect(screen.getByTestId('measurement-value')).toHaveValue('');
  });

  it('shows the same values in kilograms in metric mode, and converts inches typed in', async () => {
    const backend = installBackend([anna], { measurements: [weight('m1', '2025-01-05', 72.5747)] });
    const { user } = renderApp('/clients/c1?tab=measurements');

    await waitFor(() => expect(rows()[0]).toMatch(/72\.6 kg/));
    await user.selectOptions(screen.getByTestId('measurement-metric'), 'waist');
    expect(screen.getByTestId('measurement-unit')).toHaveValue('cm');
    await user.selectOptions(screen.getByTestId('measurement-unit'), 'in');
    await user.type(screen.getByTestId('measurement-value'), '33');
    await user.click(screen.getByTestId('measurement-save'));

    await waitFor(() => expect(rows()).toHaveLength(2));
    expect((backend.callsTo('measurement_add')[0]!.args.input as MeasurementInput).unit).toBe('in');
    // Stored as 83.82 cm, shown in the Settings unit.
    expect(screen.getAllByTestId('measurement-row')[0]).toHaveTextContent(/83\.8 cm/);
    expect(screen.getAllByTestId('measurement-chart').map((c) => c.getAttribute('data-series'))).toEqual([
      'body_weight',
      'waist',
    ]);
  });

  it('shows backend errors at the field they name', async () => {
    const backend = installBackend([anna]);
    backend.once('measurement_add', () => {
      throw {
        code: 'validation',
        field: 'value',
        message: '900 kg is outside the plausible range (20–400 kg)',
      } satisfies AppError;
    });
    const { user } = renderApp('/clients/c1?tab=measurements');

    await user.type(await screen.findByTestId('measurement-value'), '900');
    await user.click(screen.getByTestId('measurement-save'));
    expect(await screen.findByTestId('measurement-value-error')).toHaveTextContent('outside the plausible range');
    expect(screen.getByTestId('measurement-value')).toHaveValue('900');

    // A custom metric without a name: the error sits at the name.
    await user.selectOptions(screen.getByTestId('measurement-metric'), 'custom');
    await user.clear(screen.getByTestId('measurement-value'));
    await user.type(screen.getByTestId('measurement-value'), '60');
    await user.type(screen.getByTestId('measurement-unit'), 's');
    await user.click(screen.getByTestId('measurement-save'));
    expect(await screen.findByTestId('measurement-custom-name-error')).toHaveTextContent('Name the custom measurement');

    // Not a number never reaches the backend.
    const before = backend.callsTo('measurement_add').length;
    await user.clear(screen.getByTestId('measurement-value'));
    await user.type(screen.getByTestId('measurement-value'), 'sixty');
    await user.click(screen.getByTestId('measurement-save'));
    expect(await screen.findByTestId('measurement-value-error')).toHaveTextContent('Enter a number');
    expect(backend.callsTo('measurement_add')).toHaveLength(before);
  });

  it('deletes a measurement after confirming', async () => {
    const backend = installBackend([anna], {
      measurements: [weight('m1', '2025-01-05', 72), weight('m2', '2025-02-05', 71)],
    });
    const { user } = renderApp('/clients/c1?tab=measurements');
    await waitFor(() => expect(rows()).toHaveLength(2));

    const newest = screen.getAllByTestId('measurement-row')[0]!;
    await user.click(within(newest).getByTestId('measurement-delete'));
    expect(backend.callsTo('measurement_delete')).toHaveLength(0);
    await user.click(await screen.findByTestId('measurement-delete-confirm'));

    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(backend.callsTo('measurement_delete')[0]!.args).toEqual({ id: 'm2' });
  });
});
