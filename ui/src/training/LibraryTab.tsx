import { Alert, Button, Group, Loader, Paper, Select, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useDeferredValue, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { notifications } from '@mantine/notifications';
import { useSearchParams } from 'react-router';
import { api } from '../api';
import type { AppError, Exercise } from '../bindings';
import { IconPlus, IconSearch } from '../components/icons';
import { useExercises } from '../trainingQueries';
import { ExerciseDrawer, type ExerciseTarget } from './ExerciseDrawer';
import { ExerciseImportModal } from './ExerciseImportModal';
import { ExerciseTable } from './ExerciseTable';
import { EQUIPMENT, MUSCLES, PATTERNS } from './vocab';

type Filter = 'muscle' | 'equipment' | 'pattern';

const FILTERS: { key: Filter; label: string; data: { value: string; label: string }[] }[] = [
  { key: 'muscle', label: 'Muscle', data: MUSCLES },
  { key: 'equipment', label: 'Equipment', data: EQUIPMENT },
  { key: 'pattern', label: 'Pattern', data: PATTERNS },
];

type Filters = Record<Filter, string | null> & { hidden: boolean };

/**
 * Search and filters are kept in state and mirrored into the URL, so coming back to the
 * library finds it as it was. State leads: a URL write built from an older URL could undo a
 * filter picked in between.
 */
export function LibraryTab() {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(() => params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 120);
  const [filters, setFilters] = useState<Filters>(() => ({
    muscle: params.get('muscle'),
    equipment: params.get('equipment'),
    pattern: params.get('pattern'),
    hidden: params.get('hidden') === '1',
  }));
  const [target, setTarget] = useState<ExerciseTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const open = useCallback((exercise: Exercise) => setTarget({ mode: 'edit', exercise }), []);

  // `?exercise=<id>` (from Ctrl+K) opens that exercise; the URL write below then drops it.
  const wanted = params.get('exercise');
  useEffect(() => {
    if (!wanted) return;
    api
      .exerciseGet(wanted)
      .then((exercise) => setTarget({ mode: 'edit', exercise }))
      .catch((e: AppError) => notifications.show({ color: 'red', message: e.message }));
  }, [wanted]);

  useEffect(() => {
    const next = new URLSearchParams();
    const tab = params.get('tab');
    if (tab) next.set('tab', tab);
    if (debounced) next.set('q', debounced);
    for (const f of FILTERS) if (filters[f.key]) next.set(f.key, filters[f.key]!);
    if (filters.hidden) next.set('hidden', '1');
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [debounced, filters, params, setParams]);

  const includeHidden = filters.hidden;
  const exercises = useExercises({
    search: debounced || null,
    muscle: filters.muscle,
    equipment: filters.equipment,
    pattern: filters.pattern,
    includeHidden,
  });
  const filtered = debounced !== '' || FILTERS.some((f) => filters[f.key]);
  // Rendering the whole library (clearing the search) can take a moment: the box stays responsive.
  const list = useDeferredValue(exercises.data);

  // ArrowDown from the search field moves into the results.
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      bodyRef.current?.querySelector<HTMLElement>('tr[data-testid="exercise-row"]')?.focus();
    }
  };

  return (
    <>
      <Group gap="sm" mb="sm" wrap="wrap" align="flex-end">
        <TextInput
          flex={1}
          miw={220}
          maw={360}
          placeholder="Search exercises"
          aria-label="Search exercises"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          onKeyDown={onSearchKeyDown}
          leftSection={<IconSearch size={16} />}
          rightSection={exercises.isFetching ? <Loader size={14} /> : null}
          data-testid="exercise-search"
          autoFocus
        />
        {FILTERS.map((f) => (
          <Select
            key={f.key}
            w={170}
            placeholder={`Any ${f.label.toLowerCase()}`}
            aria-label={f.label}
            data={f.data}
            value={filters[f.key]}
            onChange={(v) => setFilters((x) => ({ ...x, [f.key]: v }))}
            searchable
            clearable
            data-testid={`exercise-filter-${f.key}`}
          />
        ))}
        <Switch
          label="Show hidden"
          checked={includeHidden}
          onChange={(e) => {
            const hidden = e.currentTarget.checked;
            setFilters((x) => ({ ...x, hidden }));
          }}
          data-testid="exercise-show-hidden"
          mb={8}
        />
        <Group gap="xs" ml="auto">
          <Button variant="default" onClick={() => setImporting(true)} data-testid="exercise-import">
            Import
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setTarget({ mode: 'new' })} data-testid="exercise-new">
            New exercise
          </Button>
        </Group>
      </Group>

      {exercises.error && !exercises.data ? (
        <Alert color="red" variant="light" title="Could not load the exercise library">
          {exercises.error.message}
        </Alert>
      ) : list?.length === 0 ? (
        <Paper withBorder p="lg" data-testid="exercises-empty">
          <Text fw={500}>{filtered ? 'No exercises match' : 'The library is empty'}</Text>
          <Text size="sm" c="dimmed">
            {filtered
              ? `Search looks at names; muscle filters include secondary muscles${includeHidden ? '' : '. Hidden exercises are left out'}.`
              : 'Add your own exercises, or import a wger or free-exercise-db file.'}
          </Text>
        </Paper>
      ) : (
        list && (
          <>
            <Text size="xs" c="dimmed" mb={4} data-testid="exercise-count">
              {list.length} {list.length === 1 ? 'exercise' : 'exercises'}
            </Text>
            <ExerciseTable
              exercises={list}
              onOpen={open}
              bodyRef={bodyRef}
            />
          </>
        )
      )}

      <ExerciseDrawer target={target} onClose={() => setTarget(null)} />
      <ExerciseImportModal opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
