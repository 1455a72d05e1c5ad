// One client note: its times ("edited" when changed after it was written), delete, and edit in
// place with Save/Cancel. Escape or Cancel with a changed text asks before discarding it.
import { Alert, Button, Group, Paper, Text, Textarea } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import type { ClientNote } from '../../bindings';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { useDiscardGuard } from '../../components/DiscardGuard';
import { formatTimestamp } from '../../format';
import { useUpdateNote } from '../../recordQueries';

interface Props {
  clientId: string;
  note: ClientNote;
  onDelete: () => void;
  deleting: boolean;
}

export function NoteItem({ clientId, note, onDelete, deleting }: Props) {
  const [editing, setEditing] = useState(false);
  const edited = note.updatedAt !== note.createdAt;
  return (
    <Paper withBorder p="sm" data-testid="note-item" data-note-id={note.id}>
      <Group justify="space-between" align="center" mb={4} wrap="nowrap">
        <Text size="xs" c="dimmed" data-testid="note-time">
          {formatTimestamp(note.createdAt)}
          {edited && (
            <span data-testid="note-edited" title={`Edited ${formatTimestamp(note.updatedAt)}`}>
              {` · edited ${formatTimestamp(note.updatedAt)}`}
            </span>
          )}
        </Text>
        {!editing && (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)} data-testid="note-edit">
              Edit
            </Button>
            <ConfirmDelete
              question="Delete this note? This cannot be undone."
              onConfirm={onDelete}
              loading={deleting}
              testId="note-delete"
            />
          </Group>
        )}
      </Group>
      {editing ? (
        <NoteEditor clientId={clientId} note={note} onDone={() => setEditing(false)} />
      ) : (
        <Text size="sm" className="preline">
          {note.body}
        </Text>
      )}
    </Paper>
  );
}

function NoteEditor({ clientId, note, onDone }: { clientId: string; note: ClientNote; onDone: () => void }) {
  const update = useUpdateNote(clientId);
  const [body, setBody] = useState(note.body);
  const guard = useDiscardGuard(body !== note.body, onDone);
  const save = () => {
    if (update.isPending) return;
    update.mutate({ id: note.id, body }, { onSuccess: onDone });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      guard.requestClose();
    }
  };
  const fieldError = update.error?.field === 'body' ? update.error.message : undefined;
  return (
    <>
      <Textarea
        aria-label="Edit note"
        autosize
        minRows={2}
        maxRows={12}
        value={body}
        onChange={(e) => {
          setBody(e.currentTarget.value);
          if (update.error) update.reset();
        }}
        onKeyDown={onKeyDown}
        error={fieldError}
        errorProps={{ 'data-testid': 'note-edit-error' }}
        data-testid="note-edit-body"
        autoFocus
      />
      {update.error && !fieldError && (
        <Alert color="red" variant="light" mt="xs" title="Not saved">
          {update.error.message}
        </Alert>
      )}
      <Group justify="flex-end" gap="xs" mt="xs">
        <Button variant="default" size="compact-sm" onClick={guard.requestClose} data-testid="note-edit-cancel">
          Cancel
        </Button>
        <Button size="compact-sm" onClick={save} loading={update.isPending} data-testid="note-edit-save">
          Save
        </Button>
      </Group>
      {guard.dialog}
    </>
  );
}
