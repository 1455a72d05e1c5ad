// End-to-end: logging a workout without the first-hour trip-ups (issue 14, bug 4), in the real
// app on the demo data (`spotter-cli seed --demo`). The logger shows what the client did last
// time beside the inputs (checked against the stored history); a session on a day the client's
// plan does not have lets the trainer pick the plan day; an empty load on a loaded exercise asks
// instead of saving 0 kg; and "Log workout" on a session that already has a log opens that log.
// Today's session comes from a real .ics import through spotter-cli (the demo's own series fall
// on fixed weekdays, so a test that runs on any day books its own).
// The tests run in order and build on each other (one session through its life).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { By, Key, until } from 'selenium-webdriver';
import { CLI, Driver, TIMEOUT, exportedClients, exportedTables, tempDataDir } from './harness.mjs';

// Zoë has two years of logs in the demo; Aiko has no plan, no logs and no sessions.
const WITH_HISTORY = 'Zoë Łukasiewicz';
const NEW_CLIENT = 'Aiko Tanaka';
const TEMPLATE = 'Beginner full body';

let driver;
let app;
const dataDir = tempDataDir();

const pad = (n) => String(n).padStart(2, '0');
const isoLocal = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** Today and yesterday as the app sees them: the machine's local dates. */
const today = isoLocal(new Date());
const yesterday = isoLocal(new Date(Date.now() - 24 * 3600 * 1000));

/** An .ics event for `name` today from five past midnight local time (before any demo session). */
function todaysSessionIcs(name) {
  const start = new Date();
  start.setHours(0, 5, 0, 0);
  const end = new Date(start.getTime() + 30 * 60 * 1000);
  const utc = (d) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Spotter e2e//EN',
    'BEGIN:VEVENT',
    `UID:e2e-logging-${process.pid}@spotter.test`,
    `DTSTAMP:${utc(start)}`,
    `DTSTART:${utc(start)}`,
    `DTEND:${utc(end)}`,
    `SUMMARY:${name}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

before(async () => {
  execFileSync(CLI, ['--data-dir', dataDir, 'seed', '--demo']);
  const ics = path.join(dataDir, 'today.ics');
  writeFileSync(ics, todaysSessionIcs(NEW_CLIENT));
  execFileSync(CLI, ['--data-dir', dataDir, 'calendar', 'import', ics]);
  driver = await Driver.start();
  app = await driver.launch(dataDir);
});

afterEach(async (t) => {
  await app?.screenshot(`logging-${t.name}`).catch(() => {});
});

after(async () => {
  await app?.quit().catch(() => {});
  driver?.stop();
});

/** Clicks once the element takes clicks: notices and dropdowns fade in and out over it. */
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

async function openClient(name) {
  await app.waitNoDialog();
  await app.click('nav-clients');
  const cell = await app.driver.wait(
    until.elementLocated(By.xpath(`//*[@data-testid="client-row"][contains(., "${name}")]//td[1]`)),
    TIMEOUT,
  );
  await clickWhenReady(cell);
  await app.waitForText('client-detail-name', name);
}

const valueOf = (el) => app.driver.executeScript('return arguments[0].value', el);

function clientId(name) {
  const c = exportedClients(dataDir).find((x) => x.name === name);
  assert.ok(c, `${name} is in the demo data`);
  return c.id;
}

function logsOf(name) {
  const id = clientId(name);
  return exportedTables(dataDir).workout_logs.filter((l) => l.client_id === id && !l.deleted_at);
}

/** Today's session of `name` on the dashboard (the imported one: the only one of theirs today). */
async function todaysRow(name) {
  await app.waitNoDialog();
  await app.click('nav-dashboard');
  return app.driver.wait(
    until.elementLocated(By.xpath(`//*[@data-testid="today-session"][.//*[@data-testid="today-session-label"][contains(., "${name}")]]`)),
    TIMEOUT,
  );
}

/** "5 × 100 kg", or "12 reps" without a load: how the logger states one set done before. */
function describeSet(s) {
  return s.load_kg > 0 ? `${s.reps} × ${s.load_kg} kg` : `${s.reps} reps`;
}

test('the logger shows beside each exercise what the client did the last time, as stored', async () => {
  await openClient(WITH_HISTORY);
  await app.click('client-tab-plans');
  // A plan day still to come: a new log (a past one may already be logged).
  const rows = await app.driver.wait(async () => {
    const all = await app.driver.findElements(By.css('[data-testid="plan-date-row"]'));
    const dates = await Promise.all(all.map((r) => r.getAttribute('data-date')));
    const future = all.filter((_, i) => dates[i] > today);
    return future.length > 0 ? future : null;
  }, TIMEOUT);
  await clickWhenReady(await rows[0].findElement(By.css('[data-testid="plan-date-log"]')));
  await app.el('workout-logger');

  const tables = exportedTables(dataDir);
  const zoe = clientId(WITH_HISTORY);
  const logs = tables.workout_logs.filter((l) => l.client_id === zoe && !l.deleted_at && l.performed_on <= today);
  const blocks = await app.driver.wait(async () => {
    const found = await app.driver.findElements(By.css('[data-testid="log-exercise"]'));
    return found.length > 0 ? found : null;
  }, TIMEOUT);
  let compared = 0;
  for (const block of blocks) {
    const exercise = await block.getAttribute('data-exercise-id');
    // The newest earlier workout with this exercise, and its sets of it in order.
    const last = logs
      .filter((l) => tables.workout_sets.some((s) => s.log_id === l.id && s.exercise_id === exercise && !s.deleted_at))
      .sort((a, b) => b.performed_on.localeCompare(a.performed_on))[0];
    const line = await block.findElement(By.css('[data-testid="log-last-time"]'));
    await app.driver.wait(async () => (await app.textOf(line)) !== '', TIMEOUT);
    if (!last) {
      assert.equal(await app.textOf(line), 'First time for this client');
      continue;
    }
    const sets = tables.workout_sets
      .filter((s) => s.log_id === last.id && s.exercise_id === exercise && !s.deleted_at)
      .sort((a, b) => a.position - b.position)
      .map(describeSet);
    const shown = await app.textOf(line);
    assert.ok(shown.startsWith('Last time, '), shown);
    assert.ok(shown.endsWith(`: ${sets.join(', ')}`), `${shown} — stored: ${sets.join(', ')} on ${last.performed_on}`);
    // Beside the inputs: set n of last time on row n.
    const besideRows = await block.findElements(By.css('[data-testid="log-last-set"]'));
    for (let i = 0; i < besideRows.length; i += 1) {
      assert.equal(await app.textOf(besideRows[i]), sets[i] ?? '', `row ${i + 1} of ${shown}`);
    }
    compared += 1;
  }
  assert.ok(compared >= 2, `at least two exercises have a history to compare (${compared})`);
});

test('a session on a day the plan does not have lets the trainer pick the plan day', async () => {
  // Aiko's plan starts yesterday: its days fall on yesterday and three days later, never today.
  await openClient(NEW_CLIENT);
  await app.click('client-tab-plans');
  await app.click('client-assign-plan');
  const select = await app.el('assign-template');
  const option = await app.driver.wait(
    until.elementLocated(By.xpath(`//select[@data-testid="assign-template"]/option[starts-with(., "${TEMPLATE}")]`)),
    TIMEOUT,
  );
  await select.click();
  await option.click();
  await app.driver.wait(async () => (await valueOf(select)) !== '', TIMEOUT);
  await app.type('assign-start', yesterday);
  await app.click('assign-save');
  await app.waitNoDialog();
  const plans = JSON.parse(execFileSync(CLI, ['--data-dir', dataDir, 'plans', 'list', '--client', NEW_CLIENT, '--json'], { encoding: 'utf8' }));
  assert.equal(plans.length, 1);
  assert.equal(plans[0].startDate, yesterday);

  const row = await todaysRow(NEW_CLIENT);
  await clickWhenReady(await row.findElement(By.css('[data-testid="today-complete"]')));
  const log = await app.driver.wait(async () => {
    const r = await todaysRow(NEW_CLIENT);
    const found = await r.findElements(By.css('[data-testid="today-log"]'));
    return found[0] ?? null;
  }, TIMEOUT);
  await clickWhenReady(log);
  await app.el('workout-logger');
  await app.waitForText('log-context', /Not from a plan · for the booked session/);
  assert.equal((await app.driver.findElements(By.css('[data-testid="log-set-row"]'))).length, 0);

  const picker = await app.el('log-pick-plan-day');
  await clickWhenReady(picker);
  const day = await app.driver.wait(
    until.elementLocated(By.xpath('//*[@role="option"][contains(., "Week 1 · Full body A")]')),
    TIMEOUT,
  );
  await clickWhenReady(day);
  await app.waitForText('log-context', /Beginner full body · week 1 · Full body A · for the booked session/);
  // The sets start from that day's prescriptions: goblet squat, bench, pulldown, plank.
  await app.driver.wait(async () => (await app.driver.findElements(By.css('[data-testid="log-exercise"]'))).length === 4, TIMEOUT);
  assert.equal(logsOf(NEW_CLIENT).length, 0, 'nothing is saved by picking the day');
});

test('an empty load on a loaded exercise asks before saving; a bodyweight exercise says so', async () => {
  const blocks = await app.driver.findElements(By.css('[data-testid="log-exercise"]'));
  const goblet = blocks[0];
  assert.match(await app.textOf(goblet), /Goblet Squat/i);
  const plank = blocks[3];
  assert.match(await app.textOf(plank), /Plank/i);
  await plank.findElement(By.css('[data-testid="log-bodyweight"]'));
  const plankLoad = (await plank.findElements(By.css('[data-testid="log-load"]')))[0];
  if (plankLoad) assert.equal(await plankLoad.getAttribute('placeholder'), 'BW');

  // Aiko's first time: nothing from before.
  assert.equal(await app.textOf(await goblet.findElement(By.css('[data-testid="log-last-time"]'))), 'First time for this client');
  const load = (await goblet.findElements(By.css('[data-testid="log-load"]')))[0];
  assert.equal(await valueOf(load), '16', 'prefilled from the prescription');
  await load.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
  await app.driver.wait(async () => (await valueOf(load)) === '', TIMEOUT);
  await app.click('log-mark-all');
  await app.click('log-save');
  await app.waitForText('log-empty-load', /1 set has no load \(Dumbbell Goblet Squat set 1\)/);
  assert.equal(logsOf(NEW_CLIENT).length, 0, 'nothing is saved while the question is open');

  // Fill in: the cursor goes to the empty load.
  await app.click('log-empty-load-fill');
  await app.driver.wait(async () => (await app.driver.switchTo().activeElement().getAttribute('data-testid')) === 'log-load', TIMEOUT);
  await app.driver.switchTo().activeElement().sendKeys('18');
  await app.driver.wait(async () => (await valueOf(load)) === '18', TIMEOUT);
  await app.type('log-notes', 'First session, good form.');
  await app.click('log-save');
  await app.el('log-saved');

  const logs = logsOf(NEW_CLIENT);
  assert.equal(logs.length, 1);
  assert.equal(logs[0].performed_on, today);
  assert.ok(logs[0].session_id, 'the log belongs to the booked session');
  assert.equal(logs[0].week, 1);
  assert.equal(logs[0].day_index, 0);
  const sets = exportedTables(dataDir).workout_sets.filter((s) => s.log_id === logs[0].id && !s.deleted_at);
  const first = sets.sort((a, b) => a.position - b.position)[0];
  assert.equal(first.load_kg, 18, 'the load filled in after the question, not 0 kg');
  assert.ok(!sets.some((s) => s.load_kg === 0 && s.exercise_id === first.exercise_id), 'no goblet squat set at 0 kg');
});

test('"Log workout" on a session that already has a log opens that log', async () => {
  const [saved] = logsOf(NEW_CLIENT);
  await app.click('log-finish');
  const row = await todaysRow(NEW_CLIENT);
  await clickWhenReady(await row.findElement(By.css('[data-testid="today-log"]')));
  await app.el('workout-logger');
  await app.driver.wait(async () => (await app.driver.getCurrentUrl()).includes(`/log/${saved.id}`), TIMEOUT);
  await app.waitForText('log-save', /^Save changes/);
  await app.waitForText('log-context', /Beginner full body · week 1 · Full body A/);
  assert.equal(await valueOf(await app.el('log-notes')), 'First session, good form.');
  const load = (await (await app.el('log-exercise')).findElements(By.css('[data-testid="log-load"]')))[0];
  assert.equal(await valueOf(load), '18');
  // No second log was started.
  assert.equal(logsOf(NEW_CLIENT).length, 1);
});
