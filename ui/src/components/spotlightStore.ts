import { createSpotlight } from '@mantine/spotlight';

/** The app's one command palette; its own store so components can read `opened`. */
export const [appSpotlightStore, appSpotlight] = createSpotlight();

// The helpers below mirror Mantine's internal selectAction/triggerSelectedAction, which
// the package does not export: selection is a `data-selected` attribute on an action.

function actionsList(): HTMLElement | null {
  const { listId } = appSpotlightStore.getState();
  return listId ? document.getElementById(listId) : null;
}

/** Removes the highlight, so Mantine's own Enter handling has nothing to trigger. */
export function clearSpotlightSelection() {
  actionsList()?.querySelector('[data-selected]')?.removeAttribute('data-selected');
  appSpotlightStore.updateState((state) => ({ ...state, selected: -1 }));
}

/** Highlights the first action; returns it. */
export function selectFirstSpotlightAction(): HTMLElement | null {
  const list = actionsList();
  if (!list) return null;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  const first = list.querySelector<HTMLElement>('[data-action]');
  first?.setAttribute('data-selected', 'true');
  appSpotlightStore.updateState((state) => ({ ...state, selected: first ? 0 : -1 }));
  return first;
}
