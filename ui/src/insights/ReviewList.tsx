import { Alert, Anchor, Badge, Button, CloseButton, Group, Paper, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ReviewItem, ReviewQuery } from '../bindings';
import { useAcceptReview, useDismissReview, useReviewItems } from '../aiQueries';
import { formatTimestamp } from '../format';
import { REVIEW_KIND, REVIEW_STATUS, taskLabel } from './labels';

/**
 * What the agents proposed, newest first: the trainer accepts an item as it is, edits it and
 * accepts, or dismisses it with a reason. Used by Insights → Review and a client's AI tab.
 * Accepting some items does something: a proposed plan change saves a new version of the plan,
 * a proposed time books the session, and any other item about a client is noted on the client's
 * record. What that created stays in view once the item has left the list of open ones.
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
  // Accepted here and something was created: said above the list (the item itself leaves it).
  const [done, setDone] = useState<ReviewItem[]>([]);
  const onAccepted = (item: ReviewItem) => {
    if (item.result) setDone((list) => [item, ...list.filter((d) => d.id !== item.id)]);
  };
  const notices = query.status === 'open' && done.length > 0 && (
    <Stack gap={6}>
      {done.map((d) => (
        <AcceptedNotice key={d.id} item={d} onClose={() => setDone((list) => list.filter((x) => x.id !== d.id))} />
      ))}
    </Stack>
  );

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
      <Stack gap="sm">
        {notices}
        <Text size="sm" c="dimmed" data-testid="review-empty">
          {empty ?? (query.status === 'open' ? 'Nothing waiting for review.' : 'No items here.')}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap="sm" data-testid="review-list">
      {notices}
      {items.data.map((item) => (
        <ReviewCard key={item.id} item={item} showClient={showClient} onAccepted={onAccepted} />
      ))}
    </Stack>
  );
}

/** What accepting an item created: "plan version 5", "session booked for 2026-12-01 18:00". */
function AcceptedNotice({ item, onClose }: { item: ReviewItem; onClose: () => void }) {
  return (
    <Paper withBorder p="xs" radius="sm" bg="var(--mantine-color-teal-light)" data-testid="review-accepted" data-item={item.id}>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Text size="sm">
          Accepted “{item.title}”:{' '}
          <Text span inherit fw={600} data-testid="review-result">
            {item.result}
          </Text>
          {item.changesPlanId && (
            <>
              {' · '}
              <PlanLink planId={item.changesPlanId} label="Open the plan" />
            </>
          )}
          {item.clientId && !item.changesPlanId && !item.booksSession && (
            <>
              {' · '}
              <Anchor component={Link} to={`/clients/${item.clientId}?tab=notes`} inherit data-testid="review-open-notes">
                Open the notes
              </Anchor>
            </>
          )}
        </Text>
        <CloseButton size="sm" onClick={onClose} aria-label="Hide" data-testid="review-accepted-close" />
      </Group>
    </Paper>
  );
}

function PlanLink({ planId, label }: { planId: string; label: string }) {
  return (
    <Anchor component={Link} to={`/training/plans/${planId}`} size="sm" data-testid="review-plan-link">
      {label}
    </Anchor>
  );
}

/** The accept button's words: what accepting will do. */
function acceptLabel(item: ReviewItem): string {
  if (item.changesPlanId) return 'Accept and save as a new plan version';
  if (item.booksSession) return 'Accept and book';
  return 'Accept';
}

type Mode = 'view' | 'edit' | 'dismiss';

function ReviewCard({
  item,
  showClient,
  onAccepted,
}: {
  item: ReviewItem;
  showClient: boolean;
  onAccepted: (item: ReviewItem) => void;
}) {
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(item.body);
  const [reason, setReason] = useState('');
  const accept = useAcceptReview();
  const dismiss = useDismissReview();
  const open = item.status === 'open';
  const busy = accept.isPending || dismiss.isPending;
  const error = accept.error ?? dismiss.error;
  const shown = item.editedBody ?? item.body;
  // Accepting applies the proposed change itself, not its text: an edit would change nothing.
  const acts = Boolean(item.changesPlanId) || item.booksSession;

  // mutateAsync: the card leaves the open list as soon as it is accepted, the list stays.
  const acceptIt = (edited: string | null) =>
    accept.mutateAsync({ id: item.id, edited }).then(onAccepted, () => undefined);

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
        <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="review-body">
          {shown}
        </Text>
      )}
      {item.changesPlanId && (
        <Text size="xs" mt={4}>
          <PlanLink planId={item.changesPlanId} label="Open the plan this changes" />
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
      {item.status === 'accepted' && (item.decidedAt || item.result) && (
        <Text size="xs" c="dimmed" mt={6}>
          {item.decidedAt ? `Accepted on ${formatTimestamp(item.decidedAt)}` : 'Accepted'}
          {item.result && (
            <>
              {': '}
              <Text span inherit c="teal" fw={600} data-testid="review-result">
                {item.result}
              </Text>
            </>
          )}
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
              {!acts && (
                <Button size="compact-sm" variant="default" onClick={() => switchTo('edit')} disabled={busy} data-testid="review-edit">
                  Edit
                </Button>
              )}
              <Button
                size="compact-sm"
                onClick={() => void acceptIt(null)}
                loading={accept.isPending}
                disabled={busy}
                data-testid="review-accept"
              >
                {acceptLabel(item)}
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
                onClick={() => void acceptIt(draft)}
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
