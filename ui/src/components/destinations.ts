import type { ComponentType } from 'react';
import {
  IconCalendar,
  IconClients,
  IconDashboard,
  IconInsights,
  IconSettings,
  IconTraining,
} from './icons';

export interface Destination {
  key: 'dashboard' | 'clients' | 'calendar' | 'training' | 'insights' | 'settings';
  label: string;
  path: string;
  description: string;
  icon: ComponentType<{ size?: number }>;
}

/** The navbar's destinations; Spotlight offers the same list. */
export const destinations: readonly Destination[] = [
  { key: 'dashboard', label: 'Dashboard', path: '/dashboard', description: 'Today at a glance', icon: IconDashboard },
  { key: 'clients', label: 'Clients', path: '/clients', description: 'Search and manage clients', icon: IconClients },
  { key: 'calendar', label: 'Calendar', path: '/calendar', description: 'Sessions and schedule', icon: IconCalendar },
  { key: 'training', label: 'Training', path: '/training', description: 'Exercises and plans', icon: IconTraining },
  { key: 'insights', label: 'Insights', path: '/insights', description: 'AI review queue and agents', icon: IconInsights },
  { key: 'settings', label: 'Settings', path: '/settings', description: 'App, data and preferences', icon: IconSettings },
];
