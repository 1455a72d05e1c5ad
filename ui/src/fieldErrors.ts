// Where the core's error ({code, message, field}) shows in a form: at the input of the field it
// names, or above the buttons when no input of the form owns it. The core is the one source of
// validation; every form wires its answer to its inputs the same way, through here.
import { useEffect, useState, type RefObject } from 'react';
import type { AppError } from './bindings';

/** A form's own inputs: their names, or a test for them (names with parts too: `answers.3`). */
export type FormFields<F extends string> = readonly F[] | ((field: string) => field is F) | ((field: string) => boolean);

export interface FieldErrors<F extends string> {
  /** The message for the input of `field` (exactly that field), if the error is about it. */
  at: (field: F) => string | undefined;
  /** The error no input of the form shows (no field, or one the form has not): above the buttons. */
  general: AppError | null;
}

/** For forms whose every field has its input: only an error without a field goes above the buttons. */
export const everyField = (_field: string) => true;

function owns<F extends string>(fields: FormFields<F>, field: string | null | undefined): field is F {
  if (!field) return false;
  return typeof fields === 'function' ? fields(field) : (fields as readonly string[]).includes(field);
}

/** Splits an error (a mutation's, or one held by the form) between the form's inputs and the rest. */
export function fieldErrorsOf<F extends string>(error: AppError | null | undefined, fields: FormFields<F>): FieldErrors<F> {
  return {
    at: (field) => (error?.field === field ? error.message : undefined),
    general: error && !owns(fields, error.field) ? error : null,
  };
}

/**
 * A form's error state. `edited(field)` is called when the trainer changes an input: changing the
 * input in error means they are fixing it, so its message goes (and only its). With `focus`, the
 * cursor goes to the input in error, so the fix is one keystroke away.
 */
export function useFieldErrors<F extends string>(
  fields: FormFields<F>,
  focus?: { form: RefObject<HTMLElement | null>; testId: (field: F) => string },
) {
  const [error, setError] = useState<AppError | null>(null);
  const testId = focus?.testId;
  const form = focus?.form;
  useEffect(() => {
    if (!form || !testId || !error || !owns(fields, error.field)) return;
    form.current?.querySelector<HTMLElement>(`[data-testid="${testId(error.field)}"]`)?.focus();
    // Only a new error moves the cursor; the field list and lookup are fixed per form.
  }, [error]);
  const edited = (field: F | string) => {
    if (error?.field === field) setError(null);
  };
  return { error, setError, edited, ...fieldErrorsOf(error, fields) };
}
