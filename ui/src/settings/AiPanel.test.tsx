import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aiBackend, seedAi } from '../test/aiBackend';
import { installBackend } from '../test/backend';
import { renderApp } from '../test/render';

const OPENAI = { id: 'p-openai', name: 'OpenAI', kind: 'openai' as const, baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' };
const OLLAMA = { id: 'p-ollama', name: 'Ollama', kind: 'compatible' as const, baseUrl: 'http://localhost:11434/v1', model: 'llama3.1:8b' };
const LAB = { id: 'p-lab', name: 'Lab server', kind: 'compatible' as const, baseUrl: 'http://10.0.0.5:8080/v1', model: 'qwen2.5' };

const row = (name: string) => {
  const found = screen.getAllByTestId('ai-provider-row').find((r) => r.dataset.name === name);
  if (!found) throw new Error(`no provider row ${name}`);
  return found;
};
const order = () => screen.queryAllByTestId('ai-provider-row').map((r) => r.dataset.name);

describe('settings: AI providers', () => {
  it('adds a provider after showing a bad URL at its field', async () => {
    const backend = installBackend();
    const { user } = renderApp('/settings');

    const panel = await screen.findByTestId('settings-ai');
    expect(await within(panel).findByTestId('ai-providers-empty')).toBeInTheDocument();
    await user.click(within(panel).getByTestId('ai-provider-add'));
    const form = await screen.findByTestId('ai-provider-form');
    expect(within(form).getByTestId('ai-provider-kind')).toHaveValue('compatible');
    expect(within(form).getByTestId('ai-provider-url')).toHaveAttribute('placeholder', 'http://localhost:11434/v1');
    expect(within(form).getByTestId('ai-provider-timeout')).toHaveValue('60');

    await user.click(within(form).getByTestId('ai-provider-save'));
    expect(await within(form).findByTestId('ai-provider-name-error')).toHaveTextContent('Give the provider a name');

    await user.type(within(form).getByTestId('ai-provider-name'), 'Ollama on this laptop');
    await user.type(within(form).getByTestId('ai-provider-url'), 'localhost:11434');
    await user.type(within(form).getByTestId('ai-provider-model'), 'llama3.1:8b');
    await user.click(within(form).getByTestId('ai-provider-save'));
    expect(await within(form).findByTestId('ai-provider-url-error')).toHaveTextContent('must start with http:// or https://');
    expect(within(form).queryByTestId('ai-provider-name-error')).not.toBeInTheDocument();

    await user.clear(within(form).getByTestId('ai-provider-url'));
    await user.type(within(form).getByTestId('ai-provider-url'), 'http://localhost:11434/v1');
    await user.click(within(form).getByTestId('ai-provider-save'));
    await waitFor(() => expect(screen.queryByTestId('ai-provider-form')).not.toBeInTheDocument());

    const added = await within(panel).findByTestId('ai-provider-row');
    expect(added).toHaveAttribute('data-name', 'Ollama on this laptop');
    expect(added).toHaveTextContent('http://localhost:11434/v1');
    expect(added).toHaveTextContent('llama3.1:8b');
    expect(within(added).getByTestId('ai-provider-key-state')).toHaveTextContent('No key (not needed for local servers)');
    expect(within(added).queryByTestId('ai-key-remove')).not.toBeInTheDocument();
    expect(backend.callsTo('ai_provider_create').at(-1)!.args).toEqual({
      input: { name: 'Ollama on this laptop', kind: 'compatible', baseUrl: 'http://localhost:11434/v1', model: 'llama3.1:8b', timeoutSeconds: 60, enabled: true },
    });
  });

  it('lets OpenAI leave the URL empty, and edits a provider in the same form', async () => {
    const backend = installBackend();
    const { user } = renderApp('/settings');

    await user.click(await screen.findByTestId('ai-provider-add'));
    const form = await screen.findByTestId('ai-provider-form');
    await user.selectOptions(within(form).getByTestId('ai-provider-kind'), 'openai');
    await user.type(within(form).getByTestId('ai-provider-name'), 'OpenAI');
    await user.type(within(form).getByTestId('ai-provider-model'), 'gpt-4o-mini');
    await user.click(within(form).getByTestId('ai-provider-save'));
    await waitFor(() => expect(order()).toEqual(['OpenAI']));
    expect(row('OpenAI')).toHaveTextContent('https://api.openai.com/v1');
    expect(within(row('OpenAI')).getByTestId('ai-provider-key-state')).toHaveTextContent(/^No key$/);

    await user.click(within(row('OpenAI')).getByTestId('ai-provider-edit'));
    const edit = await screen.findByTestId('ai-provider-form');
    expect(within(edit).getByTestId('ai-provider-name')).toHaveValue('OpenAI');
    expect(within(edit).getByTestId('ai-provider-kind')).toHaveValue('openai');
    await user.clear(within(edit).getByTestId('ai-provider-model'));
    await user.click(within(edit).getByTestId('ai-provider-save'));
    expect(await within(edit).findByTestId('ai-provider-model-error')).toHaveTextContent('Name the model');
    await user.type(within(edit).getByTestId('ai-provider-model'), 'gpt-4.1-mini');
    await user.clear(within(edit).getByTestId('ai-provider-timeout'));
    await user.type(within(edit).getByTestId('ai-provider-timeout'), '30');
    await user.click(within(edit).getByTestId('ai-provider-save'));
    await waitFor(() => expect(screen.queryByTestId('ai-provider-form')).not.toBeInTheDocument());
    await waitFor(() => expect(row('OpenAI')).toHaveTextContent('gpt-4.1-mini'));
    expect(backend.callsTo('ai_provider_update').at(-1)!.args).toMatchObject({
      input: { name: 'OpenAI', kind: 'openai', model: 'gpt-4.1-mini', timeoutSeconds: 30, enabled: true },
    });
  });

  it('sends a key once to the keychain and never shows it again', async () => {
    const KEY = 'sk-test-Do-Not-Show-4242';
    seedAi({ providers: [OPENAI] });
    const backend = installBackend();
    const { user } = renderApp('/settings');

    await waitFor(() => expect(order()).toEqual(['OpenAI']));
    expect(within(row('OpenAI')).getByTestId('ai-provider-key-state')).toHaveTextContent('No key');
    expect(within(row('OpenAI')).getByTestId('ai-key-set')).toHaveTextContent('Add key');

    await user.click(within(row('OpenAI')).getByTestId('ai-key-set'));
    const input = await screen.findByTestId('ai-key-input');
    expect(input).toHaveAttribute('type', 'password');
    expect(input).toHaveAttribute('autocomplete', 'off');
    expect(input).toHaveValue('');
    expect(screen.getByTestId('ai-key-form')).toHaveTextContent('never shown again');

    // An empty key is refused at the field.
    await user.click(screen.getByTestId('ai-key-save'));
    expect(await screen.findByTestId('ai-key-error')).toHaveTextContent('Paste the API key');

    await user.type(input, KEY);
    await user.click(screen.getByTestId('ai-key-save'));
    await waitFor(() => expect(screen.queryByTestId('ai-key-form')).not.toBeInTheDocument());
    await waitFor(() => expect(within(row('OpenAI')).getByTestId('ai-provider-key-state')).toHaveTextContent('Key in keychain'));
    expect(within(row('OpenAI')).getByTestId('ai-key-set')).toHaveTextContent('Replace key');

    expect(backend.callsTo('ai_key_set').at(-1)!.args).toEqual({ id: 'p-openai', key: KEY });
    expect(aiBackend().keychain.has('p-openai')).toBe(true);
    // The key is nowhere the UI could show or keep it.
    expect(document.documentElement.outerHTML).not.toContain(KEY);
    for (const el of document.querySelectorAll('input, textarea')) expect((el as HTMLInputElement).value).not.toContain(KEY);
    expect(JSON.stringify({ ...localStorage })).not.toContain(KEY);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(KEY);
    for (const c of backend.calls.filter((c) => c.cmd !== 'ai_key_set')) expect(JSON.stringify(c.args)).not.toContain(KEY);

    // Opened again, the field is empty: nothing is prefilled.
    await user.click(within(row('OpenAI')).getByTestId('ai-key-set'));
    expect(await screen.findByTestId('ai-key-input')).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByTestId('ai-key-form')).not.toBeInTheDocument());

    await user.click(within(row('OpenAI')).getByTestId('ai-key-remove'));
    await waitFor(() => expect(within(row('OpenAI')).getByTestId('ai-provider-key-state')).toHaveTextContent(/^No key$/));
    expect(within(row('OpenAI')).queryByTestId('ai-key-remove')).not.toBeInTheDocument();
    expect(aiBackend().keychain.has('p-openai')).toBe(false);
  });

  it('says so when the system keychain is not available', async () => {
    seedAi({ providers: [OPENAI], keychainOk: false });
    installBackend();
    const { user } = renderApp('/settings');

    expect(await screen.findByTestId('ai-keychain-status')).toHaveTextContent('gnome-keyring');
    await user.click(within(row('OpenAI')).getByTestId('ai-key-set'));
    const input = await screen.findByTestId('ai-key-input');
    await user.type(input, 'sk-abc');
    await user.click(screen.getByTestId('ai-key-save'));
    expect(await screen.findByTestId('ai-key-keychain-error')).toHaveTextContent('only in the system keychain');
    expect(input).toHaveValue('');
    expect(screen.queryByTestId('ai-key-error')).not.toBeInTheDocument();
  });

  it('tests a provider with one small request and shows the answer', async () => {
    seedAi({ providers: [OLLAMA, OPENAI, LAB], checks: { 'p-lab': { ok: false, message: 'Lab server: connection refused', latencyMs: null } } });
    const backend = installBackend();
    const { user } = renderApp('/settings');

    await waitFor(() => expect(order()).toEqual(['Ollama', 'OpenAI', 'Lab server']));
    await user.click(within(row('Ollama')).getByTestId('ai-provider-check'));
    const ok = await within(row('Ollama')).findByTestId('ai-provider-check-result');
    expect(ok).toHaveAttribute('data-ok', 'true');
    expect(ok).toHaveTextContent('llama3.1:8b answered in 42 ms');

    await user.click(within(row('OpenAI')).getByTestId('ai-provider-check'));
    const noKey = await within(row('OpenAI')).findByTestId('ai-provider-check-result');
    expect(noKey).toHaveAttribute('data-ok', 'false');
    expect(noKey).toHaveTextContent('No API key yet');

    await user.click(within(row('Lab server')).getByTestId('ai-provider-check'));
    expect(await within(row('Lab server')).findByTestId('ai-provider-check-result')).toHaveTextContent('connection refused');
    expect(backend.callsTo('ai_provider_check').map((c) => c.args.id)).toEqual(['p-ollama', 'p-openai', 'p-lab']);
  });

  it('reorders the fallback chain and deletes a provider after confirming', async () => {
    seedAi({ providers: [OLLAMA, OPENAI, LAB], keys: ['p-openai'] });
    const backend = installBackend();
    const { user } = renderApp('/settings');

    await waitFor(() => expect(order()).toEqual(['Ollama', 'OpenAI', 'Lab server']));
    expect(within(row('Ollama')).getByTestId('ai-provider-up')).toBeDisabled();
    expect(within(row('Lab server')).getByTestId('ai-provider-down')).toBeDisabled();

    await user.click(within(row('Ollama')).getByTestId('ai-provider-down'));
    await waitFor(() => expect(order()).toEqual(['OpenAI', 'Ollama', 'Lab server']));
    expect(backend.callsTo('ai_providers_reorder')[0]!.args).toEqual({ ids: ['p-openai', 'p-ollama', 'p-lab'] });

    await user.click(within(row('Lab server')).getByTestId('ai-provider-up'));
    await waitFor(() => expect(order()).toEqual(['OpenAI', 'Lab server', 'Ollama']));

    await user.click(within(row('OpenAI')).getByTestId('ai-provider-delete'));
    await user.click(await screen.findByTestId('ai-provider-delete-confirm'));
    await waitFor(() => expect(order()).toEqual(['Lab server', 'Ollama']));
    expect(backend.callsTo('ai_provider_delete')[0]!.args).toEqual({ id: 'p-openai' });
    expect(aiBackend().keychain.has('p-openai')).toBe(false);
  });
});
