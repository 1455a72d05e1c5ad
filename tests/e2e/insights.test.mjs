// End-to-end: progress insights that say one consistent thing (issue 14, bug 3), on the demo data
// (`spotter-cli seed --demo`), with no AI provider set up, so the insights are the ones Spotter
// works out itself. For every demo client with a history (through spotter-cli) and for one
// client in the app, no insight's headline contradicts the trend values it shows; accepting one
// writes it to the client's notes, where the trainer sees it, and into the "Trainer's notes" of
// the progress report saved for a period the trainer picks.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { By, until } from 'selenium-webdriver';
import { CLI, Driver, TIMEOUT, exportedClients, exportedTables, tempDataDir, testDialogs } from './harness.mjs';

const CLIENT = 'Anna Schmidt';
// The demo's three clients with two years of logs (Anna also has measurements).
const WITH_HISTORY = ['Anna Schmidt', 'Zoë Łukasiewicz', 'José Núñez'];

let driver;
let app;
const dataDir = tempDataDir();
// The agents' runs through the CLI go to their own copy of the demo, so the app's queue is its own.
const cliDir = tempDataDir();
// The file dialogs answer from a file (WebDriver cannot drive the native GTK chooser).
const dialogs = testDialogs();
let accepted; // { title, body } of the insight accepted in the app

before(async () => {
  execFileSync(CLI, ['--data-dir', dataDir, 'seed', '--demo']);
  execFileSync(CLI, ['--data-dir', cliDir, 'seed', '--demo']);
  driver = await Driver.start({ env: dialogs.env });
  app = await driver.launch(dataDir);
});

afterEach(async (t) => {
  await app?.screenshot(`insights-${t.name}`).catch(() => {});
});

after(async () => {
  await app?.quit().catch(() => {});
  driver?.stop();
});

const UP = ['going up', 'rising', 'climbing', 'increas', 'improv', 'gaining'];
const DOWN = ['going down', 'falling', 'declin', 'decreas', 'dropping', 'losing'];
const STEADY = ['holding steady', 'stayed level', 'steady'];

/** What a headline says about direction: 'up', 'down', 'steady' or null (it does not say). */
function saysDirection(title) {
  const t = title.toLowerCase();
  if (UP.some((w) => t.includes(w))) return 'up';
  if (DOWN.some((w) => t.includes(w))) return 'down';
  if (STEADY.some((w) => t.includes(w))) return 'steady';
  return null;
}

const num = (s) => Number(s.replace(',', '.'));

/**
 * Checks one insight against its own evidence, as the trainer reads them: a headline's
 * direction agrees with the trend values shown ("trend 86.1 → 85.5 kg" is not "going up"), a
 * steady one changes by less than the noise margin (2.5 % of the level, at least 1 kg, for
 * estimated 1RM; 1 %, at least 0.1, for measurements), and the text states the same two values.
 * Returns whether the insight stated a trend (so the caller can count the real checks).
 */
function checkInsight({ title, body, evidence }) {
  const trends = evidence
    .map((e) => ({ label: e.label, m: /trend (-?[\d.,]+) → (-?[\d.,]+) (\S+)/.exec(e.value) }))
    .filter((e) => e.m);
  const direction = saysDirection(title);
  if (trends.length === 0) {
    assert.equal(direction, null, `"${title}" states a direction with no trend behind it: ${JSON.stringify(evidence)}`);
    return false;
  }
  // "… has stalled" rests on a trend without stating a direction: nothing to contradict.
  if (!direction) return false;
  for (const { label, m } of trends) {
    const [from, to] = [num(m[1]), num(m[2])];
    const what = `"${title}" — ${body} — evidence ${label}: ${m[0]}`;
    if (direction === 'up') assert.ok(to > from, what);
    if (direction === 'down') assert.ok(to < from, what);
    if (direction === 'steady') {
      const margin = /1RM/.test(label) ? Math.max(Math.abs(from) * 0.025, 1) : Math.max(Math.abs(from) * 0.01, 0.1);
      assert.ok(Math.abs(to - from) < margin, what);
    }
    // The text says the same two numbers, in the same order.
    const inText = [...body.matchAll(/(-?\d+(?:[.,]\d+)?)/g)].map((x) => num(x[1]));
    const i = inText.indexOf(from);
    assert.ok(i >= 0 && inText.slice(i + 1).includes(to), `the text states ${from} → ${to}: ${what}`);
    // And never the opposite way in words.
    if (direction === 'up') assert.doesNotMatch(body, /\b(fell|went down|dropped)\b/, what);
    if (direction === 'down') assert.doesNotMatch(body, /\b(rose|went up|climbed)\b/, what);
  }
  return true;
}

test("the check catches the issue's own examples (a headline against its numbers)", () => {
  const squat = { label: 'Barbell Back Squat: estimated 1RM', value: 'trend 86.1 → 85.5 kg over 12 workouts (+0.65 kg/week, best 92 kg)' };
  assert.throws(() =>
    checkInsight({ title: 'Barbell Back Squat is going up', body: 'Estimated 1RM went from 86.1 to 85.5 kg.', evidence: [squat] }),
  );
  const row = { label: 'Barbell Bent-Over Row: estimated 1RM', value: 'trend 68.4 → 68.4 kg over 9 workouts (+0.1 kg/week, best 70 kg)' };
  assert.throws(() => checkInsight({ title: 'Barbell Bent-Over Row is going up', body: 'From 68.4 to 68.4 kg.', evidence: [row] }));
  // A headline and text from other numbers than the evidence's.
  assert.throws(() =>
    checkInsight({ title: 'Barbell Back Squat is going down', body: 'On trend, estimated 1RM fell from 90 to 85 kg.', evidence: [squat] }),
  );
  assert.equal(
    checkInsight({ title: 'Barbell Back Squat is holding steady', body: 'On trend, estimated 1RM stayed level (86.1 → 85.5 kg).', evidence: [squat] }),
    true,
  );
});

test("no computed insight of any demo client contradicts its own numbers (spotter-cli ai run)", () => {
  let trends = 0;
  const directions = new Set();
  for (const name of WITH_HISTORY) {
    const out = JSON.parse(
      execFileSync(CLI, ['--data-dir', cliDir, 'ai', 'run', 'progress_monitor', '--client', name], { encoding: 'utf8' }),
    );
    assert.equal(out.execution.status, 'done', JSON.stringify(out.execution));
    assert.ok(out.items.length > 0, `${name} has insights`);
    for (const item of out.items) {
      assert.equal(item.fromModel, false, 'no provider: Spotter worked them out');
      if (checkInsight(item)) {
        trends += 1;
        directions.add(saysDirection(item.title));
      }
    }
  }
  // Two years of history for three clients: plenty of trends, not a vacuous pass.
  assert.ok(trends >= 10, `trends checked: ${trends}`);
  assert.ok(directions.size >= 2, `more than one direction seen: ${[...directions]}`);
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
  await clickWhenReady(cell);
  await app.waitForText('client-detail-name', name);
  await app.click(tab);
}

/** A review card as the trainer reads it: headline, text and the evidence rows. */
async function readCard(card) {
  const evidence = [];
  for (const row of await card.findElements(By.css('[data-testid="review-evidence"]'))) {
    const cells = await row.findElements(By.css('td'));
    evidence.push({ label: await app.textOf(cells[0]), value: await app.textOf(cells[1]) });
  }
  return {
    title: await app.textOf(await card.findElement(By.css('[data-testid="review-title"]'))),
    body: await app.textOf(await card.findElement(By.css('[data-testid="review-body"]'))),
    evidence,
  };
}

function openItemsInDb(name) {
  const id = exportedClients(dataDir).find((c) => c.name === name).id;
  return exportedTables(dataDir).ai_review_items.filter((i) => i.client_id === id && i.status === 'open');
}

test("in the app, the client's insights agree with the numbers they show", async () => {
  await openClientTab(CLIENT, 'client-tab-ai');
  await app.click('ai-run-progress');
  await app.el('ai-run-result');
  const stored = openItemsInDb(CLIENT).length;
  assert.ok(stored > 0);
  const cards = await app.driver.wait(async () => {
    const found = await app.driver.findElements(By.css('[data-testid="review-item"][data-status="open"][data-from-model="false"]'));
    return found.length === stored ? found : null;
  }, TIMEOUT);
  let trends = 0;
  for (const card of cards) if (checkInsight(await readCard(card))) trends += 1;
  assert.ok(trends >= 3, `trends checked in the app: ${trends}`);
});

test("accepting an insight puts it in the client's notes", async () => {
  // The first trend insight (a strength trend: its evidence names an estimated 1RM).
  let card;
  for (const c of await app.driver.findElements(By.css('[data-testid="review-item"][data-status="open"]'))) {
    const read = await readCard(c);
    if (read.evidence.some((e) => /1RM/.test(e.label) && /trend/.test(e.value))) {
      card = c;
      accepted = read;
      break;
    }
  }
  assert.ok(card, 'a strength trend insight is waiting');
  await clickWhenReady(await card.findElement(By.css('[data-testid="review-accept"]')));
  const notice = await app.driver.wait(
    until.elementLocated(By.xpath(`//*[@data-testid="review-accepted"][contains(., "${accepted.title}")]`)),
    TIMEOUT,
  );
  assert.match(await app.textOf(notice), /note/i);

  await clickWhenReady(await notice.findElement(By.css('[data-testid="review-open-notes"]')));
  const note = await app.driver.wait(
    until.elementLocated(By.xpath(`//*[@data-testid="note-item"][contains(., "${accepted.title}")]`)),
    TIMEOUT,
  );
  const text = await app.textOf(note);
  assert.ok(text.includes(accepted.body), `the note carries the text as accepted: ${text}`);

  const id = exportedClients(dataDir).find((c) => c.name === CLIENT).id;
  const notes = exportedTables(dataDir).client_notes.filter((n) => n.client_id === id && !n.deleted_at);
  assert.equal(notes.filter((n) => n.body.includes(accepted.title)).length, 1, 'one note, stored');
});

test("the progress report for the last 4 weeks lists the accepted insight under Trainer's notes", async () => {
  await app.click('client-tab-progress');
  await app.click('report-pdf');
  await app.click('report-last-4');
  const file = path.join(dataDir, 'Anna report.pdf');
  dialogs.answer(file);
  await app.click('pdf-save');
  await app.waitForText('pdf-saved', file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const flat = text.replace(/\s+/g, ' ');
  const at = flat.search(/Trainer[’']s notes/);
  assert.ok(at >= 0, "the report has a Trainer's notes section");
  assert.ok(flat.slice(at).includes(accepted.title), `the accepted insight is among the notes: ${flat.slice(at, at + 600)}`);
});
