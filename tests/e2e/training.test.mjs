// End-to-end: training in the real app, on the demo database (`spotter-cli seed --demo`:
// exercise library, two templates, three clients with two years of workout logs).
// A plan is started from a template and assigned, changed and restored to its first
// version, printed to a PDF whose text names the client, and its first day is logged
// with a load that beats the client's best: the new record is flagged.
// The tests run in order and build on each other (one plan through its life).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { By, Key, until } from 'selenium-webdriver';
import { CLI, Driver, TIMEOUT, exportedTables, tempDataDir, testDialogs } from './harness.mjs';

// Zoë has trained "Beginner full body" for two years in the demo, goblet squats included.
const CLIENT = 'Zoë Łukasiewicz';
const TEMPLATE = 'Beginner full body';
const PLAN = 'Zoë — winter block';

let driver;
let app;
let planId;
const dataDir = tempDataDir();
// The file dialogs answer from a file (WebDriver cannot drive the native GTK chooser).
const dialogs = testDialogs();

/** Today as the app sees it: the machine's local date. */
function todayLocal() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

before(async () => {
  execFileSync(CLI, ['--data-dir', dataDir, 'seed', '--demo']);
  driver = await Driver.start({ env: dialogs.env });
  app = await driver.launch(dataDir);
});

afterEach(async (t) => {
  await app?.screenshot(`training-${t.name}`).catch(() => {});
});

after(async () => {
  await app?.quit().catch(() => {});
  driver?.stop();
});

async function pickOption(testId, text) {
  const input = await app.el(testId);
  await input.click();
  await input.sendKeys(text.slice(0, 3));
  const option = await app.driver.wait(
    until.elementLocated(By.xpath(`//*[@role="option"][contains(., "${text}")]`)),
    TIMEOUT,
  );
  await option.click();
}

/** Clicks once the element takes clicks: drawers and popovers slide in before they do. */
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

async function valueOf(css) {
  const el = await app.driver.wait(until.elementLocated(By.css(css)), TIMEOUT);
  return app.driver.executeScript('return arguments[0].value', el);
}

/** The plan's versions as stored, read from `spotter-cli export` (not through the UI). */
function storedVersions() {
  return exportedTables(dataDir)
    .plan_versions.filter((v) => v.plan_id === planId)
    .sort((a, b) => a.version - b.version);
}

function firstSets(version) {
  const body = typeof version.body === 'string' ? JSON.parse(version.body) : version.body;
  return body.weeks[0].days[0].items[0].sets;
}

test('start a plan from a template and assign it to a client from today', async () => {
  await app.click('nav-training');
  await app.click('training-tab-templates');
  const row = await app.driver.wait(
    until.elementLocated(By.css(`[data-testid="template-row"][data-name="${TEMPLATE}"]`)),
    TIMEOUT,
  );
  await clickWhenReady(await row.findElement(By.css('[data-testid="template-use"]')));
  await app.type('assign-name', PLAN);
  await pickOption('assign-client', CLIENT);
  await app.type('assign-start', todayLocal());
  await (await app.el('assign-start')).sendKeys(Key.TAB);
  // The date picker's dropdown fades out over the dialog's buttons: wait until it is gone.
  await app.driver.wait(async () => {
    for (const d of await app.driver.findElements(By.css('.mantine-Popover-dropdown'))) {
      if (await d.isDisplayed().catch(() => false)) return false;
    }
    return true;
  }, TIMEOUT);
  await app.click('assign-confirm');
  await app.waitNoDialog();

  // The editor opens on the new plan, at version 1, naming its client.
  await app.waitForText('plan-version', 'Version 1');
  await app.waitForText('plan-assignment', new RegExp(CLIENT));
  planId = (await app.driver.getCurrentUrl()).split('/training/plans/')[1]?.split(/[?#]/)[0];
  assert.ok(planId, 'the editor address carries the plan id');

  const plans = JSON.parse(execFileSync(CLI, ['--data-dir', dataDir, 'plans', 'list', '--client', CLIENT, '--json'], { encoding: 'utf8' }));
  const plan = plans.find((p) => p.id === planId);
  assert.ok(plan, 'the plan is stored for the client');
  assert.equal(plan.name, PLAN);
  assert.equal(plan.startDate, todayLocal());
  assert.equal(plan.weeks, 8, 'all eight weeks of the template came along');
});

test('change the plan (version 2), then restore version 1 as version 3', async () => {
  const firstRow = '[data-testid="rx-row"][data-place="0-0-0"]';
  assert.equal(await valueOf(`${firstRow} [data-testid="rx-sets"]`), '3');
  const sets = await app.driver.findElement(By.css(`${firstRow} [data-testid="rx-sets"]`));
  await sets.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
  await sets.sendKeys('5');
  await app.driver.wait(async () => (await valueOf(`${firstRow} [data-testid="rx-sets"]`)) === '5', TIMEOUT);
  await sets.sendKeys(Key.TAB);
  await app.el('plan-dirty');
  await app.click('plan-save');
  await app.waitForText('plan-version', 'Version 2');
  let versions = storedVersions();
  assert.deepEqual(versions.map((v) => v.version), [1, 2]);
  assert.equal(firstSets(versions[1]), 5);
  assert.match(versions[1].summary, /Week 1 · Full body A: Dumbbell Goblet Squat 3 × [^→]+ → 5 × /, versions[1].summary);

  await app.click('plan-history');
  await app.el('history-drawer');
  const v1 = await app.driver.wait(until.elementLocated(By.css('[data-testid="version-row"][data-version="1"]')), TIMEOUT);
  await clickWhenReady(await v1.findElement(By.css('[data-testid="version-restore"]')));
  await clickWhenReady(await app.el('version-restore-confirm'));
  await app.waitForText('plan-version', 'Version 3');
  await app.driver.wait(async () => (await valueOf(`${firstRow} [data-testid="rx-sets"]`)) === '3', TIMEOUT);

  versions = storedVersions();
  assert.deepEqual(versions.map((v) => v.version), [1, 2, 3], 'nothing was overwritten');
  assert.equal(firstSets(versions[1]), 5, 'version 2 is kept as it was');
  assert.equal(firstSets(versions[2]), 3);
  assert.equal(versions[2].restored_from, 1);
  // Restoring closes the history; close it by hand if it stayed open.
  // WebKitWebDriver can report a stale element while the drawer is being removed: not gone yet.
  for (const close of await app.driver.findElements(By.css('.mantine-Drawer-close')).catch(() => [])) {
    await close.click().catch(() => {});
  }
  await app.driver.wait(
    async () => (await app.driver.findElements(By.css('.mantine-Drawer-content')).catch(() => [null])).length === 0,
    TIMEOUT,
  );
});

test('save the plan as a PDF whose text names the client, the plan and its exercises', async () => {
  const file = path.join(dataDir, 'Zoë plan.pdf');
  await app.click('plan-pdf');
  dialogs.answer(file);
  await app.click('pdf-save');
  await app.waitForText('pdf-saved', file);
  assert.ok(existsSync(file));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  assert.match(text, new RegExp(CLIENT), 'the client name, with its ë and Ł, is in the text');
  assert.match(text, new RegExp(PLAN));
  assert.match(text, /Goblet Squat/i);
  assert.match(text, /Page 1 of \d+/);
  execFileSync('qpdf', ['--check', file]);
  await app.driver.actions().sendKeys(Key.ESCAPE).perform();
  await app.waitNoDialog();
});

test("log today's plan day with a heavier goblet squat and see the new record", async () => {
  await app.click('nav-clients');
  const cell = await app.driver.wait(
    until.elementLocated(By.xpath(`//*[@data-testid="client-row"][contains(., "${CLIENT}")]//td[1]`)),
    TIMEOUT,
  );
  // The "Restored as version 3" notice may still cover the bottom rows for a moment.
  await clickWhenReady(cell);
  await app.waitForText('client-detail-name', CLIENT);
  await app.click('client-tab-plans');
  // The newest running plan is the one shown: ours, starting today with day 1.
  const day = await app.driver.wait(
    until.elementLocated(By.css(`[data-testid="plan-date-row"][data-date="${todayLocal()}"]`)),
    TIMEOUT,
  );
  await day.findElement(By.css('[data-testid="plan-date-log"]')).click();
  await app.el('workout-logger');

  // Prefilled from the prescription: 3 sets of goblet squats first.
  const goblet = await app.driver.wait(until.elementLocated(By.css('[data-testid="log-exercise"]')), TIMEOUT);
  assert.match(await app.textOf(goblet), /Goblet Squat/i);
  const rows = await goblet.findElements(By.css('[data-testid="log-set-row"]'));
  assert.equal(rows.length, 3);
  const reps = await rows[0].findElement(By.css('[data-testid="log-reps"]'));
  assert.equal(await app.driver.executeScript('return arguments[0].value', reps), '8');
  const load = await rows[0].findElement(By.css('[data-testid="log-load"]'));
  await load.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
  await load.sendKeys('80');
  await app.driver.wait(async () => (await app.driver.executeScript('return arguments[0].value', load)) === '80', TIMEOUT);
  await app.click('log-mark-all');
  await app.click('log-save');
  await app.el('log-saved');

  const flag = await app.driver.wait(
    until.elementLocated(By.xpath('//*[@data-testid="record-flag"][@data-kind="estimated_one_rm"][contains(., "Goblet")]')),
    TIMEOUT,
  );
  const text = await app.textOf(flag);
  assert.match(text, /New record/);
  assert.match(text, /\(was [\d.,]+/, `an earlier best is beaten, not a first time: ${text}`);

  // Stored: one log for the plan's week 1 day 1 today, the goblet squat set at 80 kg.
  const tables = exportedTables(dataDir);
  const logs = tables.workout_logs.filter((l) => l.plan_id === planId);
  assert.equal(logs.length, 1);
  assert.equal(logs[0].performed_on, todayLocal());
  const sets = tables.workout_sets.filter((s) => s.log_id === logs[0].id);
  assert.ok(sets.some((s) => s.load_kg === 80 && s.reps === 8), 'the heavy set is stored as entered');
});
