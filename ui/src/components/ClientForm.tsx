import {
  Alert,
  Button,
  Grid,
  Group,
  Kbd,
  MultiSelect,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { asAppError } from '../api';
import type { Client, ClientInput, FitnessLevel } from '../bindings';
import { BODY_AREAS, FITNESS_LEVELS } from '../clientLabels';
import { useFieldErrors } from '../fieldErrors';
import { ageFromDob, modKeyLabel } from '../format';
import { useDiscardGuard } from './DiscardGuard';

/** Form state: plain strings, so every keystroke is kept exactly as typed. */
interface Values {
  name: string;
  email: string;
  phone: string;
  dateOfBirth: string;
  goals: string;
  notes: string;
  tags: string[];
  emergencyContactName: string;
  emergencyContactPhone: string;
  /** Empty when not set. */
  fitnessLevel: FitnessLevel | '';
  injuries: string;
  bodyAreas: string[];
  preferredTimes: string;
}

type Field = keyof Values;

const FIELDS: readonly Field[] = [
  'name',
  'email',
  'phone',
  'dateOfBirth',
  'goals',
  'notes',
  'tags',
  'emergencyContactName',
  'emergencyContactPhone',
  'fitnessLevel',
  'injuries',
  'bodyAreas',
  'preferredTimes',
];

/** Test ids are part of the end-to-end contract; `dateOfBirth` is shortened to `dob`. */
const TEST_ID: Record<Field, string> = {
  name: 'client-name',
  email: 'client-email',
  phone: 'client-phone',
  dateOfBirth: 'client-dob',
  goals: 'client-goals',
  notes: 'client-notes',
  tags: 'client-tags',
  emergencyContactName: 'client-emergency-name',
  emergencyContactPhone: 'client-emergency-phone',
  fitnessLevel: 'client-fitness-level',
  injuries: 'client-injuries',
  bodyAreas: 'client-body-areas',
  preferredTimes: 'client-preferred-times',
};

function toValues(client?: Client): Values {
  return {
    name: client?.name ?? '',
    email: client?.email ?? '',
    phone: client?.phone ?? '',
    dateOfBirth: client?.dateOfBirth ?? '',
    goals: client?.goals ?? '',
    notes: client?.notes ?? '',
    tags: client?.tags ?? [],
    emergencyContactName: client?.emergencyContactName ?? '',
    emergencyContactPhone: client?.emergencyContactPhone ?? '',
    fitnessLevel: client?.fitnessLevel ?? '',
    injuries: client?.injuries ?? '',
    bodyAreas: client?.bodyAreas ?? [],
    preferredTimes: client?.preferredTimes ?? '',
  };
}

/** Empty optional fields are sent as null; validation itself belongs to the backend. */
export function toInput(values: Values, pendingTag = ''): ClientInput {
  const optional = (s: string) => (s.trim() === '' ? null : s.trim());
  const tag = pendingTag.trim();
  const tags = tag && !values.tags.includes(tag) ? [...values.tags, tag] : values.tags;
  return {
    name: values.name.trim(),
    email: optional(values.email),
    phone: optional(values.phone),
    dateOfBirth: optional(values.dateOfBirth),
    goals: values.goals,
    notes: values.notes,
    tags,
    emergencyContactName: optional(values.emergencyContactName),
    emergencyContactPhone: optional(values.emergencyContactPhone),
    fitnessLevel: values.fitnessLevel || null,
    injuries: values.injuries,
    bodyAreas: values.bodyAreas,
    preferredTimes: values.preferredTimes,
  };
}

export interface ClientFormProps {
  client?: Client;
  submitLabel: string;
  /** Should reject with an AppError (or anything asAppError understands) on failure. */
  onSubmit: (input: ClientInput) => Promise<unknown>;
  onCancel: () => void;
}

/**
 * Create/edit form. The backend is the single source of validation: its error lands at
 * the field it names (or above the buttons), and nothing typed is lost.
 */
export function ClientForm({ client, submitLabel, onSubmit, onCancel }: ClientFormProps) {
  const [values, setValues] = useState<Values>(() => toValues(client));
  const [pendingTag, setPendingTag] = useState('');
  // Cancel with changes asks first (the question sits outside the form).
  const [initial] = useState(() => JSON.stringify(toValues(client)));
  const guard = useDiscardGuard(JSON.stringify(values) !== initial || pendingTag.trim() !== '', onCancel);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // The cursor goes where the problem is, so the fix is one keystroke away.
  const errors = useFieldErrors(FIELDS, { form: formRef, testId: (field) => TEST_ID[field] });
  const { setError, at: fieldError, general: generalError } = errors;

  const set = <K extends Field>(field: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    // Editing the field in error means the user is fixing it: stop shouting.
    errors.edited(field);
  };

  const submit = async () => {
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      await onSubmit(toInput(values, pendingTag));
    } catch (e) {
      setError(asAppError(e));
      setSaving(false);
      return;
    }
    // On success the caller navigates away; keep the button disabled until then.
  };

  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  // Ctrl/Cmd+Enter submits from anywhere in the form, textareas included.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const text = (field: Exclude<Field, 'tags' | 'bodyAreas' | 'fitnessLevel'>) => ({
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value),
    error: fieldError(field),
    errorProps: { 'data-testid': `${TEST_ID[field]}-error` },
    'data-testid': TEST_ID[field],
  });

  const age = ageFromDob(values.dateOfBirth);

  return (
    <form ref={formRef} onSubmit={onFormSubmit} onKeyDown={onKeyDown} noValidate aria-label="Client">
      <Stack gap="sm" maw={760}>
        <TextInput label="Name" withAsterisk autoFocus autoComplete="off" {...text('name')} />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Email" type="email" autoComplete="off" {...text('email')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Phone" type="tel" autoComplete="off" {...text('phone')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            {/* A plain text field, not a picker: fast to type and scriptable end to end. */}
            <TextInput
              label="Date of birth"
              placeholder="YYYY-MM-DD"
              autoComplete="off"
              inputMode="numeric"
              description={age !== null ? `Age ${age}` : 'Format YYYY-MM-DD'}
              {...text('dateOfBirth')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TagsInput
              label="Tags"
              placeholder="Type a tag, press Enter"
              description="For example: knee, beginner, online"
              value={values.tags}
              onChange={(tags) => set('tags', tags)}
              searchValue={pendingTag}
              onSearchChange={setPendingTag}
              clearable
              error={fieldError('tags')}
              errorProps={{ 'data-testid': 'client-tags-error' }}
              data-testid="client-tags"
            />
          </Grid.Col>
        </Grid>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label="Fitness level"
              placeholder="Not set"
              data={FITNESS_LEVELS}
              value={values.fitnessLevel || null}
              onChange={(level) => set('fitnessLevel', (level as FitnessLevel | null) ?? '')}
              clearable
              error={fieldError('fitnessLevel')}
              errorProps={{ 'data-testid': 'client-fitness-level-error' }}
              data-testid="client-fitness-level"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label="Preferred times"
              placeholder="For example: weekday mornings, Tue/Thu after 18:00"
              autoComplete="off"
              {...text('preferredTimes')}
            />
          </Grid.Col>
        </Grid>
        <Textarea label="Goals" autosize minRows={2} maxRows={8} {...text('goals')} />
        <Textarea
          label="Injuries and limitations"
          placeholder="What to avoid or adapt, and since when"
          autosize
          minRows={2}
          maxRows={8}
          {...text('injuries')}
        />
        <MultiSelect
          label="Body areas concerned"
          placeholder={values.bodyAreas.length === 0 ? 'Pick the areas the injuries concern' : undefined}
          data={BODY_AREAS}
          value={values.bodyAreas}
          onChange={(areas) => set('bodyAreas', areas)}
          searchable
          clearable
          hidePickedOptions
          error={fieldError('bodyAreas')}
          errorProps={{ 'data-testid': 'client-body-areas-error' }}
          data-testid="client-body-areas"
        />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Emergency contact" placeholder="Name" autoComplete="off" {...text('emergencyContactName')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Emergency phone" type="tel" autoComplete="off" {...text('emergencyContactPhone')} />
          </Grid.Col>
        </Grid>
        <Textarea label="Notes" autosize minRows={3} maxRows={12} {...text('notes')} />

        {generalError && (
          <Alert color="red" variant="light" title="Not saved" data-testid="client-form-error">
            {generalError.message}
          </Alert>
        )}

        <Group justify="space-between" mt="xs">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">{modKeyLabel()}</Kbd> + <Kbd size="xs">Enter</Kbd> saves
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={guard.requestClose} data-testid="client-cancel">
              Cancel
            </Button>
            <Button type="submit" loading={saving} disabled={saving} data-testid="client-save">
              {submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
      {guard.dialog}
    </form>
  );
}
