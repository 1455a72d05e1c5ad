import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aiBackend, seedAi } from '../../test/aiBackend';
import { installBackend, makeClient } from '../../test/backend';
import { renderApp } from '../../test/render';

const anna = makeClient({ id: 'c1', name: 'Anna Berg' });
const OLLAMA = { id: 'p-ollama', name: 'Ollama', model: 'llama3.1:8b' };

const messages = () => within(screen.getByTestId('ai-chat')).queryAllByTestId('ai-chat-message');
const roles = () => messages().map((m) => m.dataset.role);

describe('ask about a client', () => {
  it('streams the answer as it is written, then keeps both turns in the history', async () => {
    seedAi({ providers: [OLLAMA] });
    const backend = installBackend([anna]);
    const { user, unmount } = renderApp('/clients/c1?tab=ai');

    const chat = await screen.findByTestId('ai-chat');
    expect(await within(chat).findByTestId('ai-chat-empty')).toBeInTheDocument();
    expect(chat).toHaveTextContent('Names are replaced before anything is sent.');
    expect(within(chat).getByTestId('ai-chat-clear')).toBeDisabled();

    // Shift+Enter starts a new line; nothing is sent.
    const input = within(chat).getByTestId('ai-chat-input');
    await user.type(input, 'How is the squat going?{Shift>}{Enter}{/Shift}And attendance?');
    expect(input).toHaveValue('How is the squat going?\nAnd attendance?');
    expect(backend.callsTo('ai_chat_ask')).toHaveLength(0);

    aiBackend().holdRuns();
    await user.type(input, '{Enter}');
    // The question shows at once; the answer as far as it is written.
    const streaming = await within(chat).findByTestId('ai-chat-streaming');
    // Two pieces so far, each the whole answer up to there: shown as sent, not strung together.
    await waitFor(() => expect(streaming).toHaveTextContent(/^Anna Berg added 10 kg to the estimated$/));
    expect(input).toHaveValue('');
    expect(roles()).toEqual(['user']);
    expect(messages()[0]).toHaveTextContent('How is the squat going? And attendance?');
    expect(within(chat).getByTestId('ai-chat-cancel')).toBeEnabled();
    expect(backend.callsTo('ai_chat_ask')[0]!.args).toMatchObject({ client: 'c1', question: 'How is the squat going?\nAnd attendance?' });

    aiBackend().release();
    await waitFor(() => expect(roles()).toEqual(['user', 'assistant']));
    expect(within(chat).queryByTestId('ai-chat-streaming')).not.toBeInTheDocument();
    expect(within(chat).queryByTestId('ai-chat-cancel')).not.toBeInTheDocument();
    expect(messages()[1]).toHaveTextContent('Anna Berg added 10 kg to the estimated squat 1RM in 6 weeks and came to 7 of 8 sessions.');
    expect(within(messages()[1]!).queryByTestId('ai-chat-unverified')).not.toBeInTheDocument();
    // Each delta carries the whole answer so far (shown as it is, not appended).
    const deltas = aiBackend().events.filter((e) => e.stage === 'delta').map((e) => e.delta!);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.at(-1)).toBe(messages()[1]!.textContent);

    // The conversation is kept: it is there when the tab is opened again.
    unmount();
    renderApp('/clients/c1?tab=ai');
    const again = await screen.findByTestId('ai-chat');
    await waitFor(() => expect(roles()).toEqual(['user', 'assistant']));
    expect(again).toHaveTextContent('7 of 8 sessions');
    expect(within(again).queryByTestId('ai-chat-empty')).not.toBeInTheDocument();
  });

  it('warns about numbers it could not find in the data, and clears the conversation after asking', async () => {
    seedAi({ providers: [OLLAMA] });
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=ai');

    const chat = await screen.findByTestId('ai-chat');
    await user.type(within(chat).getByTestId('ai-chat-input'), 'Can she deadlift 250 kg yet?');
    await user.click(within(chat).getByTestId('ai-chat-send'));
    await waitFor(() => expect(roles()).toEqual(['user', 'assistant']));
    const answer = messages()[1]!;
    expect(answer).toHaveTextContent('has no 250 kg lift on record');
    expect(within(answer).getByTestId('ai-chat-unverified')).toHaveTextContent(
      'Spotter could not find these numbers in the client’s data: 250',
    );
    expect(within(messages()[0]!).queryByTestId('ai-chat-unverified')).not.toBeInTheDocument();

    // Clearing asks first; "Keep" keeps it.
    await user.click(within(chat).getByTestId('ai-chat-clear'));
    await user.click(await screen.findByTestId('ai-chat-clear-keep'));
    expect(backend.callsTo('ai_chat_clear')).toHaveLength(0);
    expect(messages()).toHaveLength(2);

    await user.click(within(chat).getByTestId('ai-chat-clear'));
    await user.click(await screen.findByTestId('ai-chat-clear-confirm'));
    expect(await within(chat).findByTestId('ai-chat-empty')).toBeInTheDocument();
    expect(messages()).toHaveLength(0);
    expect(backend.callsTo('ai_chat_clear')[0]!.args).toEqual({ client: 'c1' });
    expect(aiBackend().chats().get('c1')).toBeUndefined();
  });

  it('says at the input why a question was not answered: blank, stopped, agent off', async () => {
    seedAi({ providers: [OLLAMA] });
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=ai');

    const chat = await screen.findByTestId('ai-chat');
    const input = within(chat).getByTestId('ai-chat-input');
    await user.type(input, '   ');
    await user.click(within(chat).getByTestId('ai-chat-send'));
    expect(await within(chat).findByTestId('ai-chat-error')).toHaveTextContent('Type a question about the client');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(messages()).toHaveLength(0);
    // Typing again clears it.
    await user.clear(input);
    expect(within(chat).queryByTestId('ai-chat-error')).not.toBeInTheDocument();
    await user.type(input, 'How often did she come?');
    expect(within(chat).queryByTestId('ai-chat-error')).not.toBeInTheDocument();

    // Stopped while answering: the question is kept without an answer, and comes back to the box.
    aiBackend().holdRuns();
    await user.type(input, '{Enter}');
    await waitFor(() => expect(within(chat).getByTestId('ai-chat-streaming')).toHaveTextContent('Anna Berg added'));
    await user.click(within(chat).getByTestId('ai-chat-cancel'));
    const stopped = await within(chat).findByTestId('ai-chat-error');
    expect(stopped).toHaveAttribute('data-code', 'cancelled');
    expect(stopped).toHaveTextContent('Stopped');
    const id = aiBackend().events.find((e) => e.taskType === 'client_chat')!.executionId;
    expect(backend.callsTo('ai_cancel')[0]!.args).toEqual({ id });
    expect(aiBackend().executions().find((e) => e.id === id)).toMatchObject({ status: 'cancelled' });
    await waitFor(() => expect(roles()).toEqual(['user']));
    expect(within(chat).queryByTestId('ai-chat-streaming')).not.toBeInTheDocument();
    expect(input).toHaveValue('How often did she come?');
    aiBackend().release();

    // The agent turned off in Insights → Agents: said, with the way there.
    aiBackend().agents().find((a) => a.taskType === 'client_chat')!.enabled = false;
    await user.click(within(chat).getByTestId('ai-chat-send'));
    const off = await within(chat).findByTestId('ai-chat-error');
    await waitFor(() => expect(off).toHaveTextContent('agent disabled: Ask about a client is turned off'));
    expect(within(chat).getByTestId('ai-chat-open-agents')).toHaveAttribute('href', '/insights?tab=agents');
  });

  it('answers with Spotter’s computed facts when no provider is set up', async () => {
    installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=ai');

    const chat = await screen.findByTestId('ai-chat');
    await user.type(within(chat).getByTestId('ai-chat-input'), 'What stands out?{Enter}');
    await waitFor(() => expect(roles()).toEqual(['user', 'assistant']));
    expect(messages()[1]).toHaveTextContent('No AI provider is set up, so here is what Spotter computed:');
    expect(messages()[1]).toHaveTextContent('Anna Berg came to 7 of 8 sessions');
    expect(aiBackend().events.filter((e) => e.stage === 'delta')).toHaveLength(0);
  });
});
