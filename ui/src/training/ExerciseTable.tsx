import { Badge, Table } from '@mantine/core';
import { memo, type KeyboardEvent, type RefObject } from 'react';
import type { Exercise } from '../bindings';
import { CautionIcon } from './CautionIcon';
import { difficultyLabel, equipmentLabel, muscleLabel, patternLabel, SOURCE_LABEL } from './vocab';

/** Dense and keyboard-driven: rows are focusable, Enter opens, arrows move between rows. */
export function ExerciseTable({
  exercises,
  onOpen,
  bodyRef,
}: {
  exercises: Exercise[];
  onOpen: (exercise: Exercise) => void;
  bodyRef: RefObject<HTMLTableSectionElement | null>;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Exercise</Table.Th>
            <Table.Th>Primary muscles</Table.Th>
            <Table.Th>Equipment</Table.Th>
            <Table.Th>Pattern</Table.Th>
            <Table.Th>Level</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={bodyRef}>
          {exercises.map((exercise) => (
            <ExerciseRow key={exercise.id} exercise={exercise} onOpen={onOpen} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const NAME_CELL = { display: 'flex', alignItems: 'center', gap: 6 } as const;

const ExerciseRow = memo(function ExerciseRow({
  exercise,
  onOpen,
}: {
  exercise: Exercise;
  onOpen: (exercise: Exercise) => void;
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(exercise);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const row = event.currentTarget;
      const next = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
      if (next instanceof HTMLElement) next.focus();
    }
  };
  const imported = exercise.source === 'wger' || exercise.source === 'free-exercise-db';
  return (
    <Table.Tr
      className="clickable-row"
      tabIndex={0}
      data-testid="exercise-row"
      data-name={exercise.name}
      data-exercise-id={exercise.id}
      onClick={() => onOpen(exercise)}
      onKeyDown={onKeyDown}
      style={exercise.hidden ? { opacity: 0.55 } : undefined}
    >
      <Table.Td>
        {/* Plain markup: this cell renders 300 times when the search is cleared. */}
        <div style={NAME_CELL}>
          <span style={{ fontWeight: 500 }}>{exercise.name}</span>
          <CautionIcon cautions={exercise.cautions} />
          {imported && (
            <Badge
              size="xs"
              variant="outline"
              color="gray"
              tt="none"
              title={`${exercise.license} · ${exercise.attribution}`}
              data-testid="exercise-source"
            >
              {SOURCE_LABEL[exercise.source]}
            </Badge>
          )}
          {exercise.hidden && (
            <Badge size="xs" variant="light" color="gray" data-testid="exercise-hidden-badge">
              Hidden
            </Badge>
          )}
        </div>
      </Table.Td>
      <Table.Td>{exercise.primaryMuscles.map(muscleLabel).join(', ')}</Table.Td>
      <Table.Td>{exercise.equipment.map(equipmentLabel).join(', ')}</Table.Td>
      <Table.Td>{patternLabel(exercise.pattern)}</Table.Td>
      <Table.Td>{difficultyLabel(exercise.difficulty)}</Table.Td>
    </Table.Tr>
  );
});
