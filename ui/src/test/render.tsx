import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { AppRoot } from '../AppRoot';
import { AppProviders } from '../providers';
import { createQueryClient } from '../queries';

/** Renders the whole app at `path`, as the desktop window would, with a fresh cache. */
export function renderApp(path = '/dashboard') {
  const user = userEvent.setup();
  const utils = render(
    <AppProviders queryClient={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoot />
      </MemoryRouter>
    </AppProviders>,
  );
  return { user, ...utils };
}

/** Renders one component with the app's providers (no routes), for focused tests. */
export function renderWithProviders(ui: React.ReactElement) {
  const user = userEvent.setup();
  const utils = render(
    <AppProviders queryClient={createQueryClient()}>
      <MemoryRouter>{ui}</MemoryRouter>
    </AppProviders>,
  );
  return { user, ...utils };
}
