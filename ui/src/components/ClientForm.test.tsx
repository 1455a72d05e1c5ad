import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../bindings';
import { installBackend, makeClient } from '../test/backend';
import { renderApp } from '../test/render';
import { toInput } from './ClientForm';

describe('client form', () => {
  it('creates a client with the typed payload, opens it, and the list shows it', async () => {
    const backend = installBackend([makeClient({ id: 'c1', name: 'Anna Berg' })]);
    const { user } = renderApp('/clients');

    await user.click(await screen.findByTestId('new-client'));
    await user.type(await screen.findByTestId('client-name'), 'Dana Scully');
    await user.type(screen.getByTestId('client-email'), 'dana@example.com');
    await user.type(screen.getByTestId('client-dob'), '1990-04-02');
    await user.type(screen.getByTestId('client-goals'), 'Run 10 km');
    await user.type(screen.getByTestId('client-notes'), 'Left knee{Enter}Prefers mornings');
    await user.type(screen.getByTestId('client-tags'), 'knee{Enter}morn');
    await user.click(screen.getByTestId('client-save'));

    expect(await screen.findByTestId('client-detail-name')).toHaveTextContent('Dana Scully');
    expect(backend.callsTo('client_create')).toHaveLength(1);
    expect(backend.callsTo('client_create')[0]!.args).toEqual({
      input: {
        name: 'Dana Scully',
        email: 'dana@example.com',
        phone: null,
        dateOfBirth: '1990-04-02',
        goals: 'Run 10 km',
        notes: 'Left knee\nPrefers mornings',
        // The half-typed tag is kept rather than silently dropped.
        tags: ['knee', 'morn'],
        emergencyContactName: null,
        emergencyContactPhone: null,
        fitnessLevel: null,
        injuries: '',
        bodyAreas: [],
        preferredTimes: '',
      },
    });

    await user.click(screen.getByTestId('nav-clients'));
    await waitFor(() =>
      expect(screen.getAllByTestId('client-row').map((r) => r.getAttribute('data-client-id'))).toEqual([
        'c1',
        'new-1',
      ]),
    );
  });

  it('shows a backend field error at that field and keeps everything typed', async () => {
    const backend = installBackend();
    backend.once('client_create', () => {
      throw { code: 'validation', message: 'That email address looks incomplete', field: 'email' } satisfies AppError;
    });
    const { user } = renderApp('/clients/new');

    await user.type(await screen.findByTestId('client-name'), 'Fox Mulder');
    await user.type(screen.getByTestId('client-email'), 'fox@');
    await user.type(screen.getByTestId('client-goals'), 'Trust no one');
    await user.click(screen.getByTestId('client-save'));

    expect(await screen.findByTestId('client-email-error')).toHaveTextContent('That email address looks incomplete');
    expect(screen.getByTestId('client-email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('client-email')).toHaveFocus();
    expect(screen.queryByTestId('client-name-error')).not.toBeInTheDocument();
    expect(screen.queryByTestId('client-form-error')).not.toBeInTheDocument();
    expect(screen.getByTestId('client-name')).toHaveValue('Fox Mulder');
    expect(screen.getByTestId('client-email')).toHaveValue('fox@');
    expect(screen.getByTestId('client-goals')).toHaveValue('Trust no one');
    expect(screen.getByTestId('client-save')).toBeEnabled();

    // Fixing the field clears its error; the second save goes through.
    await user.type(screen.getByTestId('client-email'), 'fbi.gov');
    expect(screen.queryByTestId('client-email-error')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('client-save'));
    expect(await screen.findByTestId('client-detail-name')).toHaveTextContent('Fox Mulder');
  });

  it('maps dateOfBirth errors to the date field', async () => {
    const backend = installBackend();
    backend.once('client_create', () => {
      throw { code: 'validation', message: 'Use YYYY-MM-DD', field: 'dateOfBirth' };
    });
    const { user } = renderApp('/clients/new');
    await user.type(await screen.findByTestId('client-name'), 'Walter');
    await user.type(screen.getByTestId('client-dob'), '02/04/1990');
    await user.click(screen.getByTestId('client-save'));
    expect(await screen.findByTestId('client-dob-error')).toHaveTextContent('Use YYYY-MM-DD');
    expect(screen.getByTestId('client-dob')).toHaveValue('02/04/1990');
  });

  it('shows errors without a field above the buttons', async () => {
    const backend = installBackend();
    backend.once('client_create', () => {
      throw { code: 'database', message: 'database is locked' };
    });
    const { user } = renderApp('/clients/new');
    await user.type(await screen.findByTestId('client-name'), 'Skinner');
    // Enter in a text field submits.
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('client-form-error')).toHaveTextContent('database is locked');
    expect(screen.getByTestId('client-name')).toHaveValue('Skinner');
  });

  it("shows the machine's faults in the core's words, keeps what was typed, and saves once they clear", async () => {
    const backend = installBackend();
    // The messages as crates/spotter-store/src/error.rs writes them (tests/faults.rs makes the faults).
    const faults: AppError[] = [
      {
        code: 'read_only',
        message:
          'Spotter cannot save: the database file is read-only (its permissions, or a drive mounted read-only). Nothing was saved. Make the data folder and its files writable, then restart Spotter.',
      },
      {
        code: 'disk_full',
        message:
          'Spotter cannot save to its database: the disk is full. Nothing was saved. Free some space on the drive, then try again.',
      },
      {
        code: 'busy',
        message:
          'The database is busy — another Spotter or tool has it open. Close the other program or wait a moment, then try again.',
      },
    ];
    const { user } = renderApp('/clients/new');
    await user.type(await screen.findByTestId('client-name'), 'Dana Scully');
    for (const fault of faults) {
      backend.once('client_create', () => {
        throw fault;
      });
      await user.click(screen.getByTestId('client-save'));
      await waitFor(() => expect(screen.getByTestId('client-form-error')).toHaveTextContent(fault.message));
      expect(screen.getByTestId('client-name')).toHaveValue('Dana Scully');
      expect(screen.getByTestId('client-save')).toBeEnabled();
    }
    await user.click(screen.getByTestId('client-save'));
    expect(await screen.findByTestId('client-detail-name')).toHaveTextContent('Dana Scully');
    expect(backend.callsTo('client_create')).toHaveLength(4);
  });

  it('submits with Ctrl+Enter from a textarea and disables Save while saving', async () => {
    const backend = installBackend();
    let release: () => void = () => {};
    backend.once('client_create', (args) => {
      const input = args.input as { name: string };
      return new Promise((resolve) => {
        release = () => resolve(makeClient({ id: 'slow', name: input.name }));
      });
    });
    const { user } = renderApp('/clients/new');
    await user.type(await screen.findByTestId('client-name'), 'Krycek');
    await user.click(screen.getByTestId('client-notes'));
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(screen.getByTestId('client-save')).toBeDisabled());
    expect(screen.getByTestId('client-notes')).toHaveValue('');
    release();
    expect(await screen.findByTestId('client-detail-name')).toHaveTextContent('Krycek');
  });

  it('edits an existing client and cancels without saving', async () => {
    const backend = installBackend([
      makeClient({ id: 'c1', name: 'Anna Berg', email: 'anna@example.com', tags: ['knee'] }),
    ]);
    const { user } = renderApp('/clients/c1');
    await user.click(await screen.findByTestId('client-edit'));
    const name = await screen.findByTestId('client-name');
    expect(name).toHaveValue('Anna Berg');
    expect(screen.getByTestId('client-email')).toHaveValue('anna@example.com');

    await user.clear(name);
    await user.type(name, 'Anna Lind');
    await user.click(screen.getByTestId('client-save'));
    expect(await screen.findByTestId('client-detail-name')).toHaveTextContent('Anna Lind');
    expect(backend.callsTo('client_update')[0]!.args).toEqual({
      id: 'c1',
      input: {
        name: 'Anna Lind',
        email: 'anna@example.com',
        phone: null,
        dateOfBirth: null,
        goals: '',
        notes: '',
        tags: ['knee'],
        emergencyContactName: null,
        emergencyContactPhone: null,
        fitnessLevel: null,
        injuries: '',
        bodyAreas: [],
        preferredTimes: '',
      },
    });

    await user.click(screen.getByTestId('client-edit'));
    await user.type(await screen.findByTestId('client-name'), ' X');
    await user.click(screen.getByTestId('client-cancel'));
    // Changed: Cancel asks before discarding.
    await user.click(await screen.findByTestId('discard-confirm'));
    expect(await screen.findByTestId('client-detail-name')).toHaveTextContent('Anna Lind');
    expect(backend.callsTo('client_update')).toHaveLength(1);
  });
});

// Mantine hides dropdowns whose target has no layout box (jsdom has none), so options are
// found with `hidden: true`; clicking them works as in the app.
describe('client form: training profile', () => {
  it('sends emergency contact, fitness level, injuries with body areas, and preferred times', async () => {
    const backend = installBackend();
    const { user } = renderApp('/clients/new');

    await user.type(await screen.findByTestId('client-name'), 'Dana Scully');
    await user.type(screen.getByTestId('client-emergency-name'), 'Bill Scully');
    await user.type(screen.getByTestId('client-emergency-phone'), '+1 202 555 0100');
    await user.click(screen.getByTestId('client-fitness-level'));
    await user.click(await screen.findByRole('option', { name: 'Intermediate', hidden: true }));
    await user.type(screen.getByTestId('client-injuries'), 'Disc herniation L5 (2022)');
    await user.click(screen.getByTestId('client-body-areas'));
    await user.click(await screen.findByRole('option', { name: 'Lower back', hidden: true }));
    await user.click(await screen.findByRole('option', { name: 'Knee', hidden: true }));
    await user.type(screen.getByTestId('client-preferred-times'), 'Weekday mornings');
    await user.click(screen.getByTestId('client-save'));

    expect(await screen.findByTestId('client-detail-name')).toHaveTextContent('Dana Scully');
    expect(backend.callsTo('client_create')[0]!.args.input).toMatchObject({
      emergencyContactName: 'Bill Scully',
      emergencyContactPhone: '+1 202 555 0100',
      fitnessLevel: 'intermediate',
      injuries: 'Disc herniation L5 (2022)',
      bodyAreas: ['lower_back', 'knee'],
      preferredTimes: 'Weekday mornings',
    });
    // The overview shows it all back, body areas with their labels.
    expect(screen.getByText('Bill Scully')).toBeInTheDocument();
    expect(screen.getByText('Intermediate')).toBeInTheDocument();
    expect(screen.getByText('Weekday mornings')).toBeInTheDocument();
    expect(screen.getByTestId('client-body-areas-shown')).toHaveTextContent('Lower back');
    expect(screen.getByTestId('client-body-areas-shown')).toHaveTextContent('Knee');
  });

  it('shows an emergency phone error at that field', async () => {
    const backend = installBackend([
      makeClient({ id: 'c1', name: 'Anna Berg', fitnessLevel: 'advanced', bodyAreas: ['shoulder'] }),
    ]);
    backend.once('client_update', () => {
      throw {
        code: 'validation',
        message: "Emergency phone 'call me' is not valid: use digits, spaces and + - ( ) . / only",
        field: 'emergencyContactPhone',
      } satisfies AppError;
    });
    const { user } = renderApp('/clients/c1/edit');

    // Existing values are loaded into the new fields.
    expect(await screen.findByTestId('client-fitness-level')).toHaveValue('Advanced');
    expect(screen.getByText('Shoulder')).toBeInTheDocument();

    await user.type(screen.getByTestId('client-emergency-phone'), 'call me');
    await user.click(screen.getByTestId('client-save'));
    expect(await screen.findByTestId('client-emergency-phone-error')).toHaveTextContent('Emergency phone');
    expect(screen.getByTestId('client-emergency-phone')).toHaveFocus();
    expect(screen.queryByTestId('client-form-error')).not.toBeInTheDocument();
  });
});

describe('toInput', () => {
  it('trims, sends empty optionals as null, and does not duplicate a pending tag', () => {
    expect(
      toInput(
        {
          name: ' Anna ',
          email: ' ',
          phone: '',
          dateOfBirth: '',
          goals: 'g',
          notes: '',
          tags: ['a'],
          emergencyContactName: ' ',
          emergencyContactPhone: '',
          fitnessLevel: '',
          injuries: '',
          bodyAreas: [],
          preferredTimes: '',
        },
        'a',
      ),
    ).toEqual({
      name: 'Anna',
      email: null,
      phone: null,
      dateOfBirth: null,
      goals: 'g',
      notes: '',
      tags: ['a'],
      emergencyContactName: null,
      emergencyContactPhone: null,
      fitnessLevel: null,
      injuries: '',
      bodyAreas: [],
      preferredTimes: '',
    });
  });
});
