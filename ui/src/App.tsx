import { HashRouter } from 'react-router';
import { AppRoot } from './AppRoot';
import { AppProviders } from './providers';

// Hash routing: the bundle is served from Tauri's custom protocol, which knows no
// server-side routes, so every path must resolve to index.html.
export function App() {
  return (
    <AppProviders>
      <HashRouter>
        <AppRoot />
      </HashRouter>
    </AppProviders>
  );
}
