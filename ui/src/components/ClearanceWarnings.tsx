// The warning before booking or giving a plan to a client who needs medical clearance, with
// the reason (the PAR-Q+ questions answered "yes"). It warns; the trainer still decides.
import { Alert, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { clientKeys } from '../cacheKeys';
import type { AppError, ClearanceWarning } from '../bindings';

/** Fresh on every open: a clearance recorded a minute ago must not still warn. */
export function useClearanceWarnings(clientIds: string[]) {
  const ids = [...new Set(clientIds)].filter(Boolean).sort();
  return useQuery<ClearanceWarning[], AppError>({
    queryKey: clientKeys.clearanceWarnings(ids),
    queryFn: () => api.clearanceWarnings(ids),
    enabled: ids.length > 0,
    staleTime: 0,
  });
}

export function ClearanceWarnings({ clientIds, doing }: { clientIds: string[]; doing: string }) {
  const warnings = useClearanceWarnings(clientIds);
  const list = clientIds.length > 0 ? (warnings.data ?? []) : [];
  if (list.length === 0) return null;
  return (
    <Alert color="red" variant="light" title="Needs medical clearance" data-testid="clearance-warning">
      <List size="sm" spacing={4}>
        {list.map((w) => (
          <List.Item key={w.clientId} data-testid="clearance-warning-item">
            {w.message}.
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" mt={6}>
        You can still {doing}. Record the clearance on the client's Intake tab once it arrives.
      </Text>
    </Alert>
  );
}
