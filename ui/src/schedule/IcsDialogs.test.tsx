// The calendar's .ics export and import go through the system's file dialogs: Export… asks
// where (offering the trainer's name), Choose… picks the file to import, and only paths the
// dialogs returned reach the backend. The .ics commands are answered per test (the stand-in
// has no calendar parser); the dialogs by the stand-in's dialogBackend.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { IcsPreview } from '../bindings';
import { installBackend, ME } from '../test/backend';
import { answerDialog, dialogRequests, pickFile } from '../test/dialogBackend';
import { renderWithProviders } from '../test/render';
import { IcsExportDialog, IcsImportDialog } from './IcsDialogs';

describe('calendar files', () => {
  it('exports the calendar where the save dialog says, and nothing when it is cancelled', async () => {
    const backend = installBackend([]);
    const { user } = renderWithProviders(<IcsExportDialog trainers={[ME]} onClose={vi.fn()} />);

    answerDialog(null);
    await user.click(await screen.findByTestId('ics-export-confirm'));
    await waitFor(() => expect(dialogRequests).toHaveLength(1));
    expect(backend.callsTo('calendar_export')).toHaveLength(0);

    backend.once('calendar_export', (args) => ({ path: args.path, events: 4, sessions: 12 }));
    answerDialog('/home/test/Calendars/me.ics');
    await user.click(screen.getByTestId('ics-export-confirm'));
    expect(await screen.findByTestId('ics-export-result')).toHaveTextContent('Saved 4 events (12 sessions) to /home/test/Calendars/me.ics');
    expect(dialogRequests[1]).toEqual({ cmd: 'dialog_save', kind: 'calendar_ics', suggested: 'me-calendar.ics' });
    expect(backend.callsTo('calendar_export')[0]!.args).toEqual({ trainer: ME.id, path: '/home/test/Calendars/me.ics', replace: true });
  });

  it('previews the file chosen in the open dialog, sent by path', async () => {
    const backend = installBackend([]);
    const preview: IcsPreview = { events: [], sessionsToImport: 2, eventsSkipped: 1 };
    backend.once('ics_preview', () => preview);
    renderWithProviders(<IcsImportDialog trainers={[ME]} onClose={vi.fn()} />);

    await pickFile('ics-file', new File(['BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'], 'google.ics'));
    expect(await screen.findByTestId('ics-import-summary')).toHaveTextContent('2 sessions to import; 1 events skipped');
    expect(dialogRequests).toEqual([{ cmd: 'dialog_open', kind: 'calendar_ics' }]);
    expect(backend.callsTo('ics_preview')[0]!.args).toEqual({
      file: { name: 'google.ics', base64: '', path: '/home/test/Downloads/google.ics' },
      trainer: ME.id,
    });
  });
});
