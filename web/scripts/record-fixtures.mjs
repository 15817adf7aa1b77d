// Records the API answers that the component tests feed to the pages, from the real server:
// a scratch SQLite database in a temp dir, the demo agency loaded for a fixed day, `giaoban serve`
// on a free loopback port, the demo accounts logged in, then each answer written under
// src/test/ (apiFixtures.json, fixtures/organizations.json, fixtures/stats-report-2026-10.json,
// fixtures/consolidated-report.json, fixtures/issued-reports.json, fixtures/imports.json).
//
//   npm run fixtures                       # build/src/giaoban, or GIAOBAN_BIN
//   node scripts/record-fixtures.mjs --bin PATH [--keep]
//
// The files come out the same on every run: the demo is deterministic for a given day, every
// date-dependent request names that day (as_of) or a reporting period ended before it, the keys
// are sorted, and what depends on the
// moment of the run is replaced: the CSRF token by "csrf-test", and the timestamps (*_at, in
// milliseconds; the demo records everything at the moment it is loaded) by 09:00 of the business
// date they belong to, so that a report and its history entry still fall together.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

// The demo's today. Its history runs for the year before this day; the tests' expectations
// (overdue tasks, extensions, the 2026 figures) are about this state.
const TODAY = '2026-11-24';
const PASSWORD = 'giaoban2024';
const CSRF = 'csrf-test';
// Only an administrator of the top-level organisation (the province, id 1 in the demo) sets the
// working-day calendar, and the demo has none: the recording adds one.
const PROVINCE_ADMIN = 'tinh.admin';
// The report settings the demo's administrator saves: the cut-off convention, the planning
// division consolidating, two signers (the director, and a deputy signing for him).
const REPORT_SETTINGS = {
  period_convention: 'cutoff_14th',
  due_working_days: 5,
  consolidating_org_id: 4,
  agency_code: 'SGTVT',
  place_name: 'Quảng Ngãi',
  parent_line: 'UBND TỈNH QUẢNG NGÃI',
  agency_line: 'SỞ GIAO THÔNG VẬN TẢI',
  recipients: ['UBND tỉnh (b/c);', 'Giám đốc, các Phó Giám đốc Sở;', 'Lưu: VT, KHTC.'],
  document_types: [
    { name: 'Báo cáo', code: 'BC' },
    { name: 'Thông báo', code: 'TB' },
    { name: 'Kế hoạch', code: 'KH' },
  ],
  signers: [
    { person_id: 1, authority: '', title: 'GIÁM ĐỐC' },
    { person_id: 2, authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' },
  ],
};

// The month before the demo's today, whose reports the units write, and what the unit writes.
const UNIT_REPORT_PERIOD = '2026-10';
const UNIT_REPORT_PROSE = {
  highlights: 'Hoàn thành kiểm tra 12 cầu yếu trên tuyến ĐT.623.',
  shortcomings: 'Một số hồ sơ quyết toán còn chậm do thiếu nhân lực.',
  difficulties: 'Kinh phí duy tu chưa được bố trí đủ.',
  proposals: 'Đề nghị bổ sung kinh phí sửa chữa cầu Trà Khúc.',
  next_period: 'Triển khai kế hoạch bảo trì quý IV.',
};
const UNIT_REPORT_RETURN_COMMENT = 'Đề nghị bổ sung số liệu cầu yếu đã xử lý.';
// What the consolidating division writes as the consolidated report's own text for that month.
const REPORT_DRAFT_PROSE = {
  highlights: 'Các nhiệm vụ trọng tâm của UBND tỉnh giao đều hoàn thành đúng hạn.',
  shortcomings: 'Còn nhiệm vụ quá hạn do chờ ý kiến của các sở, ngành.',
  difficulties: 'Kinh phí duy tu, sửa chữa cầu yếu chưa được bố trí đủ.',
  proposals: 'Đề nghị UBND tỉnh bổ sung kinh phí sửa chữa cầu Trà Khúc.',
  next_period: 'Tập trung hoàn thành các nhiệm vụ quá hạn.',
};

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const testDir = path.join(webDir, 'src/test');

function option(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const bin = path.resolve(option('--bin') ?? process.env.GIAOBAN_BIN ?? path.join(webDir, '../build/src/giaoban'));
const keep = process.argv.includes('--keep');

function startServer(db, cwd) {
  const child = spawn(bin, ['--db', db, 'serve', '--listen', '127.0.0.1:0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`giaoban serve gave no address in 15 s:\n${log.join('')}`)), 15_000);
    const onData = (chunk) => {
      log.push(chunk.toString('utf8'));
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log.join(''));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`giaoban serve exited (${code}):\n${log.join('')}`));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, stop };
}

/** One logged-in account: its cookie, its CSRF token and its login answer. */
async function logIn(base, username) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'vi' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('gb_session='));
  const login = await res.json();
  return { username, cookie, csrf: login.csrf_token, login };
}

/** Sends one request as `session` (none: anonymous) and checks the status the recording expects. */
async function call(base, session, method, url, { body, raw, headers = {}, status = 200 } = {}) {
  const res = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: {
      Accept: 'application/json',
      'Accept-Language': 'vi',
      ...(session ? { Cookie: session.cookie } : {}),
      ...(session && method !== 'GET' ? { 'X-CSRF-Token': session.csrf } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  if (res.status !== status) {
    throw new Error(`${method} ${url} as ${session?.username ?? 'anonymous'}: expected ${status}, got ${res.status} ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

async function record(base) {
  const [leader, specialist, unitHead, admin, provinceAdmin] = await Promise.all(
    ['giamdoc', 'cv.lan', 'tp.qlkcht', 'admin', PROVINCE_ADMIN].map((u) => logIn(base, u)),
  );
  const get = (session, url, status) => call(base, session, 'GET', url, { status });
  const asOf = `as_of=${TODAY}`;
  const stale = { 'If-Match': '"0"' };

  const api = {
    leaderMe: await get(leader, '/me'),
    specialistMe: await get(specialist, '/me'),
    unitHeadMe: await get(unitHead, '/me'),
    adminMe: await get(admin, '/me'),
    specialistLogin: specialist.login,

    task89: await get(leader, `/tasks/89?${asOf}`),
    history89: await get(leader, `/tasks/89/history?${asOf}`),
    task43specialist: await get(specialist, `/tasks/43?${asOf}`),
    taskPage: await get(leader, `/tasks?${asOf}&page_size=5`),
    people: await get(leader, '/people'),
    users: await get(admin, '/users'),
    sources: await get(leader, '/sources'),
    source5: await get(leader, '/sources/5'),
    source5Tasks: await get(leader, `/tasks?source=5&sort=id&page=1&page_size=20&${asOf}`),

    // The server's refusals, in Vietnamese, for the error paths of the pages.
    meSignedOut: await get(null, '/me', 401),
    loginRefused: await call(base, null, 'POST', '/auth/login', {
      body: { username: 'cv.lan', password: 'mat-khau-sai' },
      status: 401,
    }),
    usersForbidden: await get(specialist, '/users', 403),
    sourceNotFound: await get(leader, '/sources/9999', 404),
    passwordWrong: await call(base, specialist, 'POST', '/me/password', {
      body: { old_password: 'mat-khau-sai', new_password: 'mat-khau-moi-2026' },
      status: 422,
    }),
    personStale: await call(base, admin, 'PATCH', '/people/17', { body: { position: 'Phó trưởng phòng' }, headers: stale, status: 412 }),
    sourceStale: await call(base, leader, 'PATCH', '/sources/5', { body: { title: 'Công văn 512' }, headers: stale, status: 412 }),
    taskStale: await call(base, leader, 'PATCH', '/tasks/89', { body: { product: 'Báo cáo' }, headers: stale, status: 412 }),
    progressForbidden: await call(base, specialist, 'POST', '/tasks/89/updates', {
      body: { reported_on: TODAY, body: 'Đã kiểm tra hiện trường.' },
      status: 403,
    }),
    cancelCompleted: await call(base, leader, 'POST', '/tasks/4/cancel', {
      body: { kind: 'cancelled', cancelled_on: TODAY, reason: 'Không còn phù hợp' },
      status: 409,
    }),
    calendar2026: await get(specialist, '/calendar/2026'),
    calendar2031: await get(specialist, '/calendar/2031'),
    // The demo's administrator is the department's, not the province's.
    calendarForbidden: await call(base, admin, 'PUT', '/calendar/2026', { body: { days: [] }, headers: stale, status: 403 }),
    calendarStale: await call(base, provinceAdmin, 'PUT', '/calendar/2026', { body: { days: [] }, headers: { 'If-Match': '"7"' }, status: 412 }),
    calendarInvalid: await call(base, provinceAdmin, 'PUT', '/calendar/2026', {
      body: {
        days: [
          { date: '2027-01-01', working: false, name: 'Tết Dương lịch' },
          { date: '2026-05-04', working: true, name: '' },
        ],
      },
      headers: stale,
      status: 422,
    }),
    // The demo agency's settings, as everyone in it reads them; the province has set none of its
    // own, so its administrator reads the defaults.
    reportSettingsDemo: await get(specialist, '/report-settings'),
    provinceAdminMe: await get(provinceAdmin, '/me'),
    reportSettingsDefaults: await get(provinceAdmin, '/report-settings'),
    reportSettingsStale: await call(base, admin, 'PUT', '/report-settings', {
      body: REPORT_SETTINGS,
      headers: { 'If-Match': '"7"' },
      status: 412,
    }),
  };
  const settingsVersion = { 'If-Match': `"${api.reportSettingsDemo.version}"` };
  // What only the server can tell: the province is not a division of the agency, and no
  // person 9999 works in it.
  api.reportSettingsInvalid = await call(base, admin, 'PUT', '/report-settings', {
    body: { ...REPORT_SETTINGS, consolidating_org_id: 1, signers: [{ person_id: 9999, authority: '', title: 'GIÁM ĐỐC' }] },
    headers: settingsVersion,
    status: 422,
  });

  const organizations = await get(leader, '/organizations');
  // The dashboard's figures: the report's on the month whose units' reports and consolidated
  // report are recorded below, counted to its last day (the period has ended, so the answer does
  // not depend on the day of the recording), as the consolidated report counts them.
  const stats = await get(leader, `/stats?report_period=${UNIT_REPORT_PERIOD}`);

  // Changes last, so that everything above shows the demo as loaded.
  api.sourceCreated = await call(base, leader, 'POST', '/sources', {
    body: { kind: 'ad_hoc', title: 'Công văn về việc kiểm tra cầu yếu', doc_number: '4780/UBND-KTN', doc_date: TODAY, issuer: 'UBND tỉnh Quảng Ngãi' },
    status: 201,
  });
  const created = await call(base, unitHead, 'POST', '/tasks', {
    body: { source_id: 5, title: 'Kiểm tra tải trọng cầu trên tuyến ĐT.623', lead_org_id: 5, assigned_on: TODAY, deadline: null },
    status: 201,
  });
  // The creation answers with the task as of the real today; the same task as of the fixed day
  // keeps the file the same from run to run.
  api.taskCreated = await get(unitHead, `/tasks/${created.id}?${asOf}`);
  await call(base, leader, 'POST', '/tasks/89/explanations', {
    body: { question: 'Đề nghị Thanh tra Sở báo cáo lý do chậm trễ và thời hạn hoàn thành.', requested_on: TODAY },
    status: 201,
  });
  api.task89Explaining = await get(leader, `/tasks/89?${asOf}`);
  api.calendar2026Edited = await call(base, provinceAdmin, 'PUT', '/calendar/2026', {
    body: { days: [...api.calendar2026.days, { date: '2026-12-31', working: false, name: 'Nghỉ cuối năm' }] },
    headers: stale,
  });
  api.calendar2026Reset = await call(base, provinceAdmin, 'DELETE', '/calendar/2026', {
    headers: { 'If-Match': `"${api.calendar2026Edited.version}"` },
  });
  Object.assign(api, await recordUnitReports(base, { specialist, unitHead }));
  const consolidated = await recordConsolidatedReport(base, { leader, specialist });
  api.reportSettingsSaved = await call(base, admin, 'PUT', '/report-settings', { body: REPORT_SETTINGS, headers: settingsVersion });
  api.passwordChanged = await call(base, specialist, 'POST', '/me/password', {
    body: { old_password: PASSWORD, new_password: 'mat-khau-moi-2026' },
  });
  const issued = await recordIssuedReports(base, { leader, unitHead });
  // Last: confirming an import writes tasks.
  const imports = await recordImports(base, { specialist });
  // The seal replaced by the administrator, and an opaque image refused.
  api.reportImageSet = await callPng(base, admin, '/report-settings/seal', png(120, 120, ringPixel(120)));
  api.reportImageRefused = await callPng(base, admin, '/report-settings/seal', png(40, 20, () => [255, 255, 255, 255]), 422);

  return {
    'apiFixtures.json': api,
    'fixtures/organizations.json': organizations,
    'fixtures/stats-report-2026-10.json': stats,
    'fixtures/consolidated-report.json': consolidated,
    'fixtures/issued-reports.json': issued,
    'fixtures/imports.json': imports,
  };
}

/** Sends a PNG file as the body of a PUT, as the settings page uploads an image. */
async function callPng(base, session, url, body, status = 200) {
  return call(base, session, 'PUT', url, { raw: body, headers: { 'Content-Type': 'image/png' }, status });
}

// CRC-32 as PNG computes it (ISO 3309), over the chunk's type and data.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** An 8-bit RGBA PNG file, each pixel [r, g, b, a] as `pixel(x, y)` gives it. */
function png(width, height, pixel) {
  const rows = [];
  for (let y = 0; y < height; y++) {
    rows.push(Buffer.from([0]));
    for (let x = 0; x < width; x++) rows.push(Buffer.from(pixel(x, y)));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A red ring on a transparent ground, `size` pixels across: a seal. */
const ringPixel = (size) => (x, y) => {
  const r2 = (x - size / 2) ** 2 + (y - size / 2) ** 2;
  const outer = size / 2 - 2;
  return r2 <= outer ** 2 && r2 >= (outer - size / 10) ** 2 ? [210, 20, 20, 230] : [0, 0, 0, 0];
};

/**
 * The units' monthly reports under the demo's settings (calendar months, due three working days
 * after): the board, a preview with a restricted task, and one report taken through every step.
 * The server has no fixed today of its own when serving, so the days it stamps the steps with (and
 * the board's today) are the real today, written here as the demo's; the working days late of the
 * units that have not reported yet follow the real today all the same.
 */
async function recordUnitReports(base, { specialist, unitHead }) {
  const [consolidator, otherHead] = await Promise.all(['khtc', 'tp.qlvt'].map((u) => logIn(base, u)));
  const post = (session, url, body, options = {}) => call(base, session, 'POST', url, { body, ...options });
  const version = (r) => ({ 'If-Match': `"${r.version}"` });
  const open = { organization_id: 5, period: UNIT_REPORT_PERIOD };
  const out = {};
  out.unitReportBoard = await call(base, consolidator, 'GET', `/unit-reports?period=${UNIT_REPORT_PERIOD}`);
  out.unitReportBoardSpecialist = await call(base, specialist, 'GET', `/unit-reports?period=${UNIT_REPORT_PERIOD}`);
  out.unitReportPreview = await post(specialist, '/unit-reports', open);
  // The inspectorate's restricted task, which a specialist of another division may not read.
  out.unitReportHiddenTask = await post(specialist, '/unit-reports', { organization_id: 8, period: '2026-03' });
  const draft = await post(unitHead, '/unit-reports', open);
  out.unitReportDraft = draft;
  out.unitReportSaved = await call(base, unitHead, 'PUT', `/unit-reports/${draft.id}`, { body: UNIT_REPORT_PROSE, headers: version(draft) });
  out.unitReportStale = await call(base, unitHead, 'PUT', `/unit-reports/${draft.id}`, { body: UNIT_REPORT_PROSE, headers: version(draft), status: 412 });
  out.unitReportSubmitted = await post(unitHead, `/unit-reports/${draft.id}/submit`, {}, { headers: version(out.unitReportSaved) });
  out.unitReportSubmittedConsolidator = await call(base, consolidator, 'GET', `/unit-reports/${draft.id}`);
  out.unitReportLocked = await call(base, unitHead, 'PUT', `/unit-reports/${draft.id}`, {
    body: UNIT_REPORT_PROSE,
    headers: version(out.unitReportSubmitted),
    status: 409,
  });
  out.unitReportReturned = await post(consolidator, `/unit-reports/${draft.id}/return`, { comment: UNIT_REPORT_RETURN_COMMENT }, { headers: version(out.unitReportSubmitted) });
  out.unitReportReturnedHead = await call(base, unitHead, 'GET', `/unit-reports/${draft.id}`);
  const resubmitted = await post(unitHead, `/unit-reports/${draft.id}/submit`, {}, { headers: version(out.unitReportReturned) });
  out.unitReportAccepted = await post(consolidator, `/unit-reports/${draft.id}/accept`, {}, { headers: version(resubmitted) });
  out.unitReportBoardAfter = await call(base, consolidator, 'GET', `/unit-reports?period=${UNIT_REPORT_PERIOD}`);
  out.unitReportReminded = await post(consolidator, '/unit-reports/reminders', { organization_id: 6, period: UNIT_REPORT_PERIOD });
  out.noticesUnread = await call(base, otherHead, 'GET', '/notices');
  out.noticeRead = await post(otherHead, `/notices/${out.noticesUnread.items[0].id}/read`, {});
  out.noticesRead = await call(base, otherHead, 'GET', '/notices');
  // The real today, where the server stamped it, reads as the demo's day.
  const realToday = out.unitReportBoard.today;
  return JSON.parse(JSON.stringify(out).replaceAll(`"${realToday}"`, `"${TODAY}"`));
}

/**
 * The agency's consolidated report as it stands once the infrastructure division's report for the
 * month was accepted (the demo's other units at every stage): the month and a quarter (no units'
 * reports) as the consolidating division reads them; then, once the inspectorate has a restricted
 * task overdue in the month, the month as a specialist of another division reads it (the task
 * listed, its title not); and a period the server refuses. Under the demo's settings: calendar
 * months.
 */
async function recordConsolidatedReport(base, { leader, specialist }) {
  const consolidator = await logIn(base, 'khtc');
  const preview = (session, period, status) => call(base, session, 'GET', `/reports/preview?period=${period}`, { status });
  const out = {
    month: await preview(consolidator, UNIT_REPORT_PERIOD),
    quarter: await preview(consolidator, '2026-Q3'),
  };
  await call(base, leader, 'POST', '/tasks', {
    body: {
      source_id: 5,
      title: 'Xác minh đơn phản ánh về việc thu phí kiểm định',
      lead_org_id: 8,
      restricted: true,
      assigned_on: `${UNIT_REPORT_PERIOD}-05`,
      deadline: `${UNIT_REPORT_PERIOD}-20`,
    },
    status: 201,
  });
  out.monthSpecialist = await preview(specialist, UNIT_REPORT_PERIOD);
  out.invalid = await preview(consolidator, '2026-M12', 422);
  // The day the recording submitted a report on is the real today: written as the demo's.
  const realToday = (await call(base, consolidator, 'GET', `/unit-reports?period=${UNIT_REPORT_PERIOD}`)).today;
  return JSON.parse(JSON.stringify(out).replaceAll(`"${realToday}"`, `"${TODAY}"`));
}

/**
 * The consolidated report's own text and its issue, once the settings name the signers (and the
 * cut-off convention: October 2026 is 15/9 to 14/10): the month's preview with the units' text
 * merged, the division's text saved and a save from the version it replaced refused, a unit head
 * refused; the number the issue dialog shows, the issue, a second issue of the period refused, a
 * signer who is not one refused; a task it listed overdue then recorded as completed in the period,
 * the replacement, the first report as it then reads (replaced), the year's list and an id that
 * is none; and what changed since the report before each.
 */
async function recordIssuedReports(base, { leader, unitHead }) {
  const consolidator = await logIn(base, 'khtc');
  const period = UNIT_REPORT_PERIOD;
  const draft = { period, ...REPORT_DRAFT_PROSE };
  const put = (session, version, status) =>
    call(base, session, 'PUT', '/reports/draft', { body: draft, headers: { 'If-Match': `"${version}"` }, status });
  const issue = (body, status = 201) => call(base, consolidator, 'POST', '/reports/issued', { body: { period, ...body }, status });
  const out = {};
  out.draftPreview = await call(base, consolidator, 'GET', `/reports/preview?period=${period}`);
  out.draftSaved = await put(consolidator, out.draftPreview.draft_version);
  out.draftStale = await put(consolidator, out.draftPreview.draft_version, 412);
  out.draftForbidden = await put(unitHead, out.draftSaved.draft_version, 403);
  out.nextNumber = await call(base, consolidator, 'GET', '/reports/issued/next-number');
  out.issued = await issue({ signer_person_id: 2 });
  out.alreadyIssued = await issue({ signer_person_id: 2 }, 409);
  out.signerNotFound = await issue({ signer_person_id: 9999, replaces_id: out.issued.id }, 422);
  out.nextNumberAfter = await call(base, consolidator, 'GET', '/reports/issued/next-number');
  // Once the report was out, a task it listed overdue turned out completed on the period's last day.
  out.completedAfterIssue = await completeOverdueTask(base, leader, out.issued.report);
  out.replacement = await issue({ signer_person_id: 1, replaces_id: out.issued.id });
  out.issuedReplaced = await call(base, consolidator, 'GET', `/reports/issued/${out.issued.id}`);
  out.list = await call(base, consolidator, 'GET', `/reports/issued?year=${out.issued.issued_on.slice(0, 4)}`);
  out.notFound = await call(base, consolidator, 'GET', '/reports/issued/9999', { status: 404 });
  // What changed. The demo's September report since its August one, with both; October's
  // replacement since the report it replaced (the task completed meanwhile); the demo's August
  // replacement, issued the next day from the same data, since the report it replaced; the demo's
  // first report, which has none before it, with itself.
  const get = (url) => call(base, consolidator, 'GET', url);
  const demoReports = out.list.items.filter((r) => r.period !== period);
  out.changes = await get(`/reports/issued/${demoReports[0].id}/changes`);
  out.changesReport = await get(`/reports/issued/${demoReports[0].id}`);
  out.changesPrevious = await get(`/reports/issued/${out.changes.previous.id}`);
  out.changesOfReplacement = await get(`/reports/issued/${out.replacement.id}/changes`);
  out.changesOfSameData = await get(`/reports/issued/${out.changesPrevious.id}/changes`);
  out.changesOfFirst = await get(`/reports/issued/${demoReports.at(-1).id}/changes`);
  out.firstOfKind = await get(`/reports/issued/${demoReports.at(-1).id}`);
  // The day of the issue is the real today: written as the demo's.
  const realToday = out.issued.issued_on;
  return JSON.parse(JSON.stringify(out).replaceAll(`"${realToday}"`, `"${TODAY}"`));
}

/** The first task overdue in `report` that `leader` may complete, completed on the period's last day: its id. */
async function completeOverdueTask(base, leader, report) {
  for (const listed of report.overdue.filter((t) => !t.hidden)) {
    const task = await call(base, leader, 'GET', `/tasks/${listed.id}`);
    if (!task.permissions.complete) continue;
    await call(base, leader, 'POST', `/tasks/${listed.id}/complete`, {
      body: { completed_on: report.period_end, note: 'Đã hoàn thành trong kỳ, ghi nhận sau khi báo cáo ban hành.' },
    });
    return listed.id;
  }
  throw new Error(`no task overdue in the report of ${report.period} that ${leader.username} may complete`);
}

// The department's key program for 2027 as the planning division keeps it: two groups (Roman
// numerals), two lead units the server does not recognise in two rows ("Ban Điều phối dự án", the
// project board as one office calls it, and "Phòng Pháp chế", a unit no organisation of the agency is called) beside
// abbreviations it does know, a row whose cooperating bodies are outside the agency ("Công an
// tỉnh", "Sở Công Thương"), a deadline that leaves the year out ("Tháng 12"), a leader who is not
// one of its people, and a column it does not recognise ("Kinh phí").
const PROGRAM_ROWS = [
  ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Sản phẩm', 'Lãnh đạo phụ trách', 'Kinh phí (triệu đồng)'],
  ['I', 'LĨNH VỰC KẾT CẤU HẠ TẦNG GIAO THÔNG', '', '', '', '', '', ''],
  ['1', 'Sửa chữa, nâng cấp cầu Trà Khúc cũ', 'Ban Điều phối dự án', 'P. KHTC, Phòng QLKCHT', 'Quý II/2027', 'Báo cáo kết quả', 'Nguyễn Đức Hùng', '12.500'],
  ['2', 'Rà soát, đề xuất sửa đổi quy định về quản lý hành lang an toàn đường bộ', 'Phòng Pháp chế', 'Phòng QLKCHT', 'Tháng 6/2027', 'Tờ trình UBND tỉnh', 'Nguyễn Đức Hùng', ''],
  ['3', 'Lập kế hoạch bảo trì đường tỉnh năm 2028', 'QLKCHT', '', '30/09/2027', 'Kế hoạch', 'Ông Trưởng ban', '850'],
  ['II', 'LĨNH VỰC VẬN TẢI', '', '', '', '', '', ''],
  ['1', 'Rà soát mạng lưới tuyến vận tải hành khách cố định', 'QLVT', 'Thanh tra Sở', 'Thường xuyên', 'Báo cáo', '', ''],
  ['2', 'Kiểm tra điều kiện kinh doanh vận tải bằng xe ô tô', 'Phòng QLVT', 'Thanh tra Sở, Công an tỉnh, Sở Công Thương', 'Tháng 12', 'Báo cáo', 'Lê Thị Thu Hà', ''],
];

/** Rows as a CSV file the way Excel saves "CSV UTF-8" in Việt Nam: a BOM, semicolons, quotes where needed. */
function csvFile(rows) {
  const cell = (v) => (/[";\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return Buffer.from(`\ufeff${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`, 'utf8');
}

const xmlText = (v) => v.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** A zip of `files` ({ name: Buffer }), stored uncompressed. */
function zipFile(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1 January 1980
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    local.copy(entry, 8, 6, 30);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A workbook of `sheets` ([{ name, rows }]), every cell an inline string. */
function xlsxFile(sheets) {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const column = (i) => (i >= 26 ? column(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));
  const files = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('') +
      '</Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets>` +
      sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${pkg}">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      '</Relationships>',
  };
  sheets.forEach((s, i) => {
    const rows = s.rows
      .map(
        (r, y) =>
          `<row r="${y + 1}">` +
          r
            .map((v, x) => (v ? `<c r="${column(x)}${y + 1}" t="inlineStr"><is><t>${xmlText(v)}</t></is></c>` : ''))
            .join('') +
          '</row>',
      )
      .join('');
    files[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData>${rows}</sheetData></worksheet>`;
  });
  return zipFile(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Buffer.from(v, 'utf8')])));
}

/**
 * A work program imported by the planning division into a new source: the CSV file uploaded (its
 * two unknown lead units errors; its bodies outside the agency, unknown leader and unrecognised
 * column warned about), the rows with problems, a confirmation refused while rows are in error, a
 * column mapped, a choice from the version it replaced refused, the headings taken as parent tasks
 * and back, another year chosen for the program and back to the source's, the lead units chosen
 * one after the other, the confirmation, the import as it then reads, the same program saved again
 * (other bytes, the same rows), the program with a row added, the source's imports; a workbook whose first sheet is a cover
 * page, and its second sheet chosen; files refused (an old .xls, a CSV file with a quote left
 * open) and a specialist refused.
 */
async function recordImports(base, { specialist }) {
  const consolidator = await logIn(base, 'khtc');
  const out = { consolidatorMe: await call(base, consolidator, 'GET', '/me') };
  out.source = await call(base, consolidator, 'POST', '/sources', {
    body: {
      kind: 'key_program',
      title: 'Chương trình công tác trọng tâm năm 2027 của Sở Giao thông vận tải',
      doc_number: '15/CTr-SGTVT',
      doc_date: TODAY,
      issuer: 'Sở Giao thông vận tải tỉnh Quảng Ngãi',
    },
    status: 201,
  });
  const upload = (session, name, type, body, status = 201) =>
    call(base, session, 'POST', `/sources/${out.source.id}/imports?file_name=${encodeURIComponent(name)}`, {
      raw: body,
      headers: { 'Content-Type': type },
      status,
    });
  const program = csvFile(PROGRAM_ROWS);
  out.uploaded = await upload(consolidator, 'chuong-trinh-2027.csv', 'text/csv', program);
  const id = out.uploaded.import.id;
  const path = `/imports/${id}`;
  const choose = (version, body, status = 200) => call(base, consolidator, 'PATCH', path, { body, headers: { 'If-Match': `"${version}"` }, status });
  out.problemsOnly = await call(base, consolidator, 'GET', `${path}?problems_only=true`);
  out.secondPage = await call(base, consolidator, 'GET', `${path}?page=2&page_size=5`);
  out.hasErrors = await call(base, consolidator, 'POST', `${path}/confirm`, { headers: { 'If-Match': `"${out.uploaded.import.version}"` }, status: 422 });
  out.columnMapped = await choose(out.uploaded.import.version, { columns: [{ index: 7, field: 'note' }] });
  out.stale = await choose(out.uploaded.import.version, { groups_as: 'parents' }, 412);
  out.parents = await choose(out.columnMapped.import.version, { groups_as: 'parents' });
  out.labels = await choose(out.parents.import.version, { groups_as: 'labels' });
  out.yearChosen = await choose(out.labels.import.version, { year: 2028 });
  out.yearFromSource = await choose(out.yearChosen.import.version, { year: null });
  const organizations = (await call(base, consolidator, 'GET', '/organizations')).items;
  const unit = (code) => organizations.find((o) => o.code === code).id;
  out.unitFixed = await choose(out.yearFromSource.import.version, { unit_fixes: [{ written: 'Phòng Pháp chế', organization_id: unit('TTS') }] });
  out.allFixed = await choose(out.unitFixed.import.version, { unit_fixes: [{ written: 'Ban Điều phối dự án', organization_id: unit('BQLDA') }] });
  out.confirmed = await call(base, consolidator, 'POST', `${path}/confirm`, { headers: { 'If-Match': `"${out.allFixed.import.version}"` } });
  out.confirmedPreview = await call(base, consolidator, 'GET', path);
  // The program saved again from Excel on another computer: no byte order mark, LF line ends.
  const resaved = Buffer.from(program.toString('utf8').replace(/^\ufeff/, '').replaceAll('\r\n', '\n'), 'utf8');
  if (resaved.equals(program)) throw new Error('the program saved again has the same bytes');
  out.duplicate = await upload(consolidator, 'chuong-trinh-2027 (1).csv', 'text/csv', resaved);
  out.list = await call(base, consolidator, 'GET', `/sources/${out.source.id}/imports`);
  // The program with a row added at its end: its other rows are the source's tasks already.
  const added = [...PROGRAM_ROWS, ['3', 'Tổng kết công tác vận tải năm 2027', 'Phòng QLVT', '', 'Tháng 12', 'Báo cáo', '', '']];
  out.rowsAdded = await upload(consolidator, 'chuong-trinh-2027-bo-sung.csv', 'text/csv', csvFile(added));

  const workbook = xlsxFile([
    { name: 'Bìa', rows: [['SỞ GIAO THÔNG VẬN TẢI'], ['CHƯƠNG TRÌNH CÔNG TÁC TRỌNG TÂM NĂM 2027']] },
    { name: 'Chương trình', rows: PROGRAM_ROWS.map((r) => r.map((v) => v.replace('Phòng Pháp chế', 'Thanh tra Sở'))) },
  ]);
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  // Into a source of its own: in the first one, its rows would be the tasks imported already.
  out.workbookSource = await call(base, consolidator, 'POST', '/sources', {
    body: { kind: 'key_program', title: 'Chương trình công tác năm 2027 của Văn phòng Sở', issuer: 'Sở Giao thông vận tải tỉnh Quảng Ngãi' },
    status: 201,
  });
  out.workbook = await call(base, consolidator, 'POST', `/sources/${out.workbookSource.id}/imports?file_name=chuong-trinh-2027.xlsx`, {
    raw: workbook,
    headers: { 'Content-Type': xlsx },
    status: 201,
  });
  out.workbookSheetChosen = await call(base, consolidator, 'PATCH', `/imports/${out.workbook.import.id}`, {
    body: { sheet: 1 },
    headers: { 'If-Match': `"${out.workbook.import.version}"` },
  });
  // An Excel 97-2003 file begins with the compound file's signature.
  const legacy = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
  out.legacyXls = await upload(consolidator, 'chuong-trinh-2027.xls', 'application/vnd.ms-excel', legacy, 422);
  out.unclosedQuote = await upload(consolidator, 'chuong-trinh-loi.csv', 'text/csv', Buffer.from('STT;Nội dung nhiệm vụ\n1;"Sửa chữa cầu\n', 'utf8'), 422);
  out.forbidden = await upload(specialist, 'chuong-trinh-2027.csv', 'text/csv', program, 403);
  return out;
}

// The business date beside each timestamp; a timestamp without one stops the recording, so that a
// new one gets a rule here rather than a value that changes from run to run.
const DATE_OF_TIMESTAMP = {
  recorded_at: ['occurred_on', 'reported_on'],
  requested_at: ['requested_on'],
  decided_at: ['decided_on'],
  answered_at: ['answered_on'],
};
// A session lasts 12 hours; the fixed day's login is at 08:00.
const SESSION_EXPIRES_AT = Date.parse(`${TODAY}T20:00:00+07:00`);

// A notice, a unit report's opening and edits, and an import's upload and confirmation have no
// business date of their own: they happen on the day of the recording.
const dayOfRecording = (key, owner) =>
  (owner.kind === 'unit_report_reminder' && (key === 'created_at' || key === 'read_at')) ||
  (owner.file_kind !== undefined && (key === 'created_at' || key === 'confirmed_at')) ||
  (owner.entity === 'unit_report' && key === 'recorded_at' && !owner.occurred_on);

function stableTimestamp(key, owner) {
  if (key === 'expires_at') return SESSION_EXPIRES_AT;
  if (dayOfRecording(key, owner)) return Date.parse(`${TODAY}T09:00:00+07:00`);
  const date = (DATE_OF_TIMESTAMP[key] ?? []).map((k) => owner[k]).find((d) => typeof d === 'string');
  if (!date) throw new Error(`no business date for ${key} in ${JSON.stringify(owner).slice(0, 200)}`);
  return Date.parse(`${date}T09:00:00+07:00`);
}

/** Sorted keys, and the timestamps and the CSRF token made independent of the run. */
function normalise(value) {
  if (Array.isArray(value)) return value.map(normalise);
  if (!value || typeof value !== 'object') return value;
  const out = {};
  for (const key of Object.keys(value).sort()) {
    const v = value[key];
    if (key === 'csrf_token' && typeof v === 'string') out[key] = CSRF;
    else if (key.endsWith('_at') && typeof v === 'number') out[key] = stableTimestamp(key, value);
    else out[key] = normalise(v);
  }
  return out;
}

async function main() {
  if (!fs.existsSync(bin)) throw new Error(`giaoban binary not found at ${bin} (build it, or set GIAOBAN_BIN / --bin)`);
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-fixtures-'));
  const db = path.join(tempDir, 'fixtures.db');
  let server;
  try {
    const demo = spawnSync(bin, ['--db', db, 'demo', '--today', TODAY], { encoding: 'utf8', timeout: 120_000 });
    if (demo.status !== 0) throw new Error(`giaoban demo failed (${demo.status}):\n${demo.stdout}\n${demo.stderr}`);
    const userAdd = spawnSync(
      bin,
      ['--db', db, 'user', 'add', '--username', PROVINCE_ADMIN, '--role', 'admin', '--org', '1', '--name', 'Lâm Văn Quản', '--position', 'Chuyên viên', '--password-stdin'],
      { encoding: 'utf8', input: `${PASSWORD}\n`, timeout: 60_000 },
    );
    if (userAdd.status !== 0) throw new Error(`giaoban user add failed (${userAdd.status}):\n${userAdd.stdout}\n${userAdd.stderr}`);
    server = startServer(db, tempDir);
    const files = await record(await server.url);
    for (const [name, content] of Object.entries(files)) {
      const text = `${JSON.stringify(normalise(content), null, 2)}\n`;
      fs.writeFileSync(path.join(testDir, name), text);
      console.log(`${(text.length / 1024).toFixed(1).padStart(6)} KiB  src/test/${name}`);
    }
  } finally {
    await server?.stop();
    if (keep) console.log(`kept ${tempDir}`);
    else fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
