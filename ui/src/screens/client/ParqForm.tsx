// The PAR-Q+ form on a client's Intake tab.
import { Alert, Button, Divider, Group, Paper, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useFieldErrors } from '../../fieldErrors';
import { todayIso } from '../../format';
import { useRecordIntake } from '../../recordQueries';

type Answer = boolean | null;

/** The fields the form shows an error at: the date, the notes and each answer. */
const isFieldOfForm = (field: string) => field === 'answeredOn' || field === 'notes' || field.startsWith('answers.');

/** What the core says of an unanswered question (it names only the first one). */
const unansweredMessage = (i: number) => `Answer question ${i + 1} (yes or no)`;

/**
 * The PAR-Q+ general health questions, Yes/No each. Unanswered questions are sent as such: the
 * backend refuses the intake, naming the first one; every question still unanswered then shows
 * its message at once, together with a date error if there is one.
 */
export function ParqForm({ clientId, questions }: { clientId: string; questions: string[] }) {
  const record = useRecordIntake(clientId);
  const [answeredOn, setAnsweredOn] = useState(todayIso);
  const [answers, setAnswers] = useState<Answer[]>(() => questions.map(() => null));
  const [notes, setNotes] = useState('');
  const { setError, at: fieldError, general: generalError, edited } = useFieldErrors(isFieldOfForm);
  // The questions left unanswered by the last refused save, until each is answered.
  const [unanswered, setUnanswered] = useState<number[]>([]);
  const [saved, setSaved] = useState(false);

  const answerError = (i: number) =>
    fieldError(`answers.${i}`) ?? (unanswered.includes(i) ? unansweredMessage(i) : undefined);

  const answer = (i: number, value: boolean) => {
    setAnswers((all) => all.map((a, j) => (j === i ? value : a)));
    setUnanswered((all) => all.filter((j) => j !== i));
    edited(`answers.${i}`);
    setSaved(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setUnanswered([]);
    const open = answers.flatMap((a, i) => (a === null ? [i] : []));
    record.mutate(
      { answeredOn: answeredOn.trim(), answers, notes },
      {
        onSuccess: () => {
          setAnswers(questions.map(() => null));
          setNotes('');
          setSaved(true);
        },
        onError: (e) => {
          setError(e);
          setUnanswered(open);
        },
      },
    );
  };

  const anyYes = answers.some((a) => a === true);

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label="PAR-Q+">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Text fw={600}>New PAR-Q+</Text>
          <Text size="xs" c="dimmed">
            Physical Activity Readiness Questionnaire, general health questions
          </Text>
        </div>
        <TextInput
          label="Answered on"
          placeholder="YYYY-MM-DD"
          w={140}
          size="xs"
          value={answeredOn}
          onChange={(e) => {
            setAnsweredOn(e.currentTarget.value);
            edited('answeredOn');
          }}
          error={fieldError('answeredOn')}
          errorProps={{ 'data-testid': 'parq-date-error' }}
          autoComplete="off"
          data-testid="parq-date"
        />
      </Group>
      <Stack gap={0}>
        {questions.map((question, i) => {
          const a = answers[i] ?? null;
          const message = answerError(i);
          return (
            <div key={i}>
              <Divider />
              <Group justify="space-between" wrap="nowrap" align="center" gap="md" py={8}>
                <Text size="sm">
                  <Text span c="dimmed" mr={6}>
                    {i + 1}.
                  </Text>
                  {question}
                </Text>
                <SegmentedControl
                  size="xs"
                  // '' selects neither: an answer must be given, never defaulted.
                  value={a === null ? '' : a ? 'yes' : 'no'}
                  onChange={(v) => answer(i, v === 'yes')}
                  color={a === true ? 'red' : a === false ? 'teal' : undefined}
                  aria-label={`Question ${i + 1}`}
                  style={{ flexShrink: 0 }}
                  data={[
                    { value: 'yes', label: <span data-testid={`parq-answer-${i}-yes`}>Yes</span> },
                    { value: 'no', label: <span data-testid={`parq-answer-${i}-no`}>No</span> },
                  ]}
                />
              </Group>
              {message && (
                <Text size="xs" c="red" mt={-4} mb={6} data-testid={`parq-answer-${i}-error`}>
                  {message}
                </Text>
              )}
            </div>
          );
        })}
        <Divider mb="sm" />
      </Stack>
      <Textarea
        label="Notes"
        placeholder="Details of any “yes”, the doctor's name, medications…"
        autosize
        minRows={2}
        maxRows={6}
        value={notes}
        onChange={(e) => {
          setNotes(e.currentTarget.value);
          edited('notes');
        }}
        error={fieldError('notes')}
        data-testid="parq-notes"
      />
      {generalError && (
        <Alert color="red" variant="light" mt="sm" title="Not saved" data-testid="parq-error">
          {generalError.message}
        </Alert>
      )}
      <Group justify="space-between" mt="sm">
        <Text size="xs" c={anyYes ? 'red' : 'dimmed'}>
          {anyYes
            ? 'A “yes” means the client needs medical clearance before training.'
            : saved
              ? 'Saved. The form is ready for the next one.'
              : 'Any “yes” flags the client as needing medical clearance.'}
        </Text>
        <Button type="submit" loading={record.isPending} data-testid="parq-save">
          Save PAR-Q+
        </Button>
      </Group>
    </Paper>
  );
}
