import { Center, Loader } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppFrame } from './components/AppFrame';
import { AppSpotlight } from './components/AppSpotlight';
import { StartupGate } from './components/StartupGate';
import { ClientEditScreen } from './screens/ClientEditScreen';
import { ClientNewScreen } from './screens/ClientNewScreen';
import { ClientScreen } from './screens/ClientScreen';
import { ClientsScreen } from './screens/ClientsScreen';
import { DashboardScreen } from './screens/DashboardScreen';
import { InsightsScreen } from './screens/InsightsScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { TrainingScreen } from './screens/TrainingScreen';

// The calendar library is the largest part of the bundle: load it when first opened, so the
// first screen starts fast and the idle app stays small.
const CalendarScreen = lazy(() => import('./screens/CalendarScreen').then((m) => ({ default: m.CalendarScreen })));

function Loading() {
  return (
    <Center h={200}>
      <Loader size="sm" />
    </Center>
  );
}

/** The app inside the router: start-up gate, frame, routes, and global overlays. */
export function AppRoot() {
  return (
    <>
      {/* Inside the router and query providers so notification content (Undo) can use
          them; a short slide so Undo is still where it was a moment ago when clicked. Bottom left:
          dialogs keep their buttons on the right, and a stack of Undo notices must not cover them. */}
      <Notifications position="bottom-left" limit={4} transitionDuration={150} />
      <StartupGate>
        <AppSpotlight />
        <AppFrame>
          <Routes>
            <Route path="/" element={<Navigate to="/dashboard" replace />} />
            <Route path="/dashboard" element={<DashboardScreen />} />
            <Route path="/clients" element={<ClientsScreen />} />
            <Route path="/clients/new" element={<ClientNewScreen />} />
            <Route path="/clients/:id" element={<ClientScreen />} />
            <Route path="/clients/:id/edit" element={<ClientEditScreen />} />
            <Route
              path="/calendar"
              element={
                <Suspense fallback={<Loading />}>
                  <CalendarScreen />
                </Suspense>
              }
            />
            <Route path="/training" element={<TrainingScreen />} />
            <Route path="/insights" element={<InsightsScreen />} />
            <Route path="/settings" element={<SettingsScreen />} />
            <Route path="*" element={<NotFoundScreen />} />
          </Routes>
        </AppFrame>
      </StartupGate>
    </>
  );
}
