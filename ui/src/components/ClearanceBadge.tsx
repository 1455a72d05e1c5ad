import { Badge, Tooltip, type MantineSize } from '@mantine/core';

export interface ClearanceBadgeProps {
  /** `Client.needsClearance` or `Participant.needsClearance`; nothing renders when false. */
  needsClearance: boolean;
  size?: MantineSize;
  /** "Clearance" instead of "Needs medical clearance", for tight spots such as calendar events. */
  short?: boolean;
}

/** The one way "needs medical clearance" looks, wherever a client appears. */
export function ClearanceBadge({ needsClearance, size = 'sm', short = false }: ClearanceBadgeProps) {
  if (!needsClearance) return null;
  return (
    <Tooltip
      label="The latest PAR-Q+ has a “yes”: get medical clearance before training. Record it on the client's Intake tab."
      multiline
      w={260}
    >
      <Badge color="red" variant="light" size={size} tt="none" data-testid="clearance-badge" style={{ flexShrink: 0 }}>
        {short ? 'Clearance' : 'Needs medical clearance'}
      </Badge>
    </Tooltip>
  );
}
