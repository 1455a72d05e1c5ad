// Installs the packaged app (.deb from `scripts/debug-deb.sh`, i.e. `make app`'s debug build)
// into this machine with apt-get, starts the installed /usr/bin/spotter under Xvfb on a fresh
// data folder, creates a client through the window and finds it with the CLI in the same
// folder, asks a local update server for updates (the installed program knows it came from a
// .deb: only a `linux-x86_64-deb` entry is served) and is calm when that server is gone, then
// removes the package again.
// Needs root (or password-less sudo) and no network: the package's dependencies are installed
// by scripts/setup-debian.sh, and recommended packages are not asked for.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const INSTALLED = '/usr/bin/spotter';
const PACKAGE = 'spotter';
// The harness reads the app's path when it is loaded: point it at the installed program first.
process.env.SPOTTER_APP = INSTALLED;
const { CLI, Driver, tempDataDir } = await import('../e2e/harness.mjs');

const asRoot = (cmd, args) =>
  process.getuid?.() === 0
    ? execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    : execFileSync('sudo', ['-n', cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });

function builtDeb() {
  const dir = path.join(root, 'target/debug/bundle/deb');
  const debs = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.deb')) : [];
  assert.equal(debs.length, 1, `one .deb in ${dir} (run scripts/debug-deb.sh): found ${debs.join(', ') || 'none'}`);
  return path.join(dir, debs[0]);
}

let driver;
let app;
let server;
let latest = '{}';

before(async () => {
  assert.ok(!existsSync(INSTALLED), `${INSTALLED} exists before the test: remove the installed Spotter first`);
  server = http.createServer((req, res) => {
    if (req.url === '/latest.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(latest);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The debug build takes its update server from here (release builds ignore it).
  process.env.SPOTTER_UPDATE_ENDPOINT = `http://127.0.0.1:${server.address().port}/latest.json`;
});

after(async () => {
  await app?.quit().catch(() => {});
  driver?.stop();
  server?.close();
  if (existsSync(INSTALLED)) asRoot('apt-get', ['remove', '-y', PACKAGE]);
});

test('the .deb installs, runs on a fresh data folder, finds its update entry, and is removed', async () => {
  const deb = builtDeb();
  const version = debVersion(deb);

  // The dependencies are installed already, so apt fetches nothing; recommends (pkexec for
  // installing updates) would need the network, so they are left out here.
  asRoot('apt-get', ['install', '-y', '--no-install-recommends', deb]);
  assert.ok(existsSync(INSTALLED), 'the program is installed');
  const status = execFileSync('dpkg-query', ['-s', PACKAGE], { encoding: 'utf8' });
  assert.match(status, /^Status: install ok installed$/m);
  assert.match(status, /^Depends: .*libwebkit2gtk-4\.1-0/m);
  const desktop = readFileSync('/usr/share/applications/Spotter.desktop', 'utf8');
  assert.match(desktop, /^Exec=spotter$/m);
  assert.match(desktop, /^Icon=spotter$/m);
  for (const size of ['16x16', '32x32', '48x48', '128x128', '256x256', '512x512']) {
    assert.ok(existsSync(`/usr/share/icons/hicolor/${size}/apps/spotter.png`), `${size} icon installed`);
  }

  const dataDir = tempDataDir();
  driver = await Driver.start();
  app = await driver.launch(dataDir);
  await app.click('nav-clients');
  await app.click('new-client');
  await app.type('client-name', 'Installed Ina');
  await app.click('client-save');
  let listed = [];
  await app.driver.wait(() => {
    listed = JSON.parse(execFileSync(CLI, ['--data-dir', dataDir, 'clients', 'list', '--json'], { encoding: 'utf8' }));
    return listed.some((c) => c.name === 'Installed Ina');
  }, 20_000);
  assert.deepEqual(listed.map((c) => c.name), ['Installed Ina']);

  // An update published for .deb installs only: the installed program must recognise itself.
  const next = nextVersion(version);
  latest = JSON.stringify({
    version: next,
    notes: 'Installed-package update notes',
    pub_date: '2026-12-01T09:00:00Z',
    platforms: { 'linux-x86_64-deb': { url: 'http://127.0.0.1:9/never-downloaded.deb', signature: 'unused' } },
  });
  await app.click('nav-settings');
  await app.click('update-check');
  await app.waitForText('update-notes', 'Installed-package update notes');
  // The server going away is a calm sentence, not an error.
  await new Promise((resolve) => server.close(resolve));
  server = undefined;
  await app.click('update-check');
  await app.waitForText('update-unreachable', /could not reach the update server/);
  await app.quit();
  app = undefined;

  asRoot('apt-get', ['remove', '-y', PACKAGE]);
  assert.ok(!existsSync(INSTALLED), 'the program is removed');
  assert.ok(existsSync(path.join(dataDir, 'spotter.db')), "removing the program leaves the trainer's data");
});

function debVersion(deb) {
  return execFileSync('dpkg-deb', ['-f', deb, 'Version'], { encoding: 'utf8' }).trim();
}

function nextVersion(version) {
  const [major, minor] = version.split('.').map(Number);
  return `${major}.${minor + 1}.0`;
}
