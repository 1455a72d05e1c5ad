// End-to-end: a database written by a newer Spotter is explained in the window and left untouched.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CLI, Driver, tempDataDir } from './harness.mjs';

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
