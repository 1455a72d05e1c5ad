import { Badge, type MantineSize } from '@mantine/core';
import type { ClientStatus } from '../bindings';
import { STATUS_LABEL } from '../clientLabels';

/** Paused or Archived; active clients need no badge. */
export function ClientStatusBadge({ status, size = 'sm' }: { status: ClientStatus; size?: MantineSize }) {
  if (status === 'active') return null;
  return (
    <Badge
      size={size}
      variant="light"
      color={status === 'paused' ? 'yellow' : 'gray'}
      data-testid="client-status-badge"
      style={{ flexShrink: 0 }}
    >
      {STATUS_LABEL[status]}
    </Badge>
  );
}
