import { Alert, Button, Group, Kbd, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Client, ClientNote } from '../../bindings';
import { modKeyLabel } from '../../format';
import { useNotes } from '../../queries';
import { useAddNote, useDeleteNote } from '../../recordQueries';
import { NoteItem } from './NoteItem';
import { Empty } from './parts';

/** Timestamped notes, newest first: what happened, what to remember next time. */
export function NotesTab({ client }: { client: Client }) {
  const notes = useNotes(client.id);
  return (
    <Stack gap="md" maw={760}>
      <NoteComposer clientId={client.id} />
      {notes.isError ? (
        <Alert color="red" variant="light" title="Could not load notes">
          {notes.error.message}
        </Alert>
      ) : notes.data?.length === 0 ? (
        <Empty testId="notes-empty">No notes yet.</Empty>
      ) : (
        <NoteList clientId={client.id} notes={notes.data ?? []} />
      )}
    </Stack>
  );
}

function NoteComposer({ clientId }: { clientId: string }) {
  const add = useAddNote(clientId);
  const [body, setBody] = useState('');

  const save = () => {
    if (add.isPending) return;
    add.mutate(body, { onSuccess: () => setBody('') });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };
  const fieldError = add.error?.field === 'body' ? add.error.message : undefined;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="New note">
      <Textarea
        aria-label="New note"
        placeholder="What happened today, what to remember next time…"
        autosize
        minRows={3}
        maxRows={12}
        value={body}
        onChange={(e) => {
          setBody(e.currentTarget.value);
          if (add.error) add.reset();
        }}
        onKeyDown={onKeyDown}
        error={fieldError}
        errorProps={{ 'data-testid': 'note-body-error' }}
        data-testid="note-body"
      />
      {add.error && !fieldError && (
        <Alert color="red" variant="light" mt="xs" title="Not saved">
          {add.error.message}
        </Alert>
      )}
      <Group justify="space-between" mt="xs">
        <Text size="xs" c="dimmed">
          <Kbd size="xs">{modKeyLabel()}</Kbd> + <Kbd size="xs">Enter</Kbd> saves
        </Text>
        <Button type="submit" loading={add.isPending} data-testid="note-save">
          Add note
        </Button>
      </Group>
    </form>
  );
}

function NoteList({ clientId, notes }: { clientId: string; notes: ClientNote[] }) {
  const remove = useDeleteNote(clientId);
  return (
    <Stack gap="sm">
      {remove.error && (
        <Alert color="red" variant="light" title="Not deleted">
          {remove.error.message}
        </Alert>
      )}
      {notes.map((note) => (
        <NoteItem
          key={note.id}
          clientId={clientId}
          note={note}
          onDelete={() => remove.mutate(note.id)}
          deleting={remove.isPending && remove.variables === note.id}
        />
      ))}
    </Stack>
  );
}
