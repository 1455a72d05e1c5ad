// Drives the real, built Spotter app through WebDriver: tauri-driver in front of
// WebKitWebDriver. The Makefile runs this under Xvfb inside a D-Bus session.
// Nothing here sleeps: every wait is for a condition, with a bounded timeout.

import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder, By, Key, until } from 'selenium-webdriver';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ROOT = root;
export const APP = process.env.SPOTTER_APP ?? path.join(root, 'target/debug/spotter');
export const CLI = process.env.SPOTTER_CLI ?? path.join(root, 'target/debug/spotter-cli');
const TAURI_DRIVER = process.env.TAURI_DRIVER ?? 'tauri-driver';
export const TIMEOUT = 20_000;

/** How long a new WebDriver session may take: the app's start (a debug build on a loaded machine). */
const SESSION_TIMEOUT = 120_000;

/**
 * A new session for `application` (with `args`). WebKitWebDriver answers only once the app's
 * window is up, so an app that dies at start (once: GTK could not initialise under Xvfb) left
 * the caller waiting without end; after SESSION_TIMEOUT this fails with the app's name instead.
 */
export async function newSession(url, application, args) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${path.basename(application)} did not start within ${SESSION_TIMEOUT / 1000} s`)),
      SESSION_TIMEOUT,
    );
  });
  const session = new Builder()
    .usingServer(url)
    .withCapabilities({ browserName: 'wry', 'tauri:options': { application, args } })
    .build();
  try {
    return await Promise.race([session, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** A port the OS says is free right now (never a fixed 4444). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForStatus(url, child, deadline) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`tauri-driver did not answer at ${url}`);
    await new Promise((r) => setImmediate(r));
  }
}

export class Driver {
  /** `env`: extra environment for the driver and so for the app it launches. */
  static async start({ env } = {}) {
    const port = await freePort();
    const nativePort = await freePort();
    const child = spawn(TAURI_DRIVER, ['--port', String(port), '--native-port', String(nativePort)], {
      // Its chatter goes to stderr, so a benchmark's stdout stays pure JSON.
      stdio: ['ignore', 2, 2],
      env: { ...process.env, ...env },
      // Its own process group, which the app it launches (through WebKitWebDriver) joins:
      // stop() ends the whole group, so no app outlives its test file.
      detached: true,
    });
    await waitForStatus(`http://127.0.0.1:${port}/status`, child, Date.now() + TIMEOUT);
    return new Driver(child, port);
  }

  constructor(child, port) {
    this.child = child;
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Launches the app on `dataDir` and waits until the UI has talked to the backend. */
  async launch(dataDir, readyTestId = 'app-ready') {
    const driver = await newSession(this.url, APP, ['--data-dir', dataDir]);
    if (readyTestId !== 'app-ready') {
      await driver.wait(until.elementLocated(By.css(`[data-testid="${readyTestId}"]`)), TIMEOUT);
      return new App(driver);
    }
    // A fresh data directory greets with the welcome (startup.test.mjs tests it); the other
    // tests answer it with the defaults and go on from the dashboard.
    const first = await driver.wait(
      until.elementLocated(By.css('[data-testid="app-ready"], [data-testid="welcome"]')),
      TIMEOUT,
    );
    const app = new App(driver);
    if ((await first.getAttribute('data-testid')) === 'welcome') {
      await app.type('welcome-name', 'Test Trainer');
      await app.click('welcome-start');
      await driver.wait(until.elementLocated(By.css('[data-testid="app-ready"]')), TIMEOUT);
    }
    return app;
  }

  /** Ends tauri-driver and everything it started. An app left running (a quit that did not
   *  close it) would hold the test file's stderr open, and node --test would wait for it. */
  stop() {
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      this.child.kill();
    }
  }
}

export class App {
  constructor(driver) {
    this.driver = driver;
  }

  async el(testId) {
    const e = await this.driver.wait(until.elementLocated(By.css(`[data-testid="${testId}"]`)), TIMEOUT);
    await this.driver.wait(until.elementIsVisible(e), TIMEOUT);
    return e;
  }

  async click(testId) {
    const e = await this.el(testId);
    await this.driver.wait(until.elementIsEnabled(e), TIMEOUT);
    // A button at the foot of a tall dialog sits in the dialog's own scroll box, which
    // WebKitWebDriver does not scroll by itself before clicking.
    await this.driver.executeScript('arguments[0].scrollIntoView({block: "center"})', e);
    try {
      await e.click();
    } catch (err) {
      // A notice (bottom left) can lie over a button at the foot of the page for a few
      // seconds; a person waits for it to go, and so does the test.
      if (err?.name !== 'ElementClickInterceptedError') throw err;
      await this.driver.wait(
        async () => (await this.driver.findElements(By.css('.mantine-Notification-root')).catch(() => [])).length === 0,
        TIMEOUT,
      );
      await e.click();
    }
  }

  async type(testId, text) {
    const e = await this.el(testId);
    // Select-all + Backspace types like a person, so React sees an input event (clear() may not fire one).
    await e.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
    if (text) await e.sendKeys(text);
  }

  /** Waits until no dialog is open (or still fading out, its overlay catching clicks). */
  async waitNoDialog() {
    // WebKitWebDriver can report a stale element while the dialog is being removed: not gone yet.
    await this.driver.wait(
      async () =>
        (await this.driver.findElements(By.css('.mantine-Modal-overlay, .mantine-Modal-content')).catch(() => [null]))
          .length === 0,
      TIMEOUT,
    );
  }

  /** The element's text content. WebKitWebDriver's getText() returns "" for line-clamped text. */
  async textOf(el) {
    return (await this.driver.executeScript('return arguments[0].textContent', el)).trim();
  }

  async waitForText(testId, expected) {
    let last = '';
    await this.driver.wait(async () => {
      // While the screen redraws, WebKitWebDriver can report a stale element: not there yet.
      const els = await this.driver.findElements(By.css(`[data-testid="${testId}"]`)).catch(() => []);
      last = els.length ? await this.textOf(els[0]).catch(() => '') : '<missing>';
      return expected instanceof RegExp ? expected.test(last) : last === expected;
    }, TIMEOUT).catch((e) => {
      throw new Error(`${testId}: wanted ${expected}, last saw ${JSON.stringify(last)} (${e.message})`);
    });
    return last;
  }

  /** Waits until the visible client rows are exactly `names` (order-insensitive). */
  async waitForRows(names) {
    const want = [...names].sort().join('|');
    let got = '';
    await this.driver.wait(async () => {
      const rows = await this.driver.findElements(By.css('[data-testid="client-row"]'));
      const texts = [];
      for (const r of rows) texts.push(await this.textOf(r).catch(() => ''));
      got = texts.map((t) => names.find((n) => t.includes(n)) ?? t).sort().join('|');
      return got === want;
    }, TIMEOUT).catch((e) => {
      throw new Error(`client rows: wanted [${want}], last saw [${got}] (${e.message})`);
    });
  }

  /** Saved after every test in .e2e/screens/, so a failure can be looked at. */
  async screenshot(name) {
    const dir = path.join(root, '.e2e/screens');
    mkdirSync(dir, { recursive: true });
    const png = await this.driver.takeScreenshot();
    writeFileSync(path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`), png, 'base64');
  }

  async quit() {
    await this.driver.quit();
  }
}

/** Every client row including tombstones, from `spotter-cli export`. */
export function exportedClients(dataDir) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'spotter-export-'));
  execFileSync(CLI, ['--data-dir', dataDir, 'export', out]);
  return JSON.parse(readFileSync(path.join(out, 'spotter-export.json'), 'utf8')).clients;
}

/** Every other table (sessions, measurements, notes …) as exported by `spotter-cli export`. */
export function exportedTables(dataDir) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'spotter-export-'));
  execFileSync(CLI, ['--data-dir', dataDir, 'export', out]);
  return JSON.parse(readFileSync(path.join(out, 'spotter-export.json'), 'utf8')).tables;
}

export function tempDataDir() {
  return mkdtempSync(path.join(os.tmpdir(), 'spotter-e2e-'));
}

/** What is really in the database, read with spotter-cli (not through the UI). */
export function clientsInDb(dataDir, status = 'all') {
  const out = execFileSync(CLI, ['--data-dir', dataDir, 'clients', 'list', '--status', status, '--json'], {
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/**
 * The file dialogs of a test run. WebDriver cannot answer the native GTK file chooser, so a
 * debug build started with SPOTTER_TEST_DIALOG_DIR takes its answers from this folder instead
 * (src-tauri/src/dialog_commands.rs, crates/spotter-files/src/dialog.rs: this replaces only the
 * native dialog, in tests; everything after it, the start folder, the remembered folder and the
 * writing, is the app's own). `documents` is the Documents folder the app sees (through
 * XDG_CONFIG_HOME/user-dirs.dirs, as on a desktop): its Spotter folder does not exist yet.
 */
export function testDialogs() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spotter-dialogs-'));
  const config = path.join(dir, 'config');
  const documents = path.join(dir, 'Documents');
  mkdirSync(config);
  writeFileSync(path.join(config, 'user-dirs.dirs'), `XDG_DOCUMENTS_DIR="${documents}"\n`);
  writeFileSync(path.join(dir, 'answers'), '');
  return {
    env: { SPOTTER_TEST_DIALOG_DIR: dir, XDG_CONFIG_HOME: config },
    /** Where saving starts until something was saved elsewhere: Documents/Spotter. */
    defaultFolder: path.join(documents, 'Spotter'),
    /** What the next dialogs answer, in order: 'save' (the suggested name), 'cancel' or a path. */
    answer(...answers) {
      const left = readFileSync(path.join(dir, 'answers'), 'utf8').split('\n').filter(Boolean);
      writeFileSync(path.join(dir, 'answers'), [...left, ...answers].join('\n'));
    },
    /** Every dialog shown so far: {request: {direction, kind, startFolder, suggestedName}, answer}. */
    shown() {
      let text = '';
      try {
        text = readFileSync(path.join(dir, 'requests.jsonl'), 'utf8');
      } catch {
        return [];
      }
      return text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    },
  };
}
