import { Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ReviewStatus } from '../bindings';
import { REVIEW_STATUS } from './labels';
import { ReviewList } from './ReviewList';

const STATUSES = Object.keys(REVIEW_STATUS) as ReviewStatus[];

/** The review queue across all clients: open items first, decided ones on request. */
export function ReviewTab() {
  const [status, setStatus] = useState<ReviewStatus>('open');
  return (
    <Stack gap="sm" data-testid="ai-review">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={620}>
          The agents only suggest: nothing here changes a client’s record until you accept it. Edit the text before
          accepting if you would put it differently, or dismiss it and say why.
        </Text>
        <NativeSelect
          label="Show"
          w={160}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as ReviewStatus)}
          data={STATUSES.map((s) => ({ value: s, label: REVIEW_STATUS[s] }))}
          data-testid="review-status"
        />
      </Group>
      <ReviewList
        query={{ status }}
        empty={status === 'open' ? 'Nothing waiting for review. Run an agent from a client’s AI tab or from Agents.' : undefined}
      />
    </Stack>
  );
}
