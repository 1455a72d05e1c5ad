// End-to-end: Settings → Data in the real app on a real data directory. Back up now, a change
// made afterwards, restore the backup (the app reloads on it and the change is gone); and a
// damaged database at start, replaced by the latest backup from the start-up screen.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { By, until } from 'selenium-webdriver';
import { CLI, Driver, TIMEOUT, clientsInDb, tempDataDir } from './harness.mjs';

let driver;
let app;

before(async () => {
  driver = await Driver.start();
});

afterEach(async (t) => {
  await app?.screenshot(t.name).catch(() => {});
  await app?.quit().catch(() => {});
  app = undefined;
});

after(() => {
  driver?.stop();
});

const rows = () => app.driver.findElements(By.css('[data-testid="backup-row"]'));

test('back up now, change something, restore the backup: the change is gone and the app shows the restored data', async () => {
  const dataDir = tempDataDir();
  execFileSync(CLI, ['--data-dir', dataDir, 'seed', '--demo']);
  app = await driver.launch(dataDir);
  // The first check at start takes the day's backup (the data folder has none).
  const backups = path.join(dataDir, 'backups');
  await app.driver.wait(
    () => existsSync(backups) && readdirSync(backups).some((f) => f.endsWith('-daily.db')),
    TIMEOUT,
  );
  await app.click('nav-settings');
  const panel = await app.el('settings-data');
  await app.driver.wait(
    until.elementLocated(By.xpath('//*[@data-testid="backup-row"][contains(., "Daily")]')),
    TIMEOUT,
  );
  const before = (await rows()).length;
  await app.click('backup-now');
  await app.driver.wait(async () => (await rows()).length > before, TIMEOUT);
  const manual = await app.driver.wait(
    until.elementLocated(By.xpath('//*[@data-testid="backup-row"][contains(., "Made by you")]//button')),
    TIMEOUT,
  );

  // A client added after the backup, by the command line while the app is open.
  const csv = path.join(dataDir, 'later.csv');
  writeFileSync(csv, 'name\nAdded After The Backup\n');
  execFileSync(CLI, ['--data-dir', dataDir, 'clients', 'import', csv]);
  assert.ok(clientsInDb(dataDir).some((c) => c.name === 'Added After The Backup'));

  await app.driver.executeScript('arguments[0].scrollIntoView({block: "center"})', manual);
  await manual.click();
  await app.waitForText('restore-confirm-dialog', /What you have now is backed up first/);
  await app.click('restore-confirm');
  // The window starts afresh on the restored data.
  await app.driver.wait(until.stalenessOf(panel), TIMEOUT);
  await app.el('app-ready');

  assert.ok(!clientsInDb(dataDir).some((c) => c.name === 'Added After The Backup'), 'the later client is gone');
  assert.equal(clientsInDb(dataDir).length, 20);
  await app.click('nav-clients');
  await app.waitForText('client-row', /\S/);
  const names = await app.driver.executeScript(
    'return [...document.querySelectorAll(\'[data-testid="client-row"]\')].map((r) => r.textContent)',
  );
  assert.ok(!names.some((n) => n.includes('Added After The Backup')), names.join(' | '));
  await app.click('nav-settings');
  await app.driver.wait(
    until.elementLocated(By.xpath('//*[@data-testid="backup-row"][contains(., "Before a restore")]')),
    TIMEOUT,
  );
});

test('a damaged database at start offers the latest backup, which brings the data back', async () => {
  const dataDir = tempDataDir();
  execFileSync(CLI, ['--data-dir', dataDir, 'seed', '--demo']);
  execFileSync(CLI, ['--data-dir', dataDir, 'backup']);
  const db = path.join(dataDir, 'spotter.db');
  // Fold any -wal into the file, then overwrite its middle page (python3's sqlite3, not our code).
  execFileSync('python3', ['-c', `
import sqlite3, sys, os
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
c.execute("PRAGMA journal_mode=DELETE")
c.close()
size = os.path.getsize(sys.argv[1])
with open(sys.argv[1], 'r+b') as f:
    f.seek(size // 4096 // 2 * 4096)
    f.write(b'\\xff' * 4096)
`, db]);

  app = await driver.launch(dataDir, 'damaged-database');
  await app.waitForText('damaged-database', /Your data file is damaged/);
  await app.waitForText('damaged-restore-latest', /Restore the latest backup/);
  await app.click('damaged-restore-latest');
  await app.driver.wait(
    until.elementLocated(By.css('[data-testid="app-ready"], [data-testid="welcome"]')),
    TIMEOUT,
  );
  assert.equal(clientsInDb(dataDir).length, 20, 'the backup is the database now');
  const aside = readdirSync(path.join(dataDir, 'damaged')).filter((f) => f.endsWith('.db'));
  assert.equal(aside.length, 1, 'the damaged file is kept aside');
  assert.ok(existsSync(path.join(dataDir, 'damaged', aside[0])));
});
