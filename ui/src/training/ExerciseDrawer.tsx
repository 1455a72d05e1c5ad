import { Button, Drawer, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import type { Exercise } from '../bindings';
import { useDiscardGuard } from '../components/DiscardGuard';
import { useCreateExercise, useSetExerciseHidden, useUpdateExercise } from '../trainingQueries';
import { ExerciseForm } from './ExerciseForm';
import { SOURCE_LABEL } from './vocab';

export type ExerciseTarget = { mode: 'new' } | { mode: 'edit'; exercise: Exercise };

/** New or edit, in a drawer beside the list so the library stays in view. */
export function ExerciseDrawer({ target, onClose }: { target: ExerciseTarget | null; onClose: () => void }) {
  // Keep showing the last exercise while the drawer slides out.
  const last = useRef<ExerciseTarget | null>(null);
  if (target) last.current = target;
  const shown = target ?? last.current;
  const exercise = shown?.mode === 'edit' ? shown.exercise : undefined;
  // Escape, the × and Cancel ask first when the form has changes.
  const [dirty, setDirty] = useState(false);
  const close = () => {
    setDirty(false);
    onClose();
  };
  const guard = useDiscardGuard(dirty, close);
  return (
    <>
    <Drawer
      opened={target !== null}
      onClose={guard.requestClose}
      position="right"
      size="lg"
      title={exercise ? exercise.name : 'New exercise'}
      data-testid="exercise-drawer"
    >
      {shown && (
        <ExerciseDrawerBody
          key={exercise?.id ?? 'new'}
          exercise={exercise}
          onClose={close}
          onCancel={guard.requestClose}
          onDirtyChange={setDirty}
        />
      )}
    </Drawer>
    {guard.dialog}
    </>
  );
}

function ExerciseDrawerBody({
  exercise,
  onClose,
  onCancel,
  onDirtyChange,
}: {
  exercise: Exercise | undefined;
  onClose: () => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const create = useCreateExercise();
  const update = useUpdateExercise();
  const hide = useSetExerciseHidden();

  const toggleHidden = (target: Exercise) =>
    hide.mutate(
      { id: target.id, hidden: !target.hidden },
      {
        onSuccess: (changed) => {
          onClose();
          notifyHidden(changed);
        },
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );

  return (
    <Stack gap="md">
      {exercise && <SourceInfo exercise={exercise} />}
      <ExerciseForm
        exercise={exercise}
        onCancel={onCancel}
        onDirtyChange={onDirtyChange}
        onSubmit={async (input) => {
          const saved = exercise
            ? await update.mutateAsync({ id: exercise.id, input })
            : await create.mutateAsync(input);
          onClose();
          notifications.show({ message: `${exercise ? 'Saved' : 'Added'} ${saved.name}`, autoClose: 3000 });
        }}
        extraActions={
          exercise && (
            <Button
              variant="subtle"
              color="gray"
              onClick={() => toggleHidden(exercise)}
              loading={hide.isPending}
              data-testid="exercise-hide"
            >
              {exercise.hidden ? 'Unhide' : 'Hide'}
            </Button>
          )
        }
      />
    </Stack>
  );
}

/** Where the exercise comes from; imported ones carry their licence and attribution. */
function SourceInfo({ exercise }: { exercise: Exercise }) {
  const imported = exercise.source === 'wger' || exercise.source === 'free-exercise-db';
  return (
    <Paper withBorder p="xs" data-testid="exercise-source-info">
      <Text size="xs" c="dimmed">
        Source: {SOURCE_LABEL[exercise.source] ?? exercise.source}
        {exercise.sourceRef ? ` (${exercise.sourceRef})` : ''}
        {exercise.hidden ? ' · hidden from the library and pickers' : ''}
      </Text>
      {(imported || exercise.license) && (
        <Text size="xs" c="dimmed" data-testid="exercise-license">
          Licence: {exercise.license || 'not stated'}
          {exercise.attribution ? ` · ${exercise.attribution}` : ''}
        </Text>
      )}
    </Paper>
  );
}

function notifyHidden(exercise: Exercise) {
  const id = `exercise-hidden-${exercise.id}-${Date.now()}`;
  notifications.show({
    id,
    autoClose: 8000,
    message: <UndoHide exercise={exercise} notificationId={id} />,
  });
}

function UndoHide({ exercise, notificationId }: { exercise: Exercise; notificationId: string }) {
  const hide = useSetExerciseHidden();
  return (
    <Stack gap={4}>
      <Text size="sm">
        {exercise.hidden
          ? `Hid ${exercise.name}: plans that use it keep it.`
          : `${exercise.name} is back in the library.`}
      </Text>
      <Button
        size="compact-sm"
        variant="light"
        w="fit-content"
        loading={hide.isPending}
        onClick={() =>
          hide.mutate(
            { id: exercise.id, hidden: !exercise.hidden },
            { onSuccess: () => notifications.hide(notificationId) },
          )
        }
        data-testid="undo-hide"
      >
        Undo
      </Button>
    </Stack>
  );
}
