import { Select } from '@mantine/core';
import { useState, type Ref } from 'react';
import { useExercises } from '../../trainingQueries';

/** "Add exercise": type to search the library, Enter adds it with one empty set. */
export function LogExercisePicker({
  inputRef,
  onPick,
}: {
  inputRef: Ref<HTMLInputElement>;
  onPick: (exercise: { id: string; name: string }) => void;
}) {
  const exercises = useExercises({ includeHidden: false });
  const [search, setSearch] = useState('');
  return (
    <Select
      ref={inputRef}
      w={320}
      size="sm"
      placeholder="Add exercise…"
      aria-label="Add exercise"
      searchable
      selectFirstOptionOnChange
      clearable={false}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      data={(exercises.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
      nothingFoundMessage={exercises.isLoading ? 'Loading…' : 'No exercise by that name'}
      error={exercises.error?.message}
      onChange={(id) => {
        const exercise = exercises.data?.find((e) => e.id === id);
        if (exercise) onPick({ id: exercise.id, name: exercise.name });
        setSearch('');
      }}
      data-testid="log-add-exercise"
    />
  );
}
