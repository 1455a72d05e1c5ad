// App-level benchmarks, run by scripts/bench.sh (`make bench`), not by `make test`:
//   * cold start: from asking WebDriver for a new app session to the client list painted
//     (includes WebKitWebDriver's session set-up, so it is an upper bound);
//   * idle memory: PSS summed over the app and its WebKit processes (smaps_rollup), as a
//     ratio against a bare Tauri window built the same way, measured in the same run.
// Prints one JSON object.

import { mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { By, until } from 'selenium-webdriver';
import { APP, Driver, TIMEOUT, newSession } from '../e2e/harness.mjs';

const dataDir = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
const BARE = path.join(path.dirname(APP), 'spotter-bare-window');
// Set to a directory to keep each idle process's /proc/<pid>/smaps (per-mapping analysis).
const SMAPS_DIR = process.env.SPOTTER_BENCH_SMAPS;

function procs() {
  const out = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      let exe = '';
      try { exe = readlinkSync(`/proc/${pid}/exe`); } catch { /* kernel thread or gone */ }
      out.push({ pid: Number(pid), ppid, exe });
    } catch { /* exited meanwhile */ }
  }
  return out;
}

function treePss(exe) {
  const all = procs();
  const roots = all.filter((p) => p.exe === exe);
  if (roots.length !== 1) throw new Error(`expected one ${exe} process, found ${roots.length}`);
  const tree = new Set([roots[0].pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) if (tree.has(p.ppid) && !tree.has(p.pid)) { tree.add(p.pid); grew = true; }
  }
  let kb = 0;
  const parts = [];
  for (const pid of tree) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const field = (name) => Number(rollup.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
      const pss = field('Pss');
      if (!Number.isNaN(pss)) {
        kb += pss;
        // Anonymous (heaps, JS heap, stacks) against file-backed (binary, libraries, fonts, mmap'd database).
        parts.push({ pid, exe: path.basename(all.find((p) => p.pid === pid)?.exe ?? '?'), pss_kb: pss, pss_anon_kb: field('Pss_Anon'), pss_file_kb: field('Pss_File'), pss_shmem_kb: field('Pss_Shmem') });
      }
    } catch { /* exited */ }
  }
  // WebKit processes of other apps (another test run) share the libraries' pages and lower the
  // file-backed PSS of both sides; such samples are flagged, anonymous PSS is unaffected.
  const foreign = all.filter((p) => !tree.has(p.pid) && /WebKit(Web|Network)Process$/.test(p.exe)).length;
  return { kb, parts, foreign };
}

/**
 * Idle means PSS stopped moving: unchanged within 0.5 % for 10 readings 1 s apart (JavaScriptCore
 * and WebKit release memory for ~20 s after a page settles), or 90 s at most.
 */
async function idlePss(exe) {
  let prev = treePss(exe).kb;
  let stable = 0;
  for (let i = 0; i < 90 && stable < 10; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = treePss(exe).kb;
    stable = Math.abs(now - prev) / prev < 0.005 ? stable + 1 : 0;
    prev = now;
  }
  const idle = treePss(exe);
  if (SMAPS_DIR) {
    mkdirSync(SMAPS_DIR, { recursive: true });
    for (const p of idle.parts) {
      try {
        writeFileSync(path.join(SMAPS_DIR, `${path.basename(exe)}-${p.pid}-${p.exe}.smaps`), readFileSync(`/proc/${p.pid}/smaps`));
      } catch { /* exited */ }
    }
  }
  return idle;
}

/** quit() returns before the process has exited; the next launch must not overlap it. */
async function waitGone(exe) {
  for (let i = 0; i < 200 && procs().some((p) => p.exe === exe); i++) await new Promise((r) => setTimeout(r, 50));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// App and bare window alternate, so drift on the machine hits both alike; medians damp the noise
// (the bare window alone varies by ±5 % between launches).
const driver = await Driver.start();
const samples = { cold_start_ms: [], app_kb: [], bare_kb: [], app_processes: [], bare_processes: [], foreign_webkit: [] };
let lastApp;
let lastBare;
try {
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const app = await driver.launch(dataDir);
    await app.click('nav-clients');
    await app.driver.wait(until.elementLocated(By.css('[data-testid="client-row"]')), TIMEOUT);
    samples.cold_start_ms.push(Math.round(performance.now() - t0));
    lastApp = await idlePss(path.resolve(APP));
    samples.app_kb.push(lastApp.kb);
    samples.app_processes.push(lastApp.parts);
    samples.foreign_webkit.push(lastApp.foreign);
    await app.quit();
    await waitGone(path.resolve(APP));

    const bare = await newSession(driver.url, BARE, []);
    await bare.wait(until.elementLocated(By.css('#bare[data-painted]')), TIMEOUT);
    lastBare = await idlePss(path.resolve(BARE));
    samples.bare_kb.push(lastBare.kb);
    samples.bare_processes.push(lastBare.parts);
    samples.foreign_webkit.push(lastBare.foreign);
    await bare.quit();
    await waitGone(path.resolve(BARE));
  }
} finally {
  driver.stop();
}
/** Per process kind (app, WebKitWebProcess, …): the median of each PSS figure over the launches, in MB. */
function perProcess(runsParts) {
  const byExe = {};
  for (const parts of runsParts) {
    for (const p of parts) for (const k of ['pss_kb', 'pss_anon_kb', 'pss_file_kb']) ((byExe[p.exe] ??= {})[k] ??= []).push(p[k]);
  }
  return Object.fromEntries(Object.entries(byExe).map(([exe, f]) => [exe, Object.fromEntries(Object.entries(f).map(([k, xs]) => [k.replace('_kb', '_mb'), +(median(xs) / 1024).toFixed(1)]))]));
}
const result = {
  runs,
  cold_start_median_ms: median(samples.cold_start_ms),
  app_median_mb: +(median(samples.app_kb) / 1024).toFixed(1),
  bare_median_mb: +(median(samples.bare_kb) / 1024).toFixed(1),
  ratio_of_medians: +(median(samples.app_kb) / median(samples.bare_kb)).toFixed(3),
  app_processes_median: perProcess(samples.app_processes),
  bare_processes_median: perProcess(samples.bare_processes),
  samples: { cold_start_ms: samples.cold_start_ms, app_kb: samples.app_kb, bare_kb: samples.bare_kb, foreign_webkit: samples.foreign_webkit },
  last_app_processes: lastApp.parts,
  last_bare_processes: lastBare.parts,
};
console.log(JSON.stringify(result, null, 2));
