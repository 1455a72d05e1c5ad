// End-to-end start-up: a database written by a newer Spotter is explained and left untouched;
// a fresh data directory welcomes the trainer and offers the demo data, kept apart.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { By } from 'selenium-webdriver';
import { clientsInDb, CLI, Driver, tempDataDir } from './harness.mjs';

let driver;
let app;

before(async () => {
  driver = await Driver.start();
});

after(async () => {
  await app?.quit().catch(() => {});
  driver?.stop();
});

const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('a newer schema is refused with a clear message and the file is untouched', async () => {
  const dataDir = tempDataDir();
  execFileSync(CLI, ['--data-dir', dataDir, 'seed', '--demo']);
  const db = path.join(dataDir, 'spotter.db');
  // Pretend a future Spotter ran a migration this build does not know (python3's sqlite3, not our code).
  execFileSync('python3', ['-c', `
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) VALUES (29991231000000, 'future', '2999-01-01', 1, x'00', 0)")
c.commit()
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
c.close()
`, db]);
  const before = sha(db);

  app = await driver.launch(dataDir, 'startup-error');
  await app.waitForText('startup-error', /newer version of Spotter/);
  await app.waitForText('startup-error', /left untouched/);
  await app.quit();
  app = undefined;

  assert.equal(sha(db), before, 'the database file is byte-identical');
  assert.ok(!existsSync(`${db}-wal`) && !existsSync(`${db}-shm`), 'no -wal/-shm files left beside it');
});

test('a fresh data directory welcomes; the demo data are apart and marked; the welcome lands on the dashboard', async () => {
  const dataDir = tempDataDir();
  app = await driver.launch(dataDir, 'welcome');
  await app.screenshot('startup-welcome');

  // Explore with demo data: a separate data directory, marked on every screen.
  await app.click('welcome-demo');
  await app.waitForText('demo-band', /Demo data/);
  await app.click('nav-clients');
  await app.waitForText('client-row', /\S/);
  await app.screenshot('startup-demo-clients');
  const demoDb = path.join(dataDir, 'demo', 'spotter.db');
  assert.ok(existsSync(demoDb), 'the demo data live in their own directory');
  assert.ok(clientsInDb(path.join(dataDir, 'demo')).length >= 10, 'the demo clients are in the demo database');
  assert.equal(clientsInDb(dataDir).length, 0, 'the real database has no demo client');

  // One click back to the real data: still empty, so the welcome asks again.
  await app.click('demo-back');
  await app.el('welcome');
  assert.equal((await app.driver.findElements(By.css('[data-testid="demo-band"]'))).length, 0);

  // Filling the welcome lands on the dashboard of the real data.
  await app.type('welcome-name', 'Maria Keller');
  await app.click('welcome-start');
  await app.el('dashboard-today');
  assert.equal((await app.driver.findElements(By.css('[data-testid="welcome"]'))).length, 0);
  const trainers = JSON.parse(
    execFileSync(CLI, ['--data-dir', dataDir, 'trainers', 'list', '--json'], { encoding: 'utf8' }),
  );
  assert.ok(trainers.some((t) => t.name === 'Maria Keller' && t.isMe), JSON.stringify(trainers));
  await app.quit();
  app = undefined;
});
