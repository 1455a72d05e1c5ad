import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CsvImportRequest } from '../bindings';
import { installBackend, makeClient } from '../test/backend';
import { answerDialog, dialogRequests, pickFile } from '../test/dialogBackend';
import { renderApp } from '../test/render';

const anna = makeClient({ id: 'c1', name: 'Anna Berg', email: 'anna@example.com' });

const csv = (text: string, name = 'clients.csv') => new File([text], name, { type: 'text/csv' });
const rowNames = () => screen.getAllByTestId('client-row').map((r) => within(r).getAllByRole('cell')[0]!.textContent);
const previewRows = () => screen.getAllByTestId('csv-preview-row');

async function openImport() {
  const view = renderApp('/clients');
  await view.user.click(await screen.findByTestId('import-csv'));
  return view;
}

describe('CSV import', () => {
  it('previews, re-checks on a mapping change, skips duplicates, and imports on confirm only', async () => {
    const backend = installBackend([anna]);
    const { user } = await openImport();

    await pickFile('csv-file', csv('Client,Kontakt,Phone\nBen Stone,ben@example.com,+46 70 222\nAnna B,anna@example.com,\nDana Ek,dana@example.com,'),
    );

    // The guess: Client → Name, Kontakt unknown (ignored), Phone → Phone.
    await waitFor(() => expect(previewRows()).toHaveLength(3));
    expect(screen.getByTestId('csv-mapping-0')).toHaveValue('name');
    expect(screen.getByTestId('csv-mapping-1')).toHaveValue('');
    expect(screen.getByTestId('csv-mapping-2')).toHaveValue('phone');
    expect(screen.getByTestId('csv-confirm')).toHaveTextContent('Import 3 clients');

    // Mapping two columns to one field is refused by the backend: shown at the mapping, no import.
    await user.selectOptions(screen.getByTestId('csv-mapping-1'), 'phone');
    expect(await screen.findByTestId('csv-mapping-error')).toHaveTextContent('two columns');
    expect(screen.getByTestId('csv-confirm')).toBeDisabled();

    // Kontakt → Email: Anna's email makes line 3 a duplicate, skipped by default.
    await user.selectOptions(screen.getByTestId('csv-mapping-1'), 'email');
    await waitFor(() => expect(screen.getByTestId('csv-confirm')).toHaveTextContent('Import 2 clients'));
    expect(screen.queryByTestId('csv-mapping-error')).not.toBeInTheDocument();
    expect(previewRows()[1]).toHaveTextContent('Duplicate, skipped: Anna Berg (email)');
    expect(screen.getByTestId('csv-counts')).toHaveTextContent('3 rows · 2 to import · 1 duplicate skipped');
    const last = backend.callsTo('clients_csv_preview').at(-1)!.args.request as CsvImportRequest;
    expect(last.mapping).toEqual(['name', 'email', 'phone']);

    await user.click(screen.getByTestId('csv-import-duplicates'));
    await waitFor(() => expect(screen.getByTestId('csv-confirm')).toHaveTextContent('Import 3 clients'));
    await user.click(screen.getByTestId('csv-import-duplicates'));
    await waitFor(() => expect(screen.getByTestId('csv-confirm')).toHaveTextContent('Import 2 clients'));

    // Nothing is written before confirming.
    expect(backend.callsTo('clients_csv_import')).toHaveLength(0);
    expect(backend.clients.size).toBe(1);

    await user.click(screen.getByTestId('csv-confirm'));
    expect(await screen.findByTestId('csv-result')).toHaveTextContent('Imported 2 clients. Skipped 1 duplicate.');
    expect(backend.callsTo('clients_csv_import')[0]!.args.request).toMatchObject({
      mapping: ['name', 'email', 'phone'],
      importDuplicates: false,
    });
    await user.click(screen.getByTestId('csv-done'));
    await waitFor(() => expect(rowNames()).toEqual(['Anna Berg', 'Ben Stone', 'Dana Ek']));
  });

  it('keeps Import disabled while any row has an error, and says which', async () => {
    const backend = installBackend([anna]);
    const { user } = await openImport();

    await pickFile('csv-file', csv('name,email\nBen Stone,ben@example.com\n,carl@example.com\nDana,dana-at-example'));

    await waitFor(() => expect(previewRows()).toHaveLength(3));
    expect(previewRows()[1]).toHaveTextContent('Name is required');
    expect(previewRows()[2]).toHaveTextContent("Email 'dana-at-example' is not valid");
    expect(screen.getByTestId('csv-row-errors')).toHaveTextContent('Line 3 (name): Name is required');
    expect(screen.getByTestId('csv-counts')).toHaveTextContent('2 with errors');
    expect(screen.getByTestId('csv-confirm')).toBeDisabled();

    // Ignoring the email column clears that row's error, but the missing name still blocks.
    await user.selectOptions(screen.getByTestId('csv-mapping-1'), '');
    await waitFor(() => expect(screen.getByTestId('csv-counts')).toHaveTextContent('1 with errors'));
    expect(screen.getByTestId('csv-confirm')).toBeDisabled();
    expect(backend.callsTo('clients_csv_import')).toHaveLength(0);
  });

  it('says clearly when the file itself cannot be imported', async () => {
    installBackend([anna]);
    const { user } = await openImport();

    // Latin-1 "Zoë": not UTF-8.
    await pickFile('csv-file', new File([new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x5a, 0x6f, 0xeb])], 'old.csv'));
    expect(await screen.findByTestId('csv-file-error')).toHaveTextContent('not UTF-8');
    expect(screen.queryByTestId('csv-preview-row')).not.toBeInTheDocument();

    // No column is recognised as the name: the columns still show, so one can be mapped to Name.
    await pickFile('csv-file', csv('Spalte 1,Spalte 2\nAnna,Berg'));
    expect(await screen.findByTestId('csv-mapping-error')).toHaveTextContent("no column is recognised as the client's name");
    expect(screen.getByTestId('csv-confirm')).toBeDisabled();
    await user.selectOptions(screen.getByTestId('csv-mapping-0'), 'name');
    expect(await screen.findByTestId('csv-preview-row')).toHaveTextContent('Anna');
    await waitFor(() => expect(screen.getByTestId('csv-confirm')).toBeEnabled());
  });
});

describe('CSV import of real-world files', () => {
  const bom = (text: string, name: string) =>
    new File([new Uint8Array([0xef, 0xbb, 0xbf]), text.replace(/\n/g, '\r\n')], name, { type: 'text/csv' });

  it('reads German Excel (semicolons, BOM, CRLF, Vorname/Name, dotted dates); the separator can be changed', async () => {
    const backend = installBackend([anna]);
    const { user } = await openImport();

    await pickFile('csv-file', bom('Vorname;Name;E-Mail-Adresse;Geburtsdatum;Notizen\nJürgen;Weiß;juergen@example.de;03.04.1985;"Knie; links"\nAnke;Müller;anke@example.de;17.11.1990;\n', 'kunden.csv'),
    );
    await waitFor(() => expect(previewRows()).toHaveLength(2));
    expect(screen.getByTestId('csv-delimiter')).toHaveValue('semicolon');
    // "Name" beside "Vorname" is the surname.
    expect(screen.getByTestId('csv-mapping-0')).toHaveValue('firstName');
    expect(screen.getByTestId('csv-mapping-1')).toHaveValue('lastName');
    expect(screen.getByTestId('csv-mapping-2')).toHaveValue('email');
    expect(screen.getByTestId('csv-mapping-3')).toHaveValue('dateOfBirth');
    expect(screen.getByTestId('csv-mapping-4')).toHaveValue('notes');
    expect(screen.getByTestId('csv-date-order')).toHaveValue('dayFirst');
    expect(previewRows()[0]).toHaveTextContent('Jürgen Weiß');
    expect(previewRows()[0]).toHaveTextContent('1985-04-03');

    // Read as commas the file is one column nobody can name: said at the mapping.
    await user.selectOptions(screen.getByTestId('csv-delimiter'), 'comma');
    expect(await screen.findByTestId('csv-mapping-error')).toHaveTextContent("client's name");
    expect(screen.getByTestId('csv-confirm')).toBeDisabled();
    expect(backend.callsTo('clients_csv_preview').at(-1)!.args.request).toMatchObject({ delimiter: 'comma', mapping: null });

    await user.selectOptions(screen.getByTestId('csv-delimiter'), 'semicolon');
    await waitFor(() => expect(screen.getByTestId('csv-confirm')).toHaveTextContent('Import 2 clients'));
    await user.click(screen.getByTestId('csv-confirm'));
    expect(await screen.findByTestId('csv-result')).toHaveTextContent('Imported 2 clients.');
    await user.click(screen.getByTestId('csv-done'));
    await waitFor(() => expect(rowNames()).toEqual(['Anke Müller', 'Anna Berg', 'Jürgen Weiß']));
  });

  it('asks how to read dates that could be day- or month-first, and never guesses', async () => {
    const backend = installBackend([]);
    const { user } = await openImport();

    await pickFile('csv-file', csv('First Name,Last Name,Email,Date of Birth\nHarriet,Cole,harriet@example.co.uk,03/04/1990\nOliver,Hughes,oliver@example.co.uk,11/10/1986'),
    );
    expect(await screen.findByTestId('csv-date-question')).toHaveTextContent(
      "'03/04/1990' on line 2 could be 3 April 1990 or 4 March 1990",
    );
    expect(screen.getByTestId('csv-date-order')).toHaveValue('');
    expect(previewRows()[0]).toHaveTextContent('choose the date order');
    expect(screen.getByTestId('csv-confirm')).toBeDisabled();

    await user.selectOptions(screen.getByTestId('csv-date-order'), 'dayFirst');
    await waitFor(() => expect(screen.getByTestId('csv-confirm')).toHaveTextContent('Import 2 clients'));
    expect(screen.queryByTestId('csv-date-question')).not.toBeInTheDocument();
    expect(previewRows()[0]).toHaveTextContent('1990-04-03');
    expect(previewRows()[1]).toHaveTextContent('1986-10-11');
    await user.click(screen.getByTestId('csv-confirm'));
    expect(await screen.findByTestId('csv-result')).toHaveTextContent('Imported 2 clients.');
    expect(backend.callsTo('clients_csv_import')[0]!.args.request).toMatchObject({ dateOrder: 'dayFirst' });
    expect([...backend.clients.values()].map((c) => c.dateOfBirth).sort()).toEqual(['1986-10-11', '1990-04-03']);
  });

  it('imports the valid rows only when the trainer asks, and lists the rows left out', async () => {
    const backend = installBackend([]);
    const { user } = await openImport();

    await pickFile('csv-file', csv('Name,E-mail\n王芳,wang.fang@example.cn\nCarla Nix,carla-at-example.com\nליאור כהן,lior@example.co.il'),
    );
    await waitFor(() => expect(screen.getByTestId('csv-counts')).toHaveTextContent('1 with errors'));
    expect(screen.getByTestId('csv-row-errors')).toHaveTextContent("Line 3 (E-mail): Email 'carla-at-example.com' is not valid");
    expect(screen.getByTestId('csv-confirm')).toBeDisabled();

    await user.click(screen.getByTestId('csv-valid-rows-only'));
    await waitFor(() => expect(screen.getByTestId('csv-confirm')).toHaveTextContent('Import 2 clients'));
    expect(backend.clients.size).toBe(0);
    await user.click(screen.getByTestId('csv-confirm'));
    expect(await screen.findByTestId('csv-result')).toHaveTextContent('Imported 2 clients. Left out 1 row with errors.');
    expect(screen.getByTestId('csv-result-left-out')).toHaveTextContent('Line 3 (E-mail)');
    expect([...backend.clients.values()].map((c) => c.name).sort()).toEqual(['ליאור כהן', '王芳'].sort());
  });
});

describe('CSV export', () => {
  it('writes clients.csv where the trainer chose in the save dialog, and shows where', async () => {
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients');

    await user.click(await screen.findByTestId('export-csv'));
    const save = await screen.findByTestId('csv-export-save');
    expect(screen.queryByTestId('csv-export-path')).not.toBeInTheDocument();
    answerDialog('/tmp/backup/clients.csv');
    await user.click(save);
    expect(await screen.findByTestId('csv-export-result')).toHaveTextContent('/tmp/backup/clients.csv');
    expect(dialogRequests).toEqual([{ cmd: 'dialog_save', kind: 'clients_csv', suggested: 'clients.csv' }]);
    // The dialog asked about replacing a file already, so the export may replace it.
    expect(backend.callsTo('clients_csv_export')[0]!.args).toEqual({ path: '/tmp/backup/clients.csv', replace: true });
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients');

    await user.click(await screen.findByTestId('export-csv'));
    answerDialog(null);
    await user.click(await screen.findByTestId('csv-export-save'));
    await waitFor(() => expect(dialogRequests).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('csv-export-save')).toBeEnabled());
    expect(backend.callsTo('clients_csv_export')).toHaveLength(0);
    expect(screen.queryByTestId('csv-export-result')).not.toBeInTheDocument();
  });

  it('shows a write error', async () => {
    const backend = installBackend([anna]);
    backend.once('clients_csv_export', () => {
      throw { code: 'io', message: 'cannot write /root/clients.csv: permission denied' };
    });
    const { user } = renderApp('/clients');

    await user.click(await screen.findByTestId('export-csv'));
    await user.click(await screen.findByTestId('csv-export-save'));
    expect(await screen.findByTestId('csv-export-error')).toHaveTextContent('permission denied');
  });
});
