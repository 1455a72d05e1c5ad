// Calendar rendering benchmark, run by scripts/bench.sh (`make bench`), not by `make test`.
// A week holding ~320 sessions (4 trainers, 16 a day, Mon–Fri, seeded with
// `spotter-cli seed --bench`): the time from asking for the week (a hash change) until the events
// are in the DOM and two animation frames have passed (painted). FullCalendar renders a week's
// events in one commit, so "some are in the DOM" is "all are"; events_painted says how many.
// Prints one JSON object.

import { By, until } from 'selenium-webdriver';
import { Driver, TIMEOUT } from '../e2e/harness.mjs';

const dataDir = process.argv[2];
const runs = Number(process.argv[3] ?? 7);
const WEEK = '2024-01-01';

const driver = await Driver.start();
try {
  const app = await driver.launch(dataDir);
  const times = [];
  let events = 0;
  let first = 0;
  for (let i = 0; i < runs + 1; i += 1) {
    // Leave the calendar, then ask for the week: a fresh mount and a fresh query each time.
    await app.driver.executeScript("location.hash = '#/dashboard'");
    await app.driver.wait(until.elementLocated(By.css('[data-testid="dashboard-today"]')), TIMEOUT);
    const result = await app.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       const t0 = performance.now();
       location.hash = '#/calendar?date=${WEEK}';
       const check = () => {
         const n = document.querySelectorAll('[data-testid="calendar-event"]').length;
         const cal = document.querySelector('[data-testid="calendar"]');
         if (cal && cal.dataset.loaded === 'yes' && n > 0) {
           requestAnimationFrame(() => requestAnimationFrame(() => done({ ms: performance.now() - t0, n })));
         } else {
           setTimeout(check, 1);
         }
       };
       check();`,
    );
    // The first visit also loads the calendar's code and fetches the week; later visits render
    // from the query cache while it refetches in the background.
    if (i === 0) first = result.ms;
    else times.push(result.ms);
    events = result.n;
  }
  times.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      bench: 'calendar_week_render',
      events_painted: events,
      first_visit_ms: first,
      runs: times.length,
      median_ms: times[Math.floor(times.length / 2)],
      max_ms: times[times.length - 1],
    }),
  );
  await app.quit();
} finally {
  driver.stop();
}
