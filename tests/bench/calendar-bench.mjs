// Calendar rendering benchmark, run by scripts/bench.sh (`make bench`), not by `make test`.
// Three full weeks of ~320 sessions each (4 trainers, 16 a day, Mon–Fri from 2024-01-01, seeded
// with `spotter-cli seed --bench --sessions 960`). Every figure is measured inside the webview:
// from the trainer's action until the week's events are in the DOM, the calendar is shown, and
// two animation frames have passed (painted).
//   first_visit_ms   the first time the calendar is opened: its code loads, the week is fetched;
//   revisit_ms       opening it again from the dashboard (it stays mounted between visits);
//   week_step_ms     "next week" / "previous week" (the weeks either side are fetched ahead);
//   settings_ms      for scale: opening Settings from the dashboard, a plain form, on the same
//                    machine in the same run (what any screen change costs to paint here).
// Prints one JSON object.

import { By, until } from 'selenium-webdriver';
import { Driver, TIMEOUT } from '../e2e/harness.mjs';

const dataDir = process.argv[2];
const runs = Number(process.argv[3] ?? 7);
const WEEK = '2024-01-08'; // the middle one: a full week on either side

// A script resolving with the milliseconds from running `act` until `ready` holds and two frames
// have passed. Both are statements, pasted in (the app's CSP allows no eval in the page).
const timed = (act, ready) => `const done = arguments[arguments.length - 1];
  const ready = () => { ${ready} };
  const t0 = performance.now();
  ${act};
  const check = () => {
    if (ready()) requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
    else setTimeout(check, 1);
  };
  check();`;

// Shown: laid out, visible, loaded, with events of a week other than `before` (ids, comma-joined).
const calendarShown = (before = '') => `
  const cal = document.querySelector('[data-testid="calendar"]');
  if (!cal || cal.getClientRects().length === 0 || cal.dataset.loaded !== 'yes') return false;
  const first = document.querySelector('[data-testid="calendar-event"]');
  return first !== null && !${JSON.stringify(before)}.split(',').includes(first.dataset.sessionId);`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x);

const driver = await Driver.start();
try {
  const app = await driver.launch(dataDir);
  const d = app.driver;
  const toDashboard = async () => {
    await d.executeScript("location.hash = '#/dashboard'");
    await d.wait(until.elementLocated(By.css('[data-testid="dashboard-today"]')), TIMEOUT);
  };
  const openCalendar = () => d.executeAsyncScript(timed(`location.hash = '#/calendar?date=${WEEK}'`, calendarShown()));
  const eventIds = () =>
    d.executeScript("return [...document.querySelectorAll('[data-testid=\"calendar-event\"]')].map((e) => e.dataset.sessionId).join(',')");

  await toDashboard();
  const first = await openCalendar();
  const events = await d.executeScript('return document.querySelectorAll(\'[data-testid="calendar-event"]\').length');

  // Next and previous in turn, around the middle week: the first steps are to weeks only fetched
  // ahead, later ones to weeks seen before.
  const steps = [];
  const buttons = ['.fc-next-button', '.fc-prev-button', '.fc-prev-button', '.fc-next-button'];
  for (let i = 0; i < runs; i += 1) {
    const before = await eventIds();
    const button = buttons[i % buttons.length];
    steps.push(await d.executeAsyncScript(timed(`document.querySelector('${button}').click()`, calendarShown(before))));
  }

  const revisits = [];
  const settings = [];
  for (let i = 0; i < runs; i += 1) {
    await toDashboard();
    revisits.push(await openCalendar());
    await toDashboard();
    settings.push(
      await d.executeAsyncScript(
        timed(
          "location.hash = '#/settings'",
          "const el = document.querySelector('[data-testid=\"settings-ai\"]'); return el !== null && el.getClientRects().length > 0;",
        ),
      ),
    );
  }

  console.log(
    JSON.stringify({
      bench: 'calendar_week_render',
      events_painted: events,
      runs,
      first_visit_ms: round(first),
      revisit_ms: { median: round(median(revisits)), max: round(Math.max(...revisits)) },
      week_step_ms: { median: round(median(steps)), max: round(Math.max(...steps)) },
      settings_ms: { median: round(median(settings)), max: round(Math.max(...settings)) },
    }),
  );
  await app.quit();
} finally {
  driver.stop();
}
