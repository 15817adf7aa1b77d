#!/usr/bin/env node
// Web benchmark of giaoban with playwright-core driving Debian's chromium (never a downloaded
// browser). Measures, against a running server:
//   (a) first load of the dashboard with a cold cache (a fresh browser context each run) until
//       interactive, defined as the moment the summary figures are in the DOM
//       ('.dash-card-overdue a[data-figure="overdue"]'), median of BENCH_RUNS runs;
//   (b) JavaScript and CSS bytes transferred (encoded, i.e. gzip/br as served) for that first
//       page: script and stylesheet responses until the figures are shown, and until the network
//       is idle (chunks loaded after the figures, such as the chart library);
//   (c) on the task list, the time from a filter change (a status option clicked, or Enter in the
//       search box) to the updated rows being rendered, median of BENCH_CHANGES changes each.
//
// Usage (a server that is already running):
//   BENCH_URL=http://127.0.0.1:8090 BENCH_USER=bench.leader BENCH_PASSWORD=bench-password-1 \
//     node e2e/bench.mjs
// or let the script serve a copy of a database itself (the original file is only read, through
// `giaoban backup`):
//   BENCH_DB=../bench/out/bench.db BENCH_USER=bench.leader BENCH_PASSWORD=bench-password-1 \
//     node e2e/bench.mjs
// Other settings: GIAOBAN_BIN (default ../build/src/giaoban), BENCH_WEB_ROOT (default web/dist),
// CHROMIUM (default /usr/bin/chromium), BENCH_RUNS (5), BENCH_CHANGES (10),
// BENCH_JSON=file (also write the figures as JSON).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '..');
const repoDir = path.resolve(webDir, '..');

const USER = process.env.BENCH_USER || 'bench.leader';
const PASSWORD = process.env.BENCH_PASSWORD || 'bench-password-1';
const RUNS = Number(process.env.BENCH_RUNS || 5);
const CHANGES = Number(process.env.BENCH_CHANGES || 10);
const FIGURES = '.dash-card-overdue a[data-figure="overdue"]';

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const kb = (bytes) => (bytes / 1024).toFixed(1);
const ms = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');

// ------------------------------------------------------------------------------------------------
// The server: BENCH_URL, or our own on a copy of BENCH_DB.

async function startServer() {
  const bin = process.env.GIAOBAN_BIN || path.join(repoDir, 'build/src/giaoban');
  const webRoot = path.resolve(process.env.BENCH_WEB_ROOT || path.join(webDir, 'dist'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-webbench-'));
  const copy = path.join(tmp, 'bench.db');
  const src = path.resolve(process.env.BENCH_DB);
  const t0 = Date.now();
  const backup = spawnSync(bin, ['--db', src, 'backup', '--out', copy], { encoding: 'utf8' });
  if (backup.status !== 0) throw new Error(`giaoban backup failed: ${backup.stderr}`);
  console.error(`[bench] copied ${src} to ${copy} in ${Date.now() - t0} ms`);
  const child = spawn(bin, ['--db', copy, 'serve', '--listen', '127.0.0.1:0', '--web-root', webRoot], {
    cwd: tmp,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address from giaoban serve:\n${log}`)), 60_000);
    const onData = (c) => {
      log += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stderr.on('data', onData);
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`giaoban serve exited (${code}):\n${log}`)));
  });
  child.stderr.removeAllListeners('data');
  child.stdout.removeAllListeners('data');
  child.stderr.resume();
  child.stdout.resume();
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await done;
      clearTimeout(t);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  return { url, stop };
}

// ------------------------------------------------------------------------------------------------

function launch() {
  return launchChromium();
}

async function newContext(browser, baseURL) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(60_000);
  const res = await context.request.post('/api/v1/auth/login', { data: { username: USER, password: PASSWORD } });
  if (res.status() !== 200) throw new Error(`login of ${USER}: ${res.status()} ${await res.text()}`);
  return context;
}

/** (a) and (b): one cold load of the dashboard. */
async function coldDashboard(browser, baseURL) {
  const context = await newContext(browser, baseURL);
  await context.addInitScript((sel) => {
    const mark = () => {
      if (window.__figuresAt === undefined && document.querySelector(sel)) {
        window.__figuresAt = performance.now();
        return true;
      }
      return false;
    };
    new MutationObserver((_, o) => mark() && o.disconnect()).observe(document, { childList: true, subtree: true });
  }, FIGURES);
  const page = await context.newPage();
  const assets = [];
  let figuresShown = false;
  let statsRequested = false;
  const requestedBeforeStats = new Set();
  page.on('request', (req) => {
    if (req.url().includes('/api/v1/stats')) statsRequested = true;
    else if (!statsRequested) requestedBeforeStats.add(req);
  });
  page.on('requestfinished', async (req) => {
    const type = req.resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    const beforeFigures = !figuresShown;
    try {
      const sizes = await req.sizes();
      const resp = await req.response();
      assets.push({
        url: req.url().replace(baseURL, ''),
        type,
        encoded: sizes.responseBodySize,
        encoding: (await resp?.headerValue('content-encoding')) || 'identity',
        beforeFigures,
        beforeStats: requestedBeforeStats.has(req),
      });
    } catch {
      /* the page was closed */
    }
  });
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto('/', { waitUntil: 'commit' });
  await page.waitForSelector(FIGURES, { state: 'attached' });
  figuresShown = true;
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      figures: window.__figuresAt,
      ttfb: nav.responseStart,
      domContentLoaded: nav.domContentLoadedEventEnd,
      stats: performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/v1/stats'))
        .map((e) => ({ start: e.startTime, end: e.responseEnd }))[0],
      // When the main steps finished (ms after navigation start).
      steps: Object.fromEntries(
        [
          ['main script', /\/assets\/index-[^/]*\.js$/],
          ['GET /me', /\/api\/v1\/me$/],
          ['dashboard chunk', /\/assets\/DashboardPage-[^/]*\.js$/],
          ['chart chunk', /\/assets\/TrendChart-[^/]*\.js$/],
          ['GET /stats (first)', /\/api\/v1\/stats\?/],
        ].map(([name, re]) => {
          const e = performance.getEntriesByType('resource').find((r) => re.test(r.name));
          return [name, e ? e.responseEnd : null];
        }),
      ),
    };
  });
  await page.waitForLoadState('networkidle');
  await context.close();
  return { ...timing, assets, consoleErrors };
}

/** In-page helpers for (c): the time from the change event to the rows being rendered. */
function installListProbe() {
  const w = window;
  w.__t0 = undefined;
  document.addEventListener(
    'click',
    (e) => {
      if (e.target instanceof Element && e.target.closest('.ant-select-item-option')) w.__t0 = e.timeStamp;
    },
    true,
  );
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && e.target instanceof HTMLInputElement) w.__t0 = e.timeStamp;
    },
    true,
  );
  w.__listSignature = () => {
    const total = [...document.querySelectorAll('.page-header .ant-typography')].map((n) => n.textContent).join('|');
    const rows = [...document.querySelectorAll('.task-table tbody tr.ant-table-row')]
      .map((tr) => tr.getAttribute('data-row-key'))
      .join(',');
    const empty = document.querySelector('.task-table .ant-empty') ? 'empty' : '';
    return `${total}#${rows}#${empty}`;
  };
  w.__awaitRows = (before) =>
    new Promise((resolve) => {
      const check = () => {
        if (w.__t0 === undefined) return false;
        if (document.querySelector('.task-table .ant-spin-spinning')) return false;
        if (w.__listSignature() === before) return false;
        const rendered = performance.now();
        requestAnimationFrame(() => {
          const painted = performance.now();
          const api = performance
            .getEntriesByType('resource')
            .filter((e) => e.name.includes('/api/v1/tasks?') && e.startTime >= w.__t0)
            .pop();
          resolve({
            rendered: rendered - w.__t0,
            painted: painted - w.__t0,
            api: api ? api.responseEnd - api.startTime : null,
            apiStart: api ? api.startTime - w.__t0 : null,
            apiEnd: api ? api.responseEnd - w.__t0 : null,
            url: api ? api.name : null,
          });
        });
        return true;
      };
      const obs = new MutationObserver(() => check() && obs.disconnect());
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      if (check()) obs.disconnect();
    });
}

async function measureChange(page, act) {
  await page.evaluate(() => {
    window.__t0 = undefined;
  });
  const before = await page.evaluate(() => window.__listSignature());
  const result = page.evaluate((b) => window.__awaitRows(b), before);
  await act();
  const r = await Promise.race([
    result,
    new Promise((_, reject) => setTimeout(() => reject(new Error('rows did not change within 30 s')), 30_000)),
  ]);
  await page.waitForLoadState('networkidle');
  return r;
}

async function taskList(browser, baseURL) {
  const context = await newContext(browser, baseURL);
  const page = await context.newPage();
  await page.goto('/tasks');
  await page.waitForSelector('.task-table tbody tr.ant-table-row');
  await page.waitForLoadState('networkidle');
  await page.evaluate(installListProbe);

  // Status: toggle options so that each change asks for a status set not asked before.
  const statusBox = page.locator('.filter-bar .ant-select:has(input[aria-label="Trạng thái"])');
  const labels = ['Quá hạn', 'Đang thực hiện trong hạn', 'Hoàn thành trễ hạn', 'Hoàn thành đúng hạn', 'Đã hủy'];
  const toggles = [0, 1, 0, 2, 1, 3, 2, 4, 3, 0, 4, 1].slice(0, CHANGES); // add/remove: distinct sets
  const status = [];
  for (const i of toggles) {
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await statusBox.click();
    const option = page.locator('.ant-select-dropdown:visible').getByTitle(labels[i], { exact: true });
    await option.waitFor();
    status.push(await measureChange(page, () => option.click()));
  }
  await page.keyboard.press('Escape');

  // Search: distinct words without diacritics, applied with Enter (no typing debounce).
  await page.goto('/tasks');
  await page.waitForSelector('.task-table tbody tr.ant-table-row');
  await page.waitForLoadState('networkidle');
  await page.evaluate(installListProbe);
  const words = ['duong', 'cau', 'ke hoach', 'bao cao', 'an toan', 'kiem tra', 'quy hoach', 'dau tu', 'sua chua', 'cang'];
  const search = page.getByLabel('Tìm theo tên, nội dung, số văn bản (không cần gõ dấu)');
  const searches = [];
  for (const w of words.slice(0, CHANGES)) {
    await search.fill(w);
    searches.push(await measureChange(page, () => search.press('Enter')));
  }
  const total = await page.evaluate(() => document.querySelector('.page-header .ant-typography.ant-typography-secondary')?.textContent);
  await context.close();
  return { status, searches, lastTotal: total };
}

async function main() {
  let baseURL = process.env.BENCH_URL;
  let server = null;
  if (!baseURL) {
    if (!process.env.BENCH_DB) throw new Error('set BENCH_URL (a running server) or BENCH_DB (a database to serve a copy of)');
    server = await startServer();
    baseURL = server.url;
  }
  baseURL = baseURL.replace(/\/$/, '');
  const browser = await launch();
  try {
    const tasksTotal = await (async () => {
      const ctx = await newContext(browser, baseURL);
      const r = await ctx.request.get('/api/v1/stats');
      const s = await r.json();
      await ctx.close();
      return s.total + s.cancelled;
    })();
    const loadBefore = os.loadavg()[0];
    console.error(`[bench] ${baseURL}, ${tasksTotal} tasks, chromium ${browser.version()}, load average ${loadBefore.toFixed(2)} on ${os.cpus().length} CPUs`);

    const loads = [];
    for (let i = 0; i < RUNS; i++) loads.push(await coldDashboard(browser, baseURL));
    const list = await taskList(browser, baseURL);

    const first = loads[0];
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    const before = first.assets.filter((a) => a.beforeFigures);
    const bytesBefore = sum(before.map((a) => a.encoded));
    const bytesAll = sum(first.assets.map((a) => a.encoded));
    const jsBefore = sum(before.filter((a) => a.type === 'script').map((a) => a.encoded));
    const cssBefore = sum(before.filter((a) => a.type === 'stylesheet').map((a) => a.encoded));
    const needed = first.assets.filter((a) => a.beforeStats);
    const bytesNeeded = sum(needed.map((a) => a.encoded));
    const uncompressed = first.assets.filter((a) => a.encoding === 'identity' && a.encoded > 1024);

    const rows = [
      ['tasks in the database', String(tasksTotal), '', ''],
      [
        '(a) dashboard cold load → figures shown (ms)',
        ms(median(loads.map((l) => l.figures))),
        `runs: ${loads.map((l) => ms(l.figures)).join(', ')}`,
        '< 1000',
      ],
      ['    of which: first byte of index.html (ms)', ms(median(loads.map((l) => l.ttfb))), '', ''],
      ['    of which: DOMContentLoaded (ms)', ms(median(loads.map((l) => l.domContentLoaded))), '', ''],
      [
        '    of which: /stats request (ms)',
        ms(median(loads.filter((l) => l.stats).map((l) => l.stats.end - l.stats.start))),
        '',
        '',
      ],
      [
        '(b) JS+CSS transferred until figures (KB)',
        kb(bytesBefore),
        `JS ${kb(jsBefore)} + CSS ${kb(cssBefore)}, ${before.length} files`,
        '< 400',
      ],
      ['    of which requested before the dashboard asked for /stats (KB)', kb(bytesNeeded), `${needed.length} files; the rest is lazy (e.g. the chart)`, ''],
      ['    JS+CSS transferred until network idle (KB)', kb(bytesAll), `${first.assets.length} files`, ''],
      ...[
        ['status change', list.status],
        ['search (Enter)', list.searches],
      ].map(([name, xs]) => [
        `(c) task list: ${name} → rows (ms, median)`,
        ms(median(xs.map((r) => r.rendered))),
        `request sent +${ms(median(xs.map((r) => r.apiStart ?? NaN)))}, answer +${ms(median(xs.map((r) => r.apiEnd ?? NaN)))} (API ${ms(median(xs.map((r) => r.api ?? NaN)))}), painted +${ms(median(xs.map((r) => r.painted)))}; max ${ms(Math.max(...xs.map((r) => r.rendered)))}`,
        '< 200',
      ]),
    ];
    for (const step of Object.keys(first.steps)) {
      const xs = loads.map((l) => l.steps[step]).filter((x) => x !== null);
      rows.splice(rows.length - 5, 0, [`    step: ${step} received at (ms)`, ms(median(xs)), '', '']);
    }
    const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['measure', 'value', 'detail', 'target'][i].length));
    const line = (r) => `| ${r.map((c, i) => (i === 1 ? c.padStart(w[i]) : c.padEnd(w[i]))).join(' | ')} |`;
    console.log(line(['measure', 'value', 'detail', 'target']));
    console.log(`|${w.map((x) => '-'.repeat(x + 2)).join('|')}|`);
    for (const r of rows) console.log(line(r));
    console.log(`\nload average (1 min) before/after: ${loadBefore.toFixed(2)} / ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} CPUs (other work on the machine inflates the times)`);
    console.log('\nJS/CSS files of the first page (encoded bytes as transferred):');
    for (const a of [...first.assets].sort((x, y) => y.encoded - x.encoded)) {
      console.log(`  ${a.beforeFigures ? '*' : ' '}${a.beforeStats ? 's' : ' '} ${kb(a.encoded).padStart(7)} KB  ${a.encoding.padEnd(8)} ${a.url}`);
    }
    console.log('  (* = loaded before the figures were shown; s = requested before /stats)');
    if (uncompressed.length) console.log(`WARNING: served without compression: ${uncompressed.map((a) => a.url).join(', ')}`);
    const errors = loads.flatMap((l) => l.consoleErrors);
    if (errors.length) console.log(`WARNING: console errors: ${[...new Set(errors)].join(' | ')}`);
    if (process.env.BENCH_JSON) {
      fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify({ baseURL, tasksTotal, loads, list }, null, 2));
    }
  } finally {
    await browser.close();
    if (server) await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
