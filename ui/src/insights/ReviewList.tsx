import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ReviewItem, ReviewQuery } from '../bindings';
import { useAcceptReview, useDismissReview, useReviewItems } from '../aiQueries';
import { formatTimestamp } from '../format';
import { REVIEW_KIND, REVIEW_STATUS, taskLabel } from './labels';

/**
 * What the agents proposed, newest first: the trainer accepts an item as it is, edits it and
 * accepts, or dismisses it with a reason. Used by Insights → Review and a client's AI tab.
 */
export function ReviewList({
  query,
  showClient = true,
  empty,
}: {
  query: ReviewQuery;
  /** Off on a client's own page, where the name would only repeat the page title. */
  showClient?: boolean;
  empty?: string;
}) {
  const items = useReviewItems(query);
  if (items.error) {
    return (
      <Alert color="red" variant="light" title="Could not load the review items">
        {items.error.message}
      </Alert>
    );
  }
  if (!items.data) return null;
  if (items.data.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="review-empty">
        {empty ?? (query.status === 'open' ? 'Nothing waiting for review.' : 'No items here.')}
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="review-list">
      {items.data.map((item) => (
        <ReviewCard key={item.id} item={item} showClient={showClient} />
      ))}
    </Stack>
  );
}

type Mode = 'view' | 'edit' | 'dismiss';

function ReviewCard({ item, showClient }: { item: ReviewItem; showClient: boolean }) {
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(item.body);
  const [reason, setReason] = useState('');
  const accept = useAcceptReview();
  const dismiss = useDismissReview();
  const open = item.status === 'open';
  const busy = accept.isPending || dismiss.isPending;
  const error = accept.error ?? dismiss.error;
  const shown = item.editedBody ?? item.body;

  const switchTo = (next: Mode) => {
    accept.reset();
    dismiss.reset();
    if (next === 'edit') setDraft(item.body);
    setMode(next);
  };

  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      data-testid="review-item"
      data-kind={item.kind}
      data-status={item.status}
      data-from-model={item.fromModel ? 'true' : 'false'}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Text fw={600} size="sm" data-testid="review-title">
          {item.title}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Badge size="sm" variant="light" color={item.kind === 'insight' ? 'blue' : 'grape'}>
            {REVIEW_KIND[item.kind]}
          </Badge>
          {!open && (
            <Badge size="sm" variant="light" color={item.status === 'accepted' ? 'teal' : 'gray'} data-testid="review-status-badge">
              {REVIEW_STATUS[item.status]}
            </Badge>
          )}
        </Group>
      </Group>
      <Text size="xs" c="dimmed" mb={6} data-testid="review-meta">
        {showClient && item.clientId && (
          <>
            <Anchor component={Link} to={`/clients/${item.clientId}`} size="xs" data-testid="review-client">
              {item.clientName ?? 'Client'}
            </Anchor>
            {' · '}
          </>
        )}
        {taskLabel(item.taskType)} · {item.fromModel ? 'Written by the AI model' : 'Worked out by Spotter'} ·{' '}
        {formatTimestamp(item.createdAt)}
      </Text>

      {mode === 'edit' ? (
        <Textarea
          autosize
          minRows={3}
          maxRows={12}
          label="Your version"
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          error={error?.field === 'editedBody' ? error.message : undefined}
          data-testid="review-edit-body"
        />
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="review-body">
          {shown}
        </Text>
      )}
      {item.editedBody !== null && mode !== 'edit' && (
        <Text size="xs" c="dimmed" mt={2}>
          Edited by you before accepting.
        </Text>
      )}

      {item.evidence.length > 0 && (
        <Table withRowBorders={false} verticalSpacing={2} mt={6} fz="xs">
          <Table.Tbody>
            {item.evidence.map((e, i) => (
              <Table.Tr key={i} data-testid="review-evidence">
                <Table.Td w="40%" c="dimmed" valign="top">
                  {e.label}
                </Table.Td>
                <Table.Td>{e.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {item.status === 'dismissed' && item.dismissReason && (
        <Text size="xs" c="dimmed" mt={6} data-testid="review-dismiss-reason-shown">
          Dismissed{item.decidedAt ? ` on ${formatTimestamp(item.decidedAt)}` : ''}: {item.dismissReason}
        </Text>
      )}
      {item.status === 'accepted' && item.decidedAt && (
        <Text size="xs" c="dimmed" mt={6}>
          Accepted on {formatTimestamp(item.decidedAt)}
        </Text>
      )}

      {open && mode === 'dismiss' && (
        <TextInput
          mt="xs"
          label="Why dismiss it?"
          placeholder="e.g. already known, not right for this client"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              dismiss.mutate({ id: item.id, reason });
            }
          }}
          error={error?.field === 'reason' ? error.message : undefined}
          errorProps={{ 'data-testid': 'review-dismiss-reason-error' }}
          data-autofocus
          data-testid="review-dismiss-reason"
        />
      )}
      {error && error.field !== 'reason' && error.field !== 'editedBody' && (
        <Text size="xs" c="red" mt={6} data-testid="review-error">
          {error.message}
        </Text>
      )}

      {open && (
        <Group gap={6} mt="xs" justify="flex-end">
          {mode === 'view' && (
            <>
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => switchTo('dismiss')} disabled={busy} data-testid="review-dismiss">
                Dismiss
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => switchTo('edit')} disabled={busy} data-testid="review-edit">
                Edit
              </Button>
              <Button
                size="compact-sm"
                onClick={() => accept.mutate({ id: item.id, edited: null })}
                loading={accept.isPending}
                disabled={busy}
                data-testid="review-accept"
              >
                Accept
              </Button>
            </>
          )}
          {mode === 'edit' && (
            <>
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => switchTo('view')} disabled={busy}>
                Cancel
              </Button>
              <Button
                size="compact-sm"
                onClick={() => accept.mutate({ id: item.id, edited: draft })}
                loading={accept.isPending}
                data-testid="review-edit-accept"
              >
                Accept my version
              </Button>
            </>
          )}
          {mode === 'dismiss' && (
            <>
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => switchTo('view')} disabled={busy}>
                Keep it
              </Button>
              <Button
                size="compact-sm"
                color="red"
                variant="light"
                onClick={() => dismiss.mutate({ id: item.id, reason })}
                loading={dismiss.isPending}
                data-testid="review-dismiss-confirm"
              >
                Dismiss
              </Button>
            </>
          )}
        </Group>
      )}
    </Paper>
  );
}
