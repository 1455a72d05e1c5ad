// End-to-end: saving files on a fresh machine, through the save dialog. The app runs on a
// fresh data directory (the demo data) whose Documents/Spotter folder does not exist yet:
// the plan's PDF is saved from Plan builder → Print → Save PDF… and the folder is created;
// the progress report is saved to another folder, and the next dialog starts there.
//
// The native dialog is replaced by the test stand-in (harness.mjs testDialogs: a debug build
// with SPOTTER_TEST_DIALOG_DIR answers from a file), because WebDriver cannot drive a GTK file
// chooser. Only the dialog is replaced: where it starts, what is remembered, and the writing
// are the app's own, and the files are checked on disk.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { By, until } from 'selenium-webdriver';
import { CLI, Driver, TIMEOUT, tempDataDir, testDialogs } from './harness.mjs';

const CLIENT = 'Zoë Łukasiewicz';

let driver;
let app;
const dataDir = tempDataDir();
const dialogs = testDialogs();
const elsewhere = path.join(path.dirname(dialogs.defaultFolder), '..', 'clients', 'zoe');

before(async () => {
  execFileSync(CLI, ['--data-dir', dataDir, 'seed', '--demo']);
  mkdirSync(elsewhere, { recursive: true });
  driver = await Driver.start({ env: dialogs.env });
  app = await driver.launch(dataDir);
});

afterEach(async (t) => {
  await app?.screenshot(`file-dialogs-${t.name}`).catch(() => {});
});

after(async () => {
  await app?.quit().catch(() => {});
  driver?.stop();
});

/** Clicks once the element takes clicks (a row may still be sliding into place). */
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

/**
 * Clicks a button that opens the save dialog until the dialog is asked for. In some runs
 * (about 1 in 4 of this file, 2026-12-05) WebKitWebDriver's click on Save PDF… in a dialog that
 * had just opened never reached the button: no dialog was asked for and nothing was saved. A
 * person clicks again; so does the test, after 3 s without a dialog, within TIMEOUT. Cause not
 * found (not a running transition: waiting for animations to end did not help).
 */
async function clickUntilDialogAsked(testId) {
  const before = dialogs.shown().length;
  await app.driver.wait(async () => {
    await app.click(testId).catch(() => {});
    try {
      await app.driver.wait(() => dialogs.shown().length > before, 3000);
      return true;
    } catch {
      return false;
    }
  }, TIMEOUT);
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isPdf(file) {
  return readFileSync(file).subarray(0, 5).toString('latin1') === '%PDF-';
}

test('Plan builder → Print → Save PDF… on a fresh machine creates Documents/Spotter and writes the PDF there', async () => {
  assert.ok(!existsSync(dialogs.defaultFolder), 'the default folder does not exist before');
  await app.click('nav-training');
  await app.click('training-tab-plans');
  const row = await app.driver.wait(until.elementLocated(By.css('[data-testid="plan-row"] td')), TIMEOUT);
  await clickWhenReady(row);
  await app.el('plan-version');

  dialogs.answer('save'); // the trainer presses Save in the dialog, keeping the name offered
  await app.click('plan-pdf');
  await clickUntilDialogAsked('pdf-save');
  const saved = await app.waitForText('pdf-saved', new RegExp(`^${escape(dialogs.defaultFolder)}/.+\\.pdf$`));

  const [shown] = dialogs.shown();
  assert.equal(shown.request.direction, 'save');
  assert.equal(shown.request.kind, 'plan_pdf');
  assert.equal(shown.request.startFolder, dialogs.defaultFolder, 'the first dialog starts in Documents/Spotter');
  assert.match(shown.request.suggestedName, /\.pdf$/);
  assert.equal(saved, path.join(dialogs.defaultFolder, shown.request.suggestedName));
  assert.ok(existsSync(saved), 'the PDF is on disk');
  assert.ok(isPdf(saved), 'and starts with %PDF');
  await app.driver.findElement(By.css('.mantine-Modal-close')).click().catch(() => {});
  await app.waitNoDialog();
});

test('the progress report goes where the trainer chooses, and the next dialog starts there', async () => {
  await app.click('nav-clients');
  const cell = await app.driver.wait(
    until.elementLocated(By.xpath(`//*[@data-testid="client-row"][contains(., "${CLIENT}")]//td[1]`)),
    TIMEOUT,
  );
  await clickWhenReady(cell);
  await app.waitForText('client-detail-name', CLIENT);
  await app.click('client-tab-progress');

  const report = path.join(elsewhere, 'zoe-progress.pdf');
  dialogs.answer(report);
  await app.click('report-pdf');
  await clickUntilDialogAsked('pdf-save');
  await app.waitForText('pdf-saved', report);
  assert.ok(isPdf(report), 'the report is a PDF on disk');
  let shown = dialogs.shown();
  assert.equal(shown.length, 2);
  assert.equal(shown[1].request.kind, 'report_pdf');
  assert.equal(shown[1].request.startFolder, dialogs.defaultFolder, 'it starts where the plan was saved');
  await app.driver.findElement(By.css('.mantine-Modal-close')).click();
  await app.waitNoDialog();

  // The next save, of another kind, starts in the folder used last.
  await app.click('nav-clients');
  dialogs.answer('save');
  await app.click('export-csv');
  await app.click('csv-export-save');
  const csv = path.join(path.resolve(elsewhere), 'clients.csv');
  await app.waitForText('csv-export-path-written', csv);
  shown = dialogs.shown();
  assert.equal(shown[2].request.kind, 'clients_csv');
  assert.equal(shown[2].request.startFolder, path.resolve(elsewhere));
  assert.match(readFileSync(csv, 'utf8'), new RegExp(CLIENT));
});

test('Settings → Data → Export everything saves where the dialog says, starting in the last folder', async () => {
  await app.driver.findElement(By.css('.mantine-Modal-close')).click();
  await app.waitNoDialog();
  await app.click('nav-settings');
  dialogs.answer('save');
  await app.click('export-run');
  await app.waitForText('export-done', /Saved .+\.json/);
  const shown = dialogs.shown().at(-1);
  assert.equal(shown.request.kind, 'full_export');
  assert.equal(shown.request.startFolder, path.resolve(elsewhere));
  const json = path.join(path.resolve(elsewhere), shown.request.suggestedName);
  assert.ok(existsSync(json), 'the export is on disk');
  assert.ok(Array.isArray(JSON.parse(readFileSync(json, 'utf8')).clients), 'with the clients in it');
});
