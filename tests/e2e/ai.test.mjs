// End-to-end: the AI agents in the real app, against a real HTTP server on localhost that
// speaks the OpenAI chat-completions API (started here), with the real keychain (the
// Makefile runs the e2e tests in a private D-Bus session with its own gnome-keyring).
// Add a provider and its key in Settings, run the progress monitor for a client, accept one
// insight and dismiss another, accept the workout optimizer's plan change, disable an agent and
// see the run refused.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { By, until } from 'selenium-webdriver';
import { CLI, Driver, TIMEOUT, exportedTables, tempDataDir } from './harness.mjs';

const CLIENT = 'Anna Schmidt';
const KEY = `sk-e2e-${process.pid}-${Date.now()}`;

let driver;
let app;
let server;
let baseUrl;
const received = []; // {headers, body} of every chat-completions request
const dataDir = tempDataDir();

let proposed = null; // the optimizer's last proposal: { ref, exercise, sets }

/**
 * The model: it reads the facts it was sent. The workout optimizer gets a plan change (one more
 * set on a row no injury flags, and the first alternative for every flagged row); the progress
 * monitor gets two grounded insights.
 */
function answer(body) {
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  if (!user.startsWith('Facts about')) return { content: 'OK' };
  const facts = JSON.parse(user.slice(user.indexOf('\n') + 1));
  if (body.response_format?.json_schema?.name === 'plan_changes') {
    const flagged = new Set(facts.flagged.map((f) => f.ref));
    const row = facts.plan.days.flatMap((d) => d.rows).find((r) => !flagged.has(r.ref));
    proposed = { ref: row.ref, exercise: row.exercise, sets: row.sets + 1 };
    const swaps = [...flagged].map((ref) => ({
      op: 'replace', target: ref, exercise: facts.alternatives[0].ref, sets: null, repsMin: null, repsMax: null, reason: 'Spares the injury.',
    }));
    return {
      content: JSON.stringify({
        summary: `More work for ${facts.client.label} where progress is steady.`,
        changes: [
          ...swaps,
          { op: 'change', target: row.ref, exercise: null, sets: proposed.sets, repsMin: null, repsMax: null, reason: 'Progressing well.' },
        ],
      }),
    };
  }
  const s1 = facts.strength[0];
  return {
    content: JSON.stringify({
      insights: [
        {
          title: `${s1.exercise} keeps climbing`,
          text: `${facts.client.label} went from ${s1.firstKg} to ${s1.latestKg} kg estimated 1RM.`,
          kind: 'insight',
          evidence: [s1.ref],
        },
        { title: 'Check attendance', text: `Look at ${facts.client.label}'s sessions together.`, kind: 'suggestion', evidence: ['T1'] },
      ],
    }),
  };
}

function startModelServer() {
  return new Promise((resolve) => {
    const srv = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) {
          res.writeHead(404).end();
          return;
        }
        const body = JSON.parse(raw);
        received.push({ headers: req.headers, body, raw });
        const { content } = answer(body);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'chatcmpl-e2e',
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: body.model,
            choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 200, completion_tokens: 40, total_tokens: 240 },
          }),
        );
      });
    });
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}

before(async () => {
  server = await startModelServer();
  baseUrl = `http://127.0.0.1:${server.address().port}/v1`;
  execFileSync(CLI, ['--data-dir', dataDir, 'seed', '--demo']);
  driver = await Driver.start();
  app = await driver.launch(dataDir);
});

afterEach(async (t) => {
  await app?.screenshot(`ai-${t.name}`).catch(() => {});
});

after(async () => {
  await app?.quit().catch(() => {});
  driver?.stop();
  server?.close();
});

async function clickWhenReady(el) {
  await app.driver.wait(async () => {
    try {
      await el.click();
      return true;
    } catch (e) {
      if (/NotInteractable|ClickIntercepted/.test(e.name)) return false;
      throw e;
    }
  }, TIMEOUT);
}

async function openClientTab(name, tab) {
  await app.waitNoDialog();
  await app.click('nav-clients');
  const cell = await app.driver.wait(
    until.elementLocated(By.xpath(`//*[@data-testid="client-row"][contains(., "${name}")]//td[1]`)),
    TIMEOUT,
  );
  await clickWhenReady(cell); // a notice may still cover the row for a moment
  await app.waitForText('client-detail-name', name);
  await app.click(tab);
}

function filesContaining(dir, needle) {
  const hits = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) hits.push(...filesContaining(p, needle));
    else if (readFileSync(p).includes(needle)) hits.push(p);
  }
  return hits;
}

test('add an OpenAI-compatible provider and its key in Settings, and test it', async () => {
  await app.click('nav-settings');
  await app.el('settings-ai');
  await app.click('ai-provider-add');
  await app.el('ai-provider-form');
  await app.type('ai-provider-name', 'Studio server');
  await app.type('ai-provider-url', 'localhost:1234'); // no scheme: refused at the field
  await app.type('ai-provider-model', 'test-model');
  await app.click('ai-provider-save');
  await app.waitForText('ai-provider-form', /http:\/\/ or https:\/\//);
  await app.type('ai-provider-url', baseUrl);
  await app.click('ai-provider-save');
  await app.waitNoDialog();
  const row = await app.driver.wait(until.elementLocated(By.css('[data-testid="ai-provider-row"][data-name="Studio server"]')), TIMEOUT);

  await clickWhenReady(await row.findElement(By.css('[data-testid="ai-key-set"]')));
  await app.type('ai-key-input', KEY);
  await app.click('ai-key-save');
  await app.waitNoDialog();
  await app.waitForText('ai-provider-key-state', /Key in keychain/);
  const page = await app.driver.executeScript('return document.body.innerHTML');
  assert.ok(!page.includes(KEY), 'the key is not shown anywhere once saved');

  await clickWhenReady(await row.findElement(By.css('[data-testid="ai-provider-check"]')));
  const result = await app.driver.wait(until.elementLocated(By.css('[data-testid="ai-provider-check-result"][data-ok="true"]')), TIMEOUT);
  assert.match(await app.textOf(result), /answered/);
  assert.equal(received.at(-1).headers.authorization, `Bearer ${KEY}`, 'the key from the keychain reached the server');
});

test('run the progress monitor for a client: grounded insights arrive and nothing identifying was sent', async () => {
  const before = received.length;
  await openClientTab(CLIENT, 'client-tab-ai');
  await app.click('ai-run-progress');
  await app.driver.wait(
    async () => (await app.driver.findElements(By.css('[data-testid="review-item"][data-from-model="true"]'))).length === 2,
    TIMEOUT,
  );
  const items = await app.driver.findElements(By.css('[data-testid="review-item"]'));
  const first = await app.textOf(items[0]);
  assert.match(first, /keeps climbing/);
  assert.match(first, new RegExp(`${CLIENT} went from`), 'the label is turned back into the name for the trainer');

  const sent = received.slice(before);
  assert.equal(sent.length, 1);
  const clients = JSON.parse(execFileSync(CLI, ['--data-dir', dataDir, 'clients', 'list', '--status', 'all', '--json'], { encoding: 'utf8' }));
  for (const c of clients) {
    for (const id of [c.name, c.email, c.phone, c.dateOfBirth].filter(Boolean)) {
      assert.ok(!sent[0].raw.includes(id), `${id} left the machine`);
    }
  }
  assert.match(sent[0].raw, /Client A/);
});

test('accept one insight and dismiss the other with a reason', async () => {
  const items = await app.driver.findElements(By.css('[data-testid="review-item"][data-status="open"]'));
  assert.equal(items.length, 2);
  await clickWhenReady(await items[0].findElement(By.css('[data-testid="review-accept"]')));
  // Accepted items leave the list of open ones; the other stays.
  await app.driver.wait(
    async () => (await app.driver.findElements(By.css('[data-testid="review-item"][data-status="open"]'))).length === 1,
    TIMEOUT,
  );
  const other = await app.driver.findElement(By.css('[data-testid="review-item"][data-status="open"]'));
  await clickWhenReady(await other.findElement(By.css('[data-testid="review-dismiss"]')));
  await app.type('review-dismiss-reason', 'We talked about it on Monday');
  await app.click('review-dismiss-confirm');
  await app.driver.wait(
    async () => (await app.driver.findElements(By.css('[data-testid="review-item"][data-status="open"]'))).length === 0,
    TIMEOUT,
  );
  const stored = exportedTables(dataDir).ai_review_items;
  assert.deepEqual(stored.map((i) => i.status).sort(), ['accepted', 'dismissed']);
  assert.equal(stored.find((i) => i.status === 'dismissed').dismiss_reason, 'We talked about it on Monday');
});

test('the workout optimizer proposes a plan change, and accepting it saves an AI version of the plan', async () => {
  await openClientTab(CLIENT, 'client-tab-ai');
  await app.click('ai-run-optimizer');
  const item = await app.driver.wait(
    until.elementLocated(
      By.xpath('//*[@data-testid="review-item"][@data-status="open"][@data-from-model="true"][.//*[@data-testid="review-title"][contains(., "Changes to")]]'),
    ),
    TIMEOUT,
  );
  assert.ok(proposed, 'the optimizer asked the model');
  const body = await app.textOf(item);
  assert.match(body, new RegExp(`More work for ${CLIENT}`), 'the label is turned back into the name');
  assert.ok(body.includes(`${proposed.exercise} → ${proposed.sets} sets`), body);
  assert.equal(exportedTables(dataDir).plan_versions.filter((v) => v.author_kind === 'ai').length, 0, 'nothing changes before accepting');

  await clickWhenReady(await item.findElement(By.css('[data-testid="review-accept"]')));
  const result = await app.driver.wait(until.elementLocated(By.xpath('//*[@data-testid="review-result"][contains(., "plan version")]')), TIMEOUT);
  const versions = exportedTables(dataDir).plan_versions;
  const ai = versions.filter((v) => v.author_kind === 'ai');
  assert.equal(ai.length, 1);
  assert.match(await app.textOf(result), new RegExp(`plan version ${ai[0].version}`));
  assert.equal(ai[0].version, Math.max(...versions.filter((v) => v.plan_id === ai[0].plan_id).map((v) => v.version)), 'the newest version');
  assert.ok(ai[0].summary.includes(`${proposed.exercise} `) && ai[0].summary.includes(`→ ${proposed.sets} ×`), ai[0].summary);
  // Deload weeks keep their own, lower number of sets.
  const previous = versions.find((v) => v.plan_id === ai[0].plan_id && v.version === ai[0].version - 1);
  const deloads = (v) => JSON.parse(v.body).weeks.filter((w) => w.deload);
  assert.ok(deloads(previous).length > 0, 'the demo plan has deload weeks');
  assert.deepEqual(deloads(ai[0]), deloads(previous));
});

test('a disabled agent is refused, and the refusal is in the execution log', async () => {
  await app.waitNoDialog();
  await app.click('nav-insights');
  await app.click('insights-tab-agents');
  const row = await app.driver.wait(until.elementLocated(By.css('[data-testid="agent-row"][data-task="progress_monitor"]')), TIMEOUT);
  // The switch's input is invisible over its track; a person clicks the track (the label).
  const toggle = await row.findElement(By.xpath('.//*[@data-testid="agent-enabled"]/ancestor::label[1]'));
  await clickWhenReady(toggle);
  await app.driver.wait(async () => {
    const agents = exportedTables(dataDir).ai_agents;
    return agents.find((a) => a.task_type === 'progress_monitor')?.enabled === 0;
  }, TIMEOUT);

  const before = received.length;
  await openClientTab(CLIENT, 'client-tab-ai');
  await app.click('ai-run-progress');
  await app.waitForText('ai-run-error', /agent disabled/);
  assert.equal(received.length, before, 'nothing was sent');

  await app.click('nav-insights');
  await app.click('insights-tab-log');
  await app.driver.wait(until.elementLocated(By.css('[data-testid="execution-row"][data-status="failed"][data-task="progress_monitor"]')), TIMEOUT);

  // The key is in the keychain only: not in the database, the logs or any other file.
  assert.deepEqual(filesContaining(dataDir, KEY), []);
});
