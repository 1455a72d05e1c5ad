// End-to-end: the full client record in the real app. A CSV import with a preview and a
// duplicate skipped, a PAR-Q+ "yes" that flags the client, measurements shown in the
// unit chosen in Settings, and notes.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { By, until } from 'selenium-webdriver';
import { Driver, TIMEOUT, clientsInDb, exportedTables, tempDataDir, testDialogs } from './harness.mjs';

let driver;
let app;
const dataDir = tempDataDir();
// The file dialogs answer from a file (WebDriver cannot drive the native GTK chooser).
const dialogs = testDialogs();

before(async () => {
  driver = await Driver.start({ env: dialogs.env });
  app = await driver.launch(dataDir);
});

afterEach(async (t) => {
  await app?.screenshot(`record-${t.name}`).catch(() => {});
});

after(async () => {
  await app?.quit().catch(() => {});
  driver?.stop();
});

async function openClient(name) {
  await app.waitNoDialog();
  await app.click('nav-clients');
  const cell = await app.driver.wait(
    until.elementLocated(By.xpath(`//*[@data-testid="client-row"][contains(., "${name}")]//td[1]`)),
    TIMEOUT,
  );
  await cell.click();
  await app.waitForText('client-detail-name', name);
}

test('import clients from a CSV with a preview; the duplicate row is skipped', async () => {
  const file = path.join(dataDir, 'from-old-app.csv');
  writeFileSync(
    file,
    'Full Name,E-mail,Mobile,Level\n' +
      'Greta Weiß,greta@example.de,+49 170 1111111,beginner\n' +
      '李娜,li.na@example.cn,+86 138 0013 8000,advanced\n' +
      'Greta W.,GRETA@example.de,,\n',
  );
  await app.click('nav-clients');
  await app.click('import-csv');
  dialogs.answer(file); // the file the trainer picks in the open dialog
  await app.click('csv-file');
  await app.driver.wait(async () => (await app.driver.findElements(By.css('[data-testid="csv-preview-row"]'))).length === 3, TIMEOUT);
  // Nothing is written by the preview.
  assert.equal(clientsInDb(dataDir).length, 0);
  const rows = await app.driver.findElements(By.css('[data-testid="csv-preview-row"]'));
  assert.match(await app.textOf(rows[2]), /Duplicate.*line 2 \(email\)/, 'the third row is marked as a duplicate of the first');

  await app.click('csv-confirm');
  await app.el('csv-result');
  await app.click('csv-done');
  await app.waitNoDialog();
  await app.waitForRows(['Greta Weiß', '李娜']);
  const stored = clientsInDb(dataDir);
  assert.deepEqual(stored.map((c) => c.name).sort(), ['Greta Weiß', '李娜'].sort());
  assert.equal(stored.find((c) => c.name === '李娜').fitnessLevel, 'advanced');
});

test('a "yes" on the PAR-Q+ marks the client as needing medical clearance', async () => {
  await openClient('Greta Weiß');
  await app.click('client-tab-intake');
  for (let i = 0; i < 7; i += 1) await app.click(`parq-answer-${i}-${i === 0 ? 'yes' : 'no'}`);
  await app.click('parq-save');
  await app.el('intake-item');
  await app.el('clearance-badge');
  const greta = clientsInDb(dataDir).find((c) => c.name === 'Greta Weiß');
  assert.equal(greta.needsClearance, true);
  // The flag shows in the client list too.
  await app.click('nav-clients');
  await app.driver.wait(
    until.elementLocated(By.xpath('//*[@data-testid="client-row"][contains(., "Greta")]//*[@data-testid="clearance-badge"]')),
    TIMEOUT,
  );
});

test('measurements are stored in SI and shown in the unit chosen in Settings', async () => {
  await openClient('Greta Weiß');
  await app.click('client-tab-measurements');
  await app.type('measurement-value', '70');
  await app.click('measurement-save');
  await app.waitForText('measurement-row', /70(\.0)? kg/);

  await app.click('nav-settings');
  const imperial = await app.driver.wait(
    until.elementLocated(By.xpath('//*[@data-testid="settings-units"]//label[contains(., "lb")]')),
    TIMEOUT,
  );
  await imperial.click();
  await openClient('Greta Weiß');
  await app.click('client-tab-measurements');
  await app.waitForText('measurement-row', /154(\.3)? lb/);
  const stored = exportedTables(dataDir).measurements;
  assert.equal(stored.length, 1);
  assert.equal(stored[0].unit, 'kg');
  assert.equal(stored[0].value, 70);
});

test('timestamped notes, newest first', async () => {
  await openClient('李娜');
  await app.click('client-tab-notes');
  await app.type('note-body', 'Elbow sore after serves; no overhead pressing this week.');
  await app.click('note-save');
  await app.waitForText('note-item', /Elbow sore/);
  const notes = exportedTables(dataDir).client_notes;
  assert.equal(notes.length, 1);
  assert.match(notes[0].body, /^Elbow sore/);
});
