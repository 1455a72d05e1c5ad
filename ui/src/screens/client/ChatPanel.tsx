import { Anchor, Box, Button, Group, Loader, Paper, Popover, ScrollArea, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ChatMessage, Client } from '../../bindings';
import { useChatAsk, useChatHistory, useClearChat } from '../../aiQueries';
import { formatTimestamp } from '../../format';

/**
 * "Ask about a client": the conversation so far, the answer streamed in as it is written, and
 * the question box (Enter sends, Shift+Enter starts a new line). Numbers in an answer that
 * Spotter could not find in the client's data are pointed out under it.
 */
export function ChatPanel({ client }: { client: Client }) {
  const history = useChatHistory(client.id);
  const chat = useChatAsk(client.id);
  const clear = useClearChat(client.id);
  const [input, setInput] = useState('');
  const viewport = useRef<HTMLDivElement>(null);

  const messages = history.data ?? [];
  // The answer stays where it was streamed until the history holds it, so nothing blinks.
  const landed = chat.reply !== null && messages.some((m) => m.id === chat.reply!.id);
  const pending = chat.asking || (chat.reply !== null && !landed);
  const error = chat.error;

  // Follow the conversation as it grows, the streamed answer included.
  useEffect(() => {
    const el = viewport.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length, chat.answer, pending]);

  const send = async () => {
    if (chat.asking) return;
    const sent = input;
    const blank = sent.trim() === '';
    if (!blank) setInput('');
    const reply = await chat.ask(sent);
    // Not answered: the question comes back to the box (unless something new was typed meanwhile).
    if (!reply && !blank) setInput((now) => (now === '' ? sent : now));
  };

  return (
    <Paper withBorder p="md" data-testid="ai-chat">
      <Group justify="space-between" align="flex-start" mb={4}>
        <Title order={4}>Ask about {client.name}</Title>
        <ClearButton
          disabled={messages.length === 0 || chat.asking}
          loading={clear.isPending}
          onConfirm={() => clear.mutate(undefined, { onSuccess: () => chat.forget() })}
        />
      </Group>
      <Text size="xs" c="dimmed" mb="sm" data-testid="ai-chat-privacy">
        Answers rest on {client.name}’s logs and measurements. Names are replaced before anything is sent.
      </Text>
      {clear.error && (
        <Text size="xs" c="red" mb="xs" data-testid="ai-chat-clear-error">
          {clear.error.message}
        </Text>
      )}

      <ScrollArea.Autosize mah={420} viewportRef={viewport} type="auto" mb="sm">
        <Stack gap="xs" data-testid="ai-chat-history">
          {history.error && (
            <Text size="sm" c="red">
              Could not load the conversation: {history.error.message}
            </Text>
          )}
          {history.data && messages.length === 0 && !pending && (
            <Text size="sm" c="dimmed" data-testid="ai-chat-empty">
              No questions yet. Ask, for example, “How is the squat going?” or “How often did {client.name} come last month?”
            </Text>
          )}
          {messages.map((m) => (
            <Bubble key={m.id} message={m} />
          ))}
          {pending && chat.question && (
            <Bubble message={{ role: 'user', content: chat.question, unverified: [] }} pending />
          )}
          {pending && (
            <Box data-testid="ai-chat-streaming" style={bubbleStyle('assistant')}>
              {chat.reply || chat.answer ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {chat.reply?.content ?? chat.answer}
                </Text>
              ) : (
                <Group gap="xs" wrap="nowrap">
                  <Loader size="xs" />
                  <Text size="sm" c="dimmed" data-testid="ai-chat-stage">
                    {chat.event?.message || 'Thinking…'}
                  </Text>
                </Group>
              )}
            </Box>
          )}
        </Stack>
      </ScrollArea.Autosize>

      <Textarea
        autosize
        minRows={2}
        maxRows={6}
        placeholder={`Ask about ${client.name}… (Enter sends, Shift+Enter starts a new line)`}
        aria-label={`Question about ${client.name}`}
        value={input}
        onChange={(e) => {
          setInput(e.currentTarget.value);
          if (error) chat.clearError();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void send();
          }
        }}
        error={error?.field === 'question' ? error.message : undefined}
        errorProps={{ 'data-testid': 'ai-chat-error' }}
        data-testid="ai-chat-input"
      />
      {error && error.field !== 'question' && (
        <Text size="xs" mt={4} c={error.code === 'cancelled' ? 'dimmed' : 'red'} data-testid="ai-chat-error" data-code={error.code}>
          {error.code === 'cancelled' ? 'Stopped. The question is kept in the conversation without an answer.' : error.message}
          {error.code === 'ai' && error.message.startsWith('agent disabled') && (
            <>
              {' '}
              <Anchor component={Link} to="/insights?tab=agents" size="xs" data-testid="ai-chat-open-agents">
                Open Insights → Agents
              </Anchor>
            </>
          )}
        </Text>
      )}
      <Group justify="flex-end" gap="xs" mt="xs">
        {chat.asking && (
          <Button size="compact-sm" variant="subtle" color="red" onClick={chat.cancel} disabled={!chat.canCancel} data-testid="ai-chat-cancel">
            Stop
          </Button>
        )}
        <Button size="compact-sm" onClick={() => void send()} loading={chat.asking} data-testid="ai-chat-send">
          Ask
        </Button>
      </Group>
    </Paper>
  );
}

type Shown = Pick<ChatMessage, 'role' | 'content' | 'unverified'> & { createdAt?: string };

function bubbleStyle(role: string): React.CSSProperties {
  const mine = role === 'user';
  return {
    alignSelf: mine ? 'flex-end' : 'flex-start',
    maxWidth: '85%',
    padding: '6px 10px',
    borderRadius: 'var(--mantine-radius-md)',
    background: mine ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-default-hover)',
  };
}

function Bubble({ message, pending = false }: { message: Shown; pending?: boolean }) {
  return (
    <Box
      data-testid="ai-chat-message"
      data-role={message.role}
      data-pending={pending ? 'true' : undefined}
      style={bubbleStyle(message.role)}
      title={message.createdAt ? formatTimestamp(message.createdAt) : undefined}
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="ai-chat-content">
        {message.content}
      </Text>
      {message.unverified.length > 0 && (
        <Text size="xs" c="orange.8" mt={4} data-testid="ai-chat-unverified">
          Spotter could not find these numbers in the client’s data: {message.unverified.join(', ')}
        </Text>
      )}
    </Box>
  );
}

/** Clears the conversation after asking once: it cannot be brought back here. */
function ClearButton({ disabled, loading, onConfirm }: { disabled: boolean; loading: boolean; onConfirm: () => void }) {
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          onClick={() => setOpened((o) => !o)}
          disabled={disabled}
          loading={loading}
          data-testid="ai-chat-clear"
        >
          Clear conversation
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" maw={260}>
          <Text size="sm">Clear the whole conversation? Later answers will not remember it.</Text>
          <Group gap="xs" justify="flex-end">
            <Button size="compact-sm" variant="default" onClick={() => setOpened(false)} data-testid="ai-chat-clear-keep">
              Keep
            </Button>
            <Button
              size="compact-sm"
              color="red"
              onClick={() => {
                setOpened(false);
                onConfirm();
              }}
              data-testid="ai-chat-clear-confirm"
            >
              Clear
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
