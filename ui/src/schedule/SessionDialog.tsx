// The session dialog: a new session or series, or an existing session with its status, actions
// and attendance above its details. Its fields are SessionFields; its state and saving,
// useSessionEditor.
import { Alert, Badge, Button, Divider, Group, Modal, Radio, Stack, Textarea } from '@mantine/core';
import type { EditScope, Session, Trainer } from '../bindings';
import { useDiscardGuard } from '../components/DiscardGuard';
import { fieldErrorsOf } from '../fieldErrors';
import { AttendanceList } from './AttendanceList';
import { ConflictList } from './ConflictList';
import { STATUS_COLOR, STATUS_LABEL } from './kinds';
import { RepeatFields } from './RepeatFields';
import { SessionActions } from './SessionActions';
import { SessionFields } from './SessionFields';
import { errorAt, formChanged, isFormField, type SessionDialogTarget } from './sessionForm';
import { useSessionEditor, type Saved } from './useSessionEditor';

export type { SessionDialogTarget } from './sessionForm';

export function SessionDialog({
  target,
  trainers,
  onClose,
  onSaved,
}: {
  target: SessionDialogTarget;
  trainers: Trainer[];
  onClose: () => void;
  onSaved: (outcome: Saved, undo: () => Promise<unknown>) => void;
}) {
  const editor = useSessionEditor(target, trainers, onSaved);
  const { form, set, scope, error, conflicts, busy, editing, inSeries } = editor;
  // Escape, the × and Close ask before throwing away what was typed.
  const guard = useDiscardGuard(scope !== 'one' || formChanged(form, editor.initial), onClose);
  const unplaced = fieldErrorsOf(error, isFormField).general;

  return (
    <>
      <Modal
        opened
        onClose={guard.requestClose}
        title={editing ? `Session: ${editing.label}` : 'New session'}
        size="lg"
        data-testid="session-dialog"
      >
        <Stack gap="sm">
          {editing && <SessionStanding session={editing} onDone={onClose} />}

          <SessionFields editor={editor} trainers={trainers} />

          {inSeries && <ScopeChoice scope={scope} onChange={editor.setScope} />}
          {(!editing || (inSeries && scope !== 'one')) && (
            <RepeatFields form={form} set={set} error={error} locked={Boolean(inSeries)} />
          )}

          <Textarea
            label="Notes"
            autosize
            minRows={2}
            maxRows={8}
            value={form.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={errorAt(error, 'notes')}
            data-testid="session-notes"
          />

          {conflicts && (
            <ConflictList
              conflicts={conflicts}
              timeZone={form.timeZone}
              onOverride={() => void editor.save(true)}
              onFindSlot={form.repeat ? undefined : (after) => void editor.findSlot(after)}
              slots={editor.slots}
              onUseSlot={editor.useSlot}
              busy={busy}
            />
          )}
          {unplaced && (
            <Alert color="red" data-testid="session-error">
              {unplaced.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose} data-testid="session-close">
              Close
            </Button>
            <Button onClick={() => void editor.save(false)} loading={busy} data-testid="session-save">
              {editing ? 'Save changes' : form.repeat ? 'Create series' : 'Create session'}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {guard.dialog}
    </>
  );
}

/** An existing session: its status, the one-click actions and who came, above its details. */
function SessionStanding({ session, onDone }: { session: Session; onDone: () => void }) {
  return (
    <>
      <Group gap="xs">
        <Badge color={STATUS_COLOR[session.status]} data-testid="session-status">
          {STATUS_LABEL[session.status]}
          {session.lateCancel ? ' (late)' : ''}
        </Badge>
        {session.seriesId && <Badge variant="light">{session.detached ? 'Series (edited on its own)' : 'Series'}</Badge>}
      </Group>
      <SessionActions session={session} onDone={onDone} />
      {session.participants.length > 0 && <AttendanceList session={session} />}
      <Divider label="Details" labelPosition="left" />
    </>
  );
}

/** Which sessions of the series a change applies to. */
function ScopeChoice({ scope, onChange }: { scope: EditScope; onChange: (scope: EditScope) => void }) {
  return (
    <Radio.Group label="Apply changes to" value={scope} onChange={(v) => onChange(v as EditScope)} data-testid="session-scope">
      <Group gap="md" mt={4}>
        <Radio value="one" label="This session" data-testid="session-scope-one" />
        <Radio value="following" label="This and following" data-testid="session-scope-following" />
        <Radio value="all" label="Whole series" data-testid="session-scope-all" />
      </Group>
    </Radio.Group>
  );
}
