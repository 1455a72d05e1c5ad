import { Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, useSpotlight } from '@mantine/spotlight';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useClients } from '../queries';
import { ClearanceBadge } from './ClearanceBadge';
import { ClientStatusBadge } from './ClientStatusBadge';
import { destinations } from './destinations';
import { IconClients, IconPlus, IconSearch } from './icons';
import { foundCount, SpotlightFinds, useQuickFind } from './SpotlightFinds';
import { appSpotlightStore, clearSpotlightSelection, selectFirstSpotlightAction } from './spotlightStore';

const CLIENT_RESULTS = 8;

/**
 * Ctrl/Cmd+K: find a client by name/email/phone/tag, an exercise, a plan or template, a session
 * by client and date, or jump to any screen.
 */
export function AppSpotlight() {
  const navigate = useNavigate();
  const { opened } = useSpotlight(appSpotlightStore);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 120);
  // Only ask the backend while the palette is open.
  const clients = useClients({ search: debounced || null, status: 'all', limit: CLIENT_RESULTS }, { enabled: opened });
  const finds = useQuickFind(debounced, opened);

  const q = query.trim().toLowerCase();
  const matches = (...texts: string[]) => q === '' || texts.some((t) => t.toLowerCase().includes(q));

  const screenActions = destinations.filter((d) => matches(d.label, d.description, d.key));
  const showNewClient = matches('New client', 'add create client');
  const clientResults = clients.data ?? [];
  const found = finds.data;
  const nothing = screenActions.length === 0 && !showNewClient && clientResults.length === 0 && foundCount(found) === 0;

  // When the result list changes, the top entry is what Enter should open.
  const resultKey = [...clientResults.map((c) => c.id), foundCount(found), found?.exercises[0]?.id, found?.plans[0]?.id, found?.sessions[0]?.id].join(',');
  useEffect(() => {
    if (opened) selectFirstSpotlightAction();
  }, [opened, resultKey]);

  // Enter pressed before the results for the typed text arrived (fast typists, scripted
  // tests) would open whatever stale entry was highlighted. Hold it until they are in.
  const settled =
    opened &&
    debounced === query.trim() &&
    clients.data !== undefined &&
    !clients.isPlaceholderData &&
    finds.data !== undefined &&
    !finds.isPlaceholderData;
  const pendingEnter = useRef(false);
  useEffect(() => {
    if (settled && pendingEnter.current) {
      pendingEnter.current = false;
      selectFirstSpotlightAction()?.click();
    }
  }, [settled]);

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !settled && !event.nativeEvent.isComposing) {
      pendingEnter.current = true;
      // Mantine's handler runs right after this one and clicks the highlighted action.
      clearSpotlightSelection();
    }
  };

  const changeQuery = (value: string) => {
    pendingEnter.current = false;
    setQuery(value);
  };

  return (
    <Spotlight.Root
      store={appSpotlightStore}
      query={query}
      onQueryChange={changeQuery}
      // Start fresh each time, even when reopened before the close animation ended.
      onSpotlightOpen={() => changeQuery('')}
      onSpotlightClose={() => {
        pendingEnter.current = false;
      }}
      // Also from inside text fields: the shortcut should reach everywhere.
      tagsToIgnore={[]}
      scrollable
      // Snappier than the default, and gone at once on close: the palette is for getting
      // somewhere fast, and a fading overlay would swallow the next click.
      transitionProps={{ duration: 120, exitDuration: 0, transition: 'pop' }}
      maxHeight={440}
    >
      <Spotlight.Search
        placeholder="Search clients, exercises, plans, sessions (“anna tomorrow”), or jump to a screen…"
        leftSection={<IconSearch size={16} />}
        data-testid="spotlight-search"
        onKeyDown={onSearchKeyDown}
        aria-label="Search"
      />
      <Spotlight.ActionsList>
        {clientResults.length > 0 && (
          <Spotlight.ActionsGroup label="Clients">
            {clientResults.map((client) => (
              <Spotlight.Action
                key={client.id}
                label={client.name}
                description={[client.email, client.phone].filter(Boolean).join(' · ') || undefined}
                leftSection={<IconClients size={16} />}
                rightSection={
                  client.status !== 'active' || client.needsClearance ? (
                    <Group gap={4} wrap="nowrap">
                      <ClientStatusBadge status={client.status} size="xs" />
                      <ClearanceBadge needsClearance={client.needsClearance} size="xs" short />
                    </Group>
                  ) : undefined
                }
                data-testid="spotlight-client"
                data-client-id={client.id}
                onClick={() => navigate(`/clients/${client.id}`)}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {found && <SpotlightFinds found={found} />}
        {(screenActions.length > 0 || showNewClient) && (
          <Spotlight.ActionsGroup label="Go to">
            {showNewClient && (
              <Spotlight.Action
                label="New client"
                description="Add a client"
                leftSection={<IconPlus size={16} />}
                data-testid="spotlight-new-client"
                onClick={() => navigate('/clients/new')}
              />
            )}
            {screenActions.map((d) => (
              <Spotlight.Action
                key={d.key}
                label={d.label}
                description={d.description}
                leftSection={<d.icon size={16} />}
                data-testid={`spotlight-nav-${d.key}`}
                onClick={() => navigate(d.path)}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {nothing && (
          <Spotlight.Empty>
            <Text size="sm" c="dimmed">
              {clients.isFetching || finds.isFetching ? 'Searching…' : 'Nothing found'}
            </Text>
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
