import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Kbd,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { asAppError } from '../api';
import type { Caution, Exercise, ExerciseInput } from '../bindings';
import { IconPlus } from '../components/icons';
import { useFieldErrors } from '../fieldErrors';
import { modKeyLabel } from '../format';
import { IconX } from './icons';
import { BODY_AREAS, DIFFICULTIES, EQUIPMENT, MUSCLES, PATTERNS } from './vocab';

type Field = keyof ExerciseInput;

/** Test ids are part of the end-to-end contract. */
const TEST_ID: Record<Field, string> = {
  name: 'exercise-name',
  primaryMuscles: 'exercise-primary',
  secondaryMuscles: 'exercise-secondary',
  equipment: 'exercise-equipment',
  pattern: 'exercise-pattern',
  difficulty: 'exercise-difficulty',
  instructions: 'exercise-instructions',
  cautions: 'exercise-cautions',
};

function isField(value: string | undefined): value is Field {
  return value !== undefined && value in TEST_ID;
}

function toValues(exercise?: Exercise): ExerciseInput {
  return {
    name: exercise?.name ?? '',
    primaryMuscles: exercise?.primaryMuscles ?? [],
    secondaryMuscles: exercise?.secondaryMuscles ?? [],
    equipment: exercise?.equipment ?? [],
    pattern: exercise?.pattern ?? '',
    difficulty: exercise?.difficulty ?? 'beginner',
    instructions: exercise?.instructions ?? '',
    cautions: exercise?.cautions ?? [],
  };
}

/**
 * The exercise form. The backend is the single source of validation: its error lands at the
 * field it names (or above the buttons), and nothing typed is lost.
 */
export function ExerciseForm({
  exercise,
  onSubmit,
  onCancel,
  onDirtyChange,
  extraActions,
}: {
  exercise?: Exercise;
  onSubmit: (input: ExerciseInput) => Promise<unknown>;
  onCancel: () => void;
  /** Told whether the form differs from what it opened with (for the discard question). */
  onDirtyChange?: (dirty: boolean) => void;
  extraActions?: ReactNode;
}) {
  const [values, setValues] = useState<ExerciseInput>(() => toValues(exercise));
  const [initial] = useState(() => JSON.stringify(toValues(exercise)));
  const dirty = JSON.stringify(values) !== initial;
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // The cursor goes where the problem is, so the fix is one keystroke away.
  const errors = useFieldErrors(isField, { form: formRef, testId: (field) => TEST_ID[field] });
  const { setError, at: fieldError, general: generalError } = errors;
  const errorProps = (field: Field) => ({
    error: fieldError(field),
    errorProps: { 'data-testid': `${TEST_ID[field]}-error` },
    'data-testid': TEST_ID[field],
  });

  const set = <K extends Field>(field: K, value: ExerciseInput[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    errors.edited(field);
  };

  const submit = async () => {
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (e) {
      setError(asAppError(e));
    }
    setSaving(false);
  };

  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  // Ctrl/Cmd+Enter saves from anywhere in the form, textareas included.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form ref={formRef} onSubmit={onFormSubmit} onKeyDown={onKeyDown} noValidate aria-label="Exercise" data-testid="exercise-form">
      <Stack gap="sm">
        <TextInput
          label="Name"
          withAsterisk
          autoComplete="off"
          data-autofocus
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          {...errorProps('name')}
        />
        <MultiSelect
          label="Primary muscles"
          withAsterisk
          data={MUSCLES}
          value={values.primaryMuscles}
          onChange={(v) => set('primaryMuscles', v)}
          searchable
          hidePickedOptions
          {...errorProps('primaryMuscles')}
        />
        <MultiSelect
          label="Secondary muscles"
          data={MUSCLES}
          value={values.secondaryMuscles}
          onChange={(v) => set('secondaryMuscles', v)}
          searchable
          hidePickedOptions
          {...errorProps('secondaryMuscles')}
        />
        <MultiSelect
          label="Equipment"
          description="None chosen means bodyweight"
          data={EQUIPMENT}
          value={values.equipment}
          onChange={(v) => set('equipment', v)}
          searchable
          hidePickedOptions
          {...errorProps('equipment')}
        />
        <Group grow align="flex-start">
          <Select
            label="Movement pattern"
            withAsterisk
            data={PATTERNS}
            value={values.pattern || null}
            onChange={(v) => set('pattern', v ?? '')}
            searchable
            {...errorProps('pattern')}
          />
          <Select
            label="Difficulty"
            data={DIFFICULTIES}
            value={values.difficulty || null}
            onChange={(v) => set('difficulty', v ?? '')}
            allowDeselect={false}
            {...errorProps('difficulty')}
          />
        </Group>
        <Textarea
          label="Instructions"
          placeholder="Set-up, execution and the cues you use"
          autosize
          minRows={3}
          maxRows={12}
          value={values.instructions}
          onChange={(e) => set('instructions', e.currentTarget.value)}
          {...errorProps('instructions')}
        />
        <CautionRows
          cautions={values.cautions}
          onChange={(c) => set('cautions', c)}
          error={fieldError('cautions')}
        />

        {generalError && (
          <Alert color="red" variant="light" title="Not saved" data-testid="exercise-form-error">
            {generalError.message}
          </Alert>
        )}

        <Group justify="space-between" mt="xs">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">{modKeyLabel()}</Kbd> + <Kbd size="xs">Enter</Kbd> saves
          </Text>
          <Group gap="xs">
            {extraActions}
            <Button variant="default" onClick={onCancel} data-testid="exercise-cancel">
              Cancel
            </Button>
            <Button type="submit" loading={saving} data-testid="exercise-save">
              Save
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Cautions: which body area, and what to watch for. Shown in plans next to the exercise. */
function CautionRows({
  cautions,
  onChange,
  error,
}: {
  cautions: Caution[];
  onChange: (cautions: Caution[]) => void;
  error: string | undefined;
}) {
  const edit = (i: number, patch: Partial<Caution>) => onChange(cautions.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Stack gap={6} data-testid="exercise-cautions" tabIndex={-1}>
      <Text size="sm" fw={500}>
        Cautions
      </Text>
      {cautions.map((c, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start" data-testid="caution-row">
          <Select
            w={150}
            placeholder="Body area"
            aria-label="Body area"
            data={BODY_AREAS}
            value={c.area || null}
            onChange={(v) => edit(i, { area: v ?? '' })}
            searchable
            data-testid="caution-area"
          />
          <TextInput
            flex={1}
            placeholder="What to watch for"
            aria-label="Caution"
            value={c.text}
            onChange={(e) => edit(i, { text: e.currentTarget.value })}
            data-testid="caution-text"
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            mt={6}
            aria-label="Remove caution"
            onClick={() => onChange(cautions.filter((_, j) => j !== i))}
            data-testid="caution-remove"
          >
            <IconX size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...cautions, { area: '', text: '' }])}
          data-testid="caution-add"
        >
          Add caution
        </Button>
      </Group>
      {error && (
        <Text size="xs" c="red" data-testid="exercise-cautions-error">
          {error}
        </Text>
      )}
    </Stack>
  );
}
