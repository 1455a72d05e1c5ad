import { createSpotlight } from '@mantine/spotlight';

/** The app's one command palette; its own store so components can read `opened`. */
export const [appSpotlightStore, appSpotlight] = createSpotlight();

/**
 * Highlights the first action so Enter picks the top result. Mantine does this when the
 * query changes, but client results arrive a moment later (debounce + IPC) and would
 * otherwise leave the highlight on a stale item. Mirrors Mantine's own selectAction(0),
 * which the package does not export.
 */
export function selectFirstSpotlightAction() {
  const { listId } = appSpotlightStore.getState();
  const list = listId ? document.getElementById(listId) : null;
  if (!list) return;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  const first = list.querySelector('[data-action]');
  first?.setAttribute('data-selected', 'true');
  appSpotlightStore.updateState((state) => ({ ...state, selected: first ? 0 : -1 }));
}
