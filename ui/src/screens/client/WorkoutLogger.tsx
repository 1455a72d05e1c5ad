import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { LogSaved, Units } from '../../bindings';
import { useFieldErrors } from '../../fieldErrors';
import { useLastTime, useSaveLog } from '../../clientTraining/queries';
import { modKeyLabel, todayIso } from '../../format';
import { weightUnit } from '../../training/load';
import { EmptyLoads, ExerciseSets } from './ExerciseSets';
import { LogExercisePicker } from './LogExercisePicker';
import {
  collectSets,
  copyRow,
  errorKey,
  makeRow,
  newKey,
  setErrorFrom,
  withLoad,
  type ExerciseBlock,
  type FieldErrors,
  type SetField,
  type SetRow,
} from './logRows';

export interface LoggerStart {
  clientId: string;
  performedOn: string;
  notes: string;
  blocks: ExerciseBlock[];
  planId: string | null;
  week: number | null;
  dayIndex: number | null;
  sessionId: string | null;
}

const FORM_FIELDS = ['performedOn', 'notes'] as const;

/**
 * The sets of one workout, typed without the mouse: Enter goes reps → load → RPE, then
 * marks the set done and moves to the next set's reps. Only sets marked done are saved.
 * Beside each set: what the client did last time. An empty load is bodyweight on a
 * bodyweight exercise; on any other, saving asks before it becomes 0 kg.
 */
export function WorkoutLogger({
  start,
  units,
  logId,
  onSaved,
}: {
  start: LoggerStart;
  units: Units;
  logId: string | null;
  onSaved: (saved: LogSaved) => void;
}) {
  const [performedOn, setPerformedOn] = useState(start.performedOn);
  const [notes, setNotes] = useState(start.notes);
  const [blocks, setBlocks] = useState(start.blocks);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { setError: setFormError, at: fieldError, general: generalError, edited } = useFieldErrors(FORM_FIELDS);
  const save = useSaveLog();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const addRef = useRef<HTMLInputElement>(null);
  const pendingFocus = useRef<string | null>(null);
  /** Done sets with an empty load on a loaded exercise, waiting for "save as 0 kg" or a load. */
  const [emptyLoads, setEmptyLoads] = useState<string[] | null>(null);
  const day = performedOn.trim();
  const lastTime = useLastTime(start.clientId, blocks.map((b) => b.exerciseId), /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : todayIso(), logId);
  const lastOf = new Map((lastTime.data ?? []).map((l) => [l.exerciseId, l]));

  const rows = blocks.flatMap((b) => b.sets);
  const done = rows.filter((r) => r.done).length;

  const focus = (key: string) => {
    const el = inputs.current.get(key);
    el?.focus();
    el?.select();
  };

  // Start where typing starts: the first set's reps, or the exercise search on a free log.
  useEffect(() => {
    const first = start.blocks[0]?.sets[0];
    if (first) focus(errorKey(first.key, 'reps'));
    else addRef.current?.focus();
  }, [start]);

  // A set just added: focus its reps once it is on screen.
  useEffect(() => {
    if (pendingFocus.current) {
      focus(pendingFocus.current);
      pendingFocus.current = null;
    }
  }, [blocks]);

  const clearError = (key: string) =>
    setErrors((e) => {
      if (!(key in e)) return e;
      const { [key]: _, ...rest } = e;
      return rest;
    });

  const updateRow = (rowKey: string, change: (row: SetRow) => SetRow) =>
    setBlocks((bs) => bs.map((b) => ({ ...b, sets: b.sets.map((r) => (r.key === rowKey ? change(r) : r)) })));

  const edit = (row: SetRow, field: SetField, text: string) => {
    clearError(errorKey(row.key, field));
    updateRow(row.key, (r) => (field === 'load' ? withLoad(r, text, units) : { ...r, [field]: text }));
  };

  const next = (row: SetRow, field: SetField) => {
    if (field === 'reps') return focus(errorKey(row.key, 'load'));
    if (field === 'load') return focus(errorKey(row.key, 'rpe'));
    updateRow(row.key, (r) => ({ ...r, done: true }));
    const following = rows[rows.findIndex((r) => r.key === row.key) + 1];
    if (following) focus(errorKey(following.key, 'reps'));
    else notesRef.current?.focus();
  };

  const onFieldKey = (row: SetRow, field: SetField) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    next(row, field);
  };

  const addSet = (block: ExerciseBlock) => {
    const last = block.sets[block.sets.length - 1];
    const row = last ? copyRow(last) : makeRow(units);
    pendingFocus.current = errorKey(row.key, 'reps');
    setBlocks((bs) => bs.map((b) => (b.key === block.key ? { ...b, sets: [...b.sets, row] } : b)));
  };

  // Focus stays in the sets (the next one, else the one before), not on a button that is gone.
  const removeSet = (block: ExerciseBlock, row: SetRow) => {
    const at = rows.findIndex((r) => r.key === row.key);
    const neighbour = rows[at + 1] ?? rows[at - 1];
    pendingFocus.current = neighbour ? errorKey(neighbour.key, 'reps') : null;
    if (!neighbour) addRef.current?.focus();
    setBlocks((bs) =>
      bs
        .map((b) => (b.key === block.key ? { ...b, sets: b.sets.filter((r) => r.key !== row.key) } : b))
        .filter((b) => b.sets.length > 0),
    );
  };

  const addExercise = (exercise: { id: string; name: string }) => {
    const row = makeRow(units);
    pendingFocus.current = errorKey(row.key, 'reps');
    setBlocks((bs) => [
      ...bs,
      { key: newKey('block'), exerciseId: exercise.id, name: exercise.name, itemIndex: null, measure: 'reps', target: null, sets: [row] },
    ]);
  };

  const submit = (zeroEmptyLoads = false) => {
    if (save.isPending) return;
    const collected = collectSets(blocks);
    setFormError(null);
    const firstBad = Object.keys(collected.errors)[0];
    if (firstBad) {
      setErrors(collected.errors);
      focus(firstBad);
      return;
    }
    if (collected.sets.length === 0) {
      setFormError({ code: 'validation', field: 'sets', message: 'Mark the sets that were done: Enter through a set, or tick it.' });
      return;
    }
    const unasked = collected.emptyLoads.filter((e) => !lastOf.get(e.exerciseId)?.bodyweight);
    if (unasked.length > 0 && !zeroEmptyLoads) {
      setEmptyLoads(unasked.map((e) => e.row));
      setErrors(Object.fromEntries(unasked.map((e) => [errorKey(e.row, 'load'), 'No load entered'])));
      return;
    }
    setEmptyLoads(null);
    setErrors({});
    const input = {
      clientId: start.clientId,
      performedOn: performedOn.trim(),
      planId: start.planId,
      week: start.week,
      dayIndex: start.dayIndex,
      sessionId: start.sessionId,
      notes,
      sets: collected.sets,
    };
    save.mutate(
      { id: logId, input },
      {
        onSuccess: onSaved,
        // Everything typed stays; the error goes to the field it names.
        onError: (error) => {
          const atSet = setErrorFrom(error, collected.rows);
          if (atSet) {
            setErrors(atSet);
            focus(Object.keys(atSet)[0]!);
          } else setFormError(error);
        },
      },
    );
  };

  useHotkeys([['mod+S', () => submit(), { preventDefault: true }]], []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const unit = weightUnit(units);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Workout" data-testid="workout-logger">
      <Stack gap="md">
        <TextInput
          label="Date"
          placeholder="YYYY-MM-DD"
          w={140}
          value={performedOn}
          onChange={(e) => {
            setPerformedOn(e.currentTarget.value);
            edited('performedOn');
          }}
          error={fieldError('performedOn')}
          errorProps={{ 'data-testid': 'log-date-error' }}
          autoComplete="off"
          data-testid="log-date"
        />
        {blocks.map((block) => (
          <ExerciseSets
            key={block.key}
            block={block}
            unit={unit}
            units={units}
            last={lastOf.get(block.exerciseId)}
            errors={errors}
            register={(key) => (el) => {
              if (el) inputs.current.set(key, el);
              else inputs.current.delete(key);
            }}
            onEdit={edit}
            onKey={onFieldKey}
            onDone={(row, value) => updateRow(row.key, (r) => ({ ...r, done: value }))}
            onAddSet={() => addSet(block)}
            onRemove={(row) => removeSet(block, row)}
          />
        ))}
        <LogExercisePicker inputRef={addRef} onPick={addExercise} />
        <Textarea
          ref={notesRef}
          label="Notes"
          placeholder="How it went, what to change next time…"
          autosize
          minRows={2}
          maxRows={8}
          value={notes}
          onChange={(e) => {
            setNotes(e.currentTarget.value);
            edited('notes');
          }}
          error={fieldError('notes')}
          errorProps={{ 'data-testid': 'log-notes-error' }}
          data-testid="log-notes"
        />
        {emptyLoads && (
          <EmptyLoads
            rows={emptyLoads}
            blocks={blocks}
            onSave={() => submit(true)}
            onFill={() => {
              const first = emptyLoads[0];
              setEmptyLoads(null);
              if (first) focus(errorKey(first, 'load'));
            }}
          />
        )}
        {generalError && (
          <Alert color="red" variant="light" title="Not saved" data-testid="log-error">
            {generalError.message}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="log-done-count">
            {done} of {rows.length} {rows.length === 1 ? 'set' : 'sets'} done
            {done < rows.length && ' · sets not marked done are not saved'}
          </Text>
          <Group gap="xs">
            {done < rows.length && (
              <Button
                variant="default"
                onClick={() => setBlocks((bs) => bs.map((b) => ({ ...b, sets: b.sets.map((r) => ({ ...r, done: true })) })))}
                data-testid="log-mark-all"
              >
                Mark all done
              </Button>
            )}
            <Button type="submit" loading={save.isPending} data-testid="log-save">
              {logId ? 'Save changes' : 'Save workout'}{' '}
              <Text span size="xs" opacity={0.7} ml={6}>
                {modKeyLabel()}+S
              </Text>
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
