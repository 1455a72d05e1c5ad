// Helpers for the training screens' tests.
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/**
 * Opens a Mantine Select (or MultiSelect) and clicks an option of its own list. Mantine keeps
 * other dropdowns mounted and hides them in jsdom (no layout), so the option is looked up in
 * the listbox the input controls, with `hidden: true`.
 */
export async function pick(user: UserEvent, input: HTMLElement, option: string | RegExp, search?: string) {
  await user.click(input);
  if (search !== undefined) await user.type(input, search);
  const id = input.getAttribute('aria-controls');
  const list = id ? document.getElementById(id) : null;
  const scope = list ? within(list) : screen;
  await user.click(await scope.findByRole('option', { name: option, hidden: true }));
}
