import { Center, Loader } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppFrame } from './components/AppFrame';
import { AppSpotlight } from './components/AppSpotlight';
import { KeptScreen } from './components/KeptScreen';
import { DateSettingsSync } from './components/DateSettingsSync';
import { FirstStartGate } from './components/FirstStartGate';
import { StartupGate } from './components/StartupGate';
import { ClientsScreen } from './screens/ClientsScreen';
import { DashboardScreen } from './screens/DashboardScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { StartupUpdateCheck } from './settings/UpdatesPanel';

// The calendar library is the largest part of the bundle: load it when first opened, so the
// first screen starts fast and the idle app stays small. Once opened it stays mounted (KeptScreen).
const CalendarScreen = lazy(() => import('./screens/CalendarScreen').then((m) => ({ default: m.CalendarScreen })));
// The plan builder brings drag and drop; it loads when a plan is first opened.
const PlanBuilderScreen = lazy(() => import('./training/PlanBuilderScreen').then((m) => ({ default: m.PlanBuilderScreen })));
// The app opens on the dashboard; every screen it does not show first loads when first visited
// (the idle web process is measured in docs/BENCHMARKS.md, "Idle memory").
const ClientScreen = lazy(() => import('./screens/ClientScreen').then((m) => ({ default: m.ClientScreen })));
const ClientEditScreen = lazy(() => import('./screens/ClientEditScreen').then((m) => ({ default: m.ClientEditScreen })));
const ClientNewScreen = lazy(() => import('./screens/ClientNewScreen').then((m) => ({ default: m.ClientNewScreen })));
const WorkoutLogScreen = lazy(() => import('./screens/client/WorkoutLogScreen').then((m) => ({ default: m.WorkoutLogScreen })));
const TrainingScreen = lazy(() => import('./screens/TrainingScreen').then((m) => ({ default: m.TrainingScreen })));
const InsightsScreen = lazy(() => import('./screens/InsightsScreen').then((m) => ({ default: m.InsightsScreen })));
const SettingsScreen = lazy(() => import('./screens/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

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
        {/* The welcome sits outside the date-format redraw, so nothing typed into it is lost. */}
        <FirstStartGate>
        <DateSettingsSync>
        <AppSpotlight />
        <StartupUpdateCheck />
        <AppFrame>
          {/* One boundary around all routes rather than one per lazy screen. Navigations are
              transitions, so the screen being left stays up while a lazy screen's code loads and
              the new one shows as soon as it is ready; a boundary mounted with the route showed its
              spinner instead, and React then held the screen back for at least 300 ms (its fallback
              throttle): a third of the calendar's first visit. */}
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/" element={<Navigate to="/dashboard" replace />} />
              <Route path="/dashboard" element={<DashboardScreen />} />
              <Route path="/clients" element={<ClientsScreen />} />
              <Route path="/clients/new" element={<ClientNewScreen />} />
              <Route path="/clients/:id" element={<ClientScreen />} />
              <Route path="/clients/:id/edit" element={<ClientEditScreen />} />
              <Route path="/clients/:id/log" element={<WorkoutLogScreen />} />
              <Route path="/clients/:id/log/:logId" element={<WorkoutLogScreen />} />
              {/* Rendered below, kept mounted between visits. */}
              <Route path="/calendar" element={null} />
              <Route path="/training" element={<TrainingScreen />} />
              <Route path="/training/plans/:id" element={<PlanBuilderScreen />} />
              <Route path="/insights" element={<InsightsScreen />} />
              <Route path="/settings" element={<SettingsScreen />} />
              <Route path="*" element={<NotFoundScreen />} />
            </Routes>
            <KeptScreen path="/calendar">{(active) => <CalendarScreen active={active} />}</KeptScreen>
          </Suspense>
        </AppFrame>
        </DateSettingsSync>
        </FirstStartGate>
      </StartupGate>
    </>
  );
}
