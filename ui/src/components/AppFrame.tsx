import { AppShell, Box, Group, Kbd, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { modKeyLabel } from '../format';
import { useAppInfo } from '../queries';
import { destinations } from './destinations';
import { DemoBand } from './FirstStartGate';
import { HealthLight } from './HealthLight';
import { IconSearch } from './icons';
import { appSpotlight } from './spotlightStore';

/** The window's frame: navbar on the left, the current screen on the right. */
export function AppFrame({ children }: { children: ReactNode }) {
  return (
    <AppShell navbar={{ width: 220, breakpoint: 0 }} padding="md" data-testid="app-ready">
      <AppShell.Navbar p="xs">
        <NavBar />
      </AppShell.Navbar>
      <AppShell.Main>
        <DemoBand />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

function NavBar() {
  const { pathname } = useLocation();
  const { data: info } = useAppInfo();
  return (
    <>
      <AppShell.Section>
        <Text fw={700} size="lg" px="xs" pt={4} pb="xs">
          Spotter
        </Text>
        <SearchButton />
      </AppShell.Section>
      <AppShell.Section grow component={ScrollArea} mt="xs">
        <Stack gap={2} component="nav" aria-label="Main">
          {destinations.map((d) => {
            const active = pathname === d.path || pathname.startsWith(`${d.path}/`);
            const link = (
              <NavLink
                key={d.key}
                component={Link}
                to={d.path}
                label={d.label}
                leftSection={<d.icon size={18} />}
                active={active}
                aria-current={active ? 'page' : undefined}
                data-testid={`nav-${d.key}`}
                variant="light"
              />
            );
            // The status light sits on the Insights row, beside the link rather than inside
            // it: it opens the health report, not the review queue.
            return d.key === 'insights' ? (
              <Box key={d.key} pos="relative">
                {link}
                <HealthLight />
              </Box>
            ) : (
              link
            );
          })}
        </Stack>
      </AppShell.Section>
      <AppShell.Section>
        <Text size="xs" c="dimmed" px="xs">
          {info ? `Version ${info.version}` : ''}
        </Text>
      </AppShell.Section>
    </>
  );
}

function SearchButton() {
  const mod = modKeyLabel();
  return (
    <UnstyledButton
      onClick={() => appSpotlight.open()}
      aria-label="Search (Ctrl+K)"
      data-testid="open-spotlight"
      w="100%"
      px="xs"
      py={6}
      bd="1px solid var(--mantine-color-default-border)"
      bdrs="md"
    >
      <Group gap="xs" wrap="nowrap">
        <IconSearch size={16} />
        <Text size="sm" c="dimmed" flex={1}>
          Search
        </Text>
        <Group gap={2} wrap="nowrap">
          <Kbd size="xs">{mod}</Kbd>
          <Kbd size="xs">K</Kbd>
        </Group>
      </Group>
    </UnstyledButton>
  );
}
