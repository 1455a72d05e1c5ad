// End-to-end: scheduling in the real app. A weekly series made in the dialog, a drag that
// collides and takes the next free slot, completing from the dashboard, and .ics export
// (read back by an independent parser) and import.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { By, until } from 'selenium-webdriver';
import { CLI, Driver, ROOT, TIMEOUT, tempDataDir, testDialogs } from './harness.mjs';

let driver;
let app;
const dataDir = tempDataDir();
// The file dialogs answer from a file (WebDriver cannot drive the native GTK chooser).
const dialogs = testDialogs();

// The app plans in the computer's zone; the tests compute dates in the same zone.
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function ymd(date) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function addDays(day, n) {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const today = ymd(new Date());
// Monday of next week: the series starts there, the calendar goes one week ahead to show it.
const weekday = new Date(`${today}T12:00:00Z`).getUTCDay() || 7;
const nextMonday = addDays(today, 8 - weekday);
const nextTuesday = addDays(nextMonday, 1);

/** Sessions as stored, read with spotter-cli (not through the UI). */
function sessionsInDb(from, to) {
  const out = execFileSync(CLI, ['--data-dir', dataDir, 'sessions', 'list', '--from', from, '--to', to, '--all', '--json'], {
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/** Waits for the database to reach a state (the UI saved asynchronously). */
async function waitForDb(describe, check) {
  let last;
  await app.driver
    .wait(async () => {
      last = check();
      return last.ok;
    }, TIMEOUT)
    .catch(() => {
      throw new Error(`database never showed ${describe}; last: ${JSON.stringify(last?.seen)}`);
    });
  return last.seen;
}

before(async () => {
  const csv = path.join(dataDir, 'clients.csv');
  writeFileSync(csv, 'name,email\nGreta Weiß,greta@example.de\nJosé Núñez,jose@example.es\n');
  execFileSync(CLI, ['--data-dir', dataDir, 'clients', 'import', csv]);
  driver = await Driver.start({ env: dialogs.env });
  app = await driver.launch(dataDir);
});

afterEach(async (t) => {
  await app?.screenshot(`calendar-${t.name}`).catch(() => {});
});

after(async () => {
  await app?.quit().catch(() => {});
  driver?.stop();
});

async function pickOption(testId, text) {
  const input = await app.el(testId);
  await input.click();
  await input.sendKeys(text.slice(0, 4));
  const option = await app.driver.wait(
    until.elementLocated(By.xpath(`//*[@role="option"][contains(., "${text}")]`)),
    TIMEOUT,
  );
  await option.click();
}

/** Opens the new-session dialog and fills the common fields. */
async function newSession({ client, date, start, end }) {
  await app.waitNoDialog();
  await app.click('nav-calendar');
  await app.click('new-session');
  await app.el('session-dialog');
  await pickOption('session-clients', client);
  await app.type('session-date', date);
  await app.type('session-start', start);
  await app.type('session-end', end);
}

async function showWeekOf(day) {
  // FullCalendar's own toolbar: "today", then "next" until the week shows the day.
  await app.driver.findElement(By.css('.fc-today-button')).click().catch(() => {});
  for (let i = 0; i < 3; i += 1) {
    const has = await app.driver.findElements(By.css(`.fc-timegrid-col[data-date="${day}"]`));
    if (has.length) return;
    await app.driver.findElement(By.css('.fc-next-button')).click();
  }
  await app.driver.wait(until.elementLocated(By.css(`.fc-timegrid-col[data-date="${day}"]`)), TIMEOUT);
}

test('schedule a weekly series from the calendar', async () => {
  await newSession({ client: 'Greta Weiß', date: nextMonday, start: '18:00', end: '19:00' });
  await app.click('session-repeat');
  await app.click('session-weekday-4'); // Thursday as well as Monday
  await app.type('session-count', '6');
  await app.click('session-save');
  await app.driver.wait(async () => (await app.driver.findElements(By.css('[data-testid="session-dialog"]'))).length === 0, TIMEOUT);

  const stored = await waitForDb('six sessions', () => {
    const s = sessionsInDb(nextMonday, addDays(nextMonday, 28));
    return { ok: s.length === 6, seen: s };
  });
  assert.ok(stored.every((s) => s.label === 'Greta Weiß' && s.seriesId === stored[0].seriesId && s.seriesId));
  assert.deepEqual(
    stored.map((s) => new Date(s.start).getUTCDay()),
    [1, 4, 1, 4, 1, 4].map((d) => d),
    'Mondays and Thursdays',
  );

  await showWeekOf(nextMonday);
  await app.driver.wait(async () => (await app.driver.findElements(By.css('[data-testid="calendar-event"]'))).length >= 2, TIMEOUT);
});

test('dragging an occurrence onto a busy slot shows the conflict, then takes the next free slot', async () => {
  // José on Tuesday 18:00 with the same trainer: the slot Greta's Monday session is dragged to.
  await newSession({ client: 'José Núñez', date: nextTuesday, start: '18:00', end: '19:00' });
  await app.click('session-save');
  await app.driver.wait(async () => (await app.driver.findElements(By.css('[data-testid="session-dialog"]'))).length === 0, TIMEOUT);
  await showWeekOf(nextMonday);

  const monday = await app.driver.wait(
    until.elementLocated(By.xpath(`//td[@data-date="${nextMonday}"]//*[@data-testid="calendar-event"][contains(., "Greta")]`)),
    TIMEOUT,
  );
  // 18:00 is below the calendar's first screenful: scroll it into view as a person would.
  await app.driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', monday);
  const colWidth = await app.driver.executeScript(
    `return document.querySelector('.fc-timegrid-col[data-date="${nextTuesday}"]').getBoundingClientRect().width`,
  );
  // A person's drag, in window coordinates: press on the event, nudge, move a day right, release.
  const box = await app.driver.executeScript(
    'const r = arguments[0].getBoundingClientRect(); return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + 8) };',
    monday,
  );
  await app.driver
    .actions({ async: true })
    .move({ origin: 'viewport', x: box.x, y: box.y })
    .press()
    .move({ origin: 'viewport', x: box.x + 6, y: box.y, duration: 100 })
    .move({ origin: 'viewport', x: box.x + Math.round(colWidth / 2), y: box.y, duration: 150 })
    .move({ origin: 'viewport', x: box.x + Math.round(colWidth), y: box.y, duration: 150 })
    .release()
    .perform();

  await app.el('move-conflicts');
  const item = await app.el('conflict-item');
  assert.equal(await item.getAttribute('data-kind'), 'trainer_busy');
  assert.match(await app.textOf(item), /already booked.*José Núñez/);
  // Nothing moved yet.
  const before = sessionsInDb(nextMonday, addDays(nextMonday, 1)).filter((s) => s.label === 'Greta Weiß');
  assert.equal(before.length, 1);

  await app.click('conflict-free-slot');
  await app.el('free-slot');
  // From where it was dragged to (Tuesday 18:00) onwards, never earlier: a few, in time order.
  const offered = [];
  // data-when is the slot's wall-clock start as YYYY-MM-DD HH:mm (the text is in the trainer's format).
  for (const e of await app.driver.findElements(By.css('[data-testid="free-slot-when"]'))) offered.push(await e.getAttribute('data-when'));
  assert.ok(offered.length >= 1 && offered.length <= 3, offered.join(', '));
  assert.ok(offered.every((w) => w >= `${nextTuesday} 18:00`), offered.join(', '));
  assert.deepEqual([...offered].sort(), offered, 'in time order');
  await app.click('free-slot-use');
  const moved = await waitForDb('Greta moved off Monday', () => {
    const s = sessionsInDb(nextMonday, addDays(nextMonday, 1)).filter((x) => x.label === 'Greta Weiß');
    return { ok: s.length === 0, seen: s };
  });
  assert.deepEqual(moved, []);
  const week = sessionsInDb(nextMonday, addDays(nextMonday, 7)).filter((s) => s.label === 'Greta Weiß');
  assert.equal(week.length, 2, 'still two sessions that week (the moved one and Thursday)');
});

test('complete a session from the dashboard', async () => {
  // Early this morning, outside working hours: saving needs the explicit override.
  await newSession({ client: 'José Núñez', date: today, start: '00:15', end: '00:45' });
  await app.click('session-save');
  const kind = await (await app.el('conflict-item')).getAttribute('data-kind');
  assert.equal(kind, 'outside_working_hours');
  await app.click('conflict-override');
  await app.driver.wait(async () => (await app.driver.findElements(By.css('[data-testid="session-dialog"]'))).length === 0, TIMEOUT);

  await app.waitNoDialog();
  await app.click('nav-dashboard');
  const row = await app.driver.wait(
    until.elementLocated(By.xpath('//*[@data-testid="today-session"][contains(., "José Núñez")]')),
    TIMEOUT,
  );
  await row.findElement(By.css('[data-testid="today-complete"]')).click();
  await app.driver.wait(
    until.elementLocated(By.xpath('//*[@data-testid="today-session"][@data-status="completed"][contains(., "José Núñez")]')),
    TIMEOUT,
  );
  const stored = await waitForDb('the session completed', () => {
    const s = sessionsInDb(today, addDays(today, 1)).filter((x) => x.label === 'José Núñez');
    return { ok: s.length === 1 && s[0].status === 'completed', seen: s };
  });
  assert.equal(stored[0].status, 'completed');

  // The calendar stayed mounted, hidden, while the dashboard showed: back on it, the session is
  // shown completed (the agenda lists it; the time grid starts at 05:00).
  await app.click('nav-calendar');
  await app.driver.findElement(By.css('.fc-today-button')).click().catch(() => {}); // disabled when already on today
  await app.driver.findElement(By.css('.fc-listWeek-button')).click();
  await app.driver.wait(
    until.elementLocated(By.xpath('//*[@data-testid="calendar-event"][@data-status="completed"][contains(., "José Núñez")]')),
    TIMEOUT,
  );
  await app.driver.findElement(By.css('.fc-timeGridWeek-button')).click();
});

test('export the calendar as .ics and read it back with an independent parser', async () => {
  await app.waitNoDialog();
  await app.click('nav-calendar');
  await app.click('ics-export');
  const file = path.join(dataDir, 'exported.ics');
  dialogs.answer(file);
  await app.click('ics-export-confirm');
  await app.waitForText('ics-export-result', /Saved \d+ events/);

  const parsed = JSON.parse(
    execFileSync(path.join(ROOT, '.venv-test/bin/python3'), [path.join(ROOT, 'tests/ics/expand.py'), file, today, addDays(today, 60)], {
      encoding: 'utf8',
    }),
  );
  const greta = parsed.events.filter((e) => e.summary === 'Greta Weiß');
  const ours = sessionsInDb(today, addDays(today, 60)).filter((s) => s.label === 'Greta Weiß' && s.status !== 'cancelled');
  assert.equal(greta.length, ours.length);
  assert.deepEqual(greta.map((e) => e.start).sort(), ours.map((s) => s.start).sort());
  await app.driver.findElement(By.css('[data-testid="ics-export-dialog"] button.mantine-Modal-close')).click().catch(() => {});
});

test('import an .ics file from another calendar with a preview', async () => {
  const year = String(new Date().getFullYear());
  const file = path.join(dataDir, 'google.ics');
  writeFileSync(file, readFileSync(path.join(ROOT, 'tests/ics/fixtures/google.ics.in'), 'utf8').replaceAll('{Y}', year));
  await app.driver.navigate().refresh();
  await app.el('app-ready');
  await app.click('nav-calendar');
  await app.click('ics-import');
  dialogs.answer(file);
  await app.click('ics-file');
  await app.waitForText('ics-import-summary', /sessions to import; 1 events skipped/);
  await app.click('ics-import-confirm');
  await app.waitForText('ics-import-result', /Imported \d+ sessions/);
  const physio = sessionsInDb(`${year}-11-25`, `${year}-11-26`).filter((s) => s.label === 'Physio meeting');
  assert.equal(physio.length, 1);
});
