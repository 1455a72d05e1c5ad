// Ctrl+K's results beyond clients and screens: exercises (open in the library), plans and
// templates (open in the plan builder) and sessions (open on their day in the calendar, with
// the session's dialog), each kind in its own group.
import { Spotlight } from '@mantine/spotlight';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../api';
import { appKeys } from '../cacheKeys';
import type { AppError, FoundSession, QuickFindResults } from '../bindings';
import { formatIsoDate } from '../format';
import { IconCalendar, IconTraining } from './icons';

const EMPTY: QuickFindResults = { exercises: [], plans: [], sessions: [] };

/** Asks the core only while the palette is open and something is typed. */
export function useQuickFind(text: string, opened: boolean) {
  return useQuery<QuickFindResults, AppError>({
    queryKey: appKeys.quickFind(text),
    queryFn: () => (text === '' ? Promise.resolve(EMPTY) : api.quickFind(text)),
    enabled: opened,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function foundCount(found: QuickFindResults | undefined): number {
  return found ? found.exercises.length + found.plans.length + found.sessions.length : 0;
}

function sessionLine(s: FoundSession): string {
  const [date, time] = s.startLocal.split('T');
  const status = s.status === 'scheduled' ? '' : ` · ${s.status.replace('_', '-')}`;
  return `${formatIsoDate(date ?? '')} ${time ?? ''}${status}`;
}

export function SpotlightFinds({ found }: { found: QuickFindResults }) {
  const navigate = useNavigate();
  return (
    <>
      {found.exercises.length > 0 && (
        <Spotlight.ActionsGroup label="Exercises">
          {found.exercises.map((e) => (
            <Spotlight.Action
              key={e.id}
              label={e.name}
              description={e.pattern.replace('_', ' ')}
              leftSection={<IconTraining size={16} />}
              data-testid="spotlight-exercise"
              onClick={() => navigate(`/training?exercise=${encodeURIComponent(e.id)}`)}
            />
          ))}
        </Spotlight.ActionsGroup>
      )}
      {found.plans.length > 0 && (
        <Spotlight.ActionsGroup label="Plans and templates">
          {found.plans.map((p) => (
            <Spotlight.Action
              key={p.id}
              label={p.name}
              description={p.isTemplate ? 'Template' : p.clientName ? `Plan · ${p.clientName}` : 'Plan'}
              leftSection={<IconTraining size={16} />}
              data-testid="spotlight-plan"
              onClick={() => navigate(`/training/plans/${encodeURIComponent(p.id)}`)}
            />
          ))}
        </Spotlight.ActionsGroup>
      )}
      {found.sessions.length > 0 && (
        <Spotlight.ActionsGroup label="Sessions">
          {found.sessions.map((s) => (
            <Spotlight.Action
              key={s.id}
              label={s.label}
              description={sessionLine(s)}
              leftSection={<IconCalendar size={16} />}
              data-testid="spotlight-session"
              onClick={() => {
                const date = s.startLocal.slice(0, 10);
                navigate(`/calendar?date=${date}&view=timeGridDay&session=${encodeURIComponent(s.id)}`);
              }}
            />
          ))}
        </Spotlight.ActionsGroup>
      )}
    </>
  );
}
