// The client list's data: pages of clients_overview (last/next session, current plan,
// adherence) for a search, status and sort, and the sort as it is kept in the URL.
import { keepPreviousData, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { api } from '../api';
import { clientKeys } from '../cacheKeys';
import type { AppError, ClientOverviewPage, ClientSort, ClientStatusFilter, SortDirection } from '../bindings';

/** Rows a page asks for; "Load more" adds the next. */
export const CLIENT_PAGE = 100;

export const SORTS: ClientSort[] = ['name', 'last_session', 'next_session', 'adherence'];

/** The direction a column starts in: A→Z, most recent, soonest, lowest adherence first. */
export const FIRST_DIRECTION: Record<ClientSort, SortDirection> = {
  name: 'asc',
  last_session: 'desc',
  next_session: 'asc',
  adherence: 'asc',
};

export function parseSort(sort: string | null, dir: string | null): { sort: ClientSort; direction: SortDirection } {
  const s = SORTS.find((x) => x === sort) ?? 'name';
  const direction = dir === 'asc' || dir === 'desc' ? dir : FIRST_DIRECTION[s];
  return { sort: s, direction };
}

export function useClientsOverview(query: { search: string | null; status: ClientStatusFilter; sort: ClientSort; direction: SortDirection }) {
  return useInfiniteQuery<ClientOverviewPage, AppError, InfiniteData<ClientOverviewPage>, readonly unknown[], number>({
    // Under the client lists, so every client change refreshes it too.
    queryKey: clientKeys.overview(query),
    queryFn: ({ pageParam }) => api.clientsOverview({ ...query, offset: pageParam, limit: CLIENT_PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.clients.length, 0);
      return last.clients.length > 0 && loaded < last.total ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
    // Sessions and logs change these columns too: read again whenever the list is shown.
    staleTime: 0,
  });
}
