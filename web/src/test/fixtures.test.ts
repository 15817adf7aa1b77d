// The recorded answers (scripts/record-fixtures.mjs) still hold what the component tests rely on:
// after a re-recording, a failure here says which assumption the server's answers broke.
import { describe, expect, it } from 'vitest';
import type { ConsolidatedReport, ErrorBody, ImportPreview, ImportResult, IssuedReport, Me, ReportComparison, Statistics, Task } from '../api/types';
import fx from './apiFixtures.json';
import organizationList from './fixtures/organizations.json';
import consolidated from './fixtures/consolidated-report.json';
import imports from './fixtures/imports.json';
import issued from './fixtures/issued-reports.json';
import statsReport from './fixtures/stats-report-2026-10.json';

const DAY = '2026-11-24';

function timestamps(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) value.forEach((v) => timestamps(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k.endsWith('_at') && typeof v === 'number') out.push(v);
      else timestamps(v, out);
    }
  return out;
}

describe('recorded API answers', () => {
  it('are the demo accounts, with the test CSRF token', () => {
    const accounts: [Me, string, string][] = [
      [fx.leaderMe as Me, 'giamdoc', 'leader'],
      [fx.specialistMe as Me, 'cv.lan', 'specialist'],
      [fx.unitHeadMe as Me, 'tp.qlkcht', 'unit_head'],
      [fx.adminMe as Me, 'admin', 'admin'],
    ];
    for (const [me, username, role] of accounts) {
      expect(me).toMatchObject({ username, role, csrf_token: 'csrf-test', agency_id: 2 });
    }
    expect(fx.specialistMe.organization_id).toBe(fx.unitHeadMe.organization_id);
    expect(fx.specialistLogin.user.username).toBe('cv.lan');
  });

  it('show the tasks as of the fixed day, with the permissions the tests expect', () => {
    const task89 = fx.task89 as unknown as Task;
    expect(task89).toMatchObject({ id: 89, as_of: DAY, status: 'overdue', source_id: 5, lead_org: { name: 'Thanh tra Sở' } });
    expect(task89.extensions).toHaveLength(1);
    expect(task89.permissions).toMatchObject({ edit: true, cancel: true, complete: true, request_extension: false });
    const task43 = fx.task43specialist as unknown as Task;
    expect(task43).toMatchObject({ id: 43, as_of: DAY, status: 'in_progress' });
    expect(task43.assignees.map((a) => a.id)).toContain(fx.specialistMe.person_id);
    expect(task43.permissions).toMatchObject({ report_progress: true, request_extension: true, edit: false, cancel: false });
    expect(fx.history89.items.length).toBeGreaterThan(5);
    expect(fx.taskPage.total).toBeGreaterThan(fx.taskPage.items.length);
    expect(fx.source5Tasks.items.map((t) => t.id)).toContain(89);
    expect(fx.taskCreated).toMatchObject({ lead_org: { id: fx.unitHeadMe.organization_id }, source_id: 5, deadline: null });
    expect(fx.task89Explaining.explanations.at(-1)).toMatchObject({ requested_on: DAY, answer: null });
  });

  it('hold the reference lists the forms choose from', () => {
    const orgIds = organizationList.items.map((o) => o.id);
    expect(orgIds).toEqual(expect.arrayContaining([2, 3, 4, 5, 8]));
    expect(fx.people.items.every((p) => orgIds.includes(p.organization_id))).toBe(true);
    expect(fx.users.items.map((u) => u.username)).toEqual(expect.arrayContaining(['giamdoc', 'cv.lan', 'admin']));
    expect(fx.sources.items.find((s) => s.id === 5)).toMatchObject(fx.source5);
  });

  it('carry the server’s refusals in Vietnamese', () => {
    const refusals: [unknown, string][] = [
      [fx.loginRefused, 'invalid_credentials'],
      [fx.usersForbidden, 'forbidden'],
      [fx.sourceNotFound, 'not_found'],
      [fx.passwordWrong, 'validation_failed'],
      [fx.personStale, 'precondition_failed'],
      [fx.sourceStale, 'precondition_failed'],
      [fx.taskStale, 'precondition_failed'],
      [fx.progressForbidden, 'forbidden'],
      [fx.cancelCompleted, 'task_already_completed'],
      [fx.calendarForbidden, 'forbidden'],
      [fx.calendarStale, 'precondition_failed'],
      [fx.calendarInvalid, 'validation_failed'],
      [fx.reportSettingsStale, 'precondition_failed'],
      [fx.reportSettingsInvalid, 'validation_failed'],
      [fx.reportImageRefused, 'validation_failed'],
    ];
    for (const [body, code] of refusals) {
      const error = body as ErrorBody;
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    }
    expect(fx.passwordWrong.fields).toEqual([{ field: 'old_password', code: 'wrong' }]);
  });

  it('hold the working-day calendars the calendar page shows', () => {
    expect(fx.calendar2026).toMatchObject({ year: 2026, origin: 'announced', version: 0 });
    expect(fx.calendar2026.days.find((d) => d.working)).toEqual({ date: '2026-01-10', working: true, name: 'Làm bù' });
    expect(fx.calendar2031).toMatchObject({ year: 2031, origin: 'statutory', version: 0 });
    expect(fx.calendar2026Edited).toMatchObject({ origin: 'edited', version: 1, days: [...fx.calendar2026.days, expect.anything()] });
    expect(fx.calendar2026Reset).toEqual(fx.calendar2026);
    expect(fx.calendarInvalid.fields.map((f) => f.code).sort()).toEqual(['name_required', 'not_a_weekend', 'outside_year']);
  });

  it('hold the report settings the report settings page shows', () => {
    // The demo agency's own settings; the province set none, so its administrator reads the defaults.
    expect(fx.reportSettingsDemo).toMatchObject({ agency_id: 2, version: 1, period_convention: 'calendar_month', agency_code: 'SGTVT', consolidating_org_id: 4 });
    expect(fx.reportSettingsDemo.signers.map((s) => s.full_name)).toEqual(['Trần Quốc Bảo', 'Nguyễn Đức Hùng']);
    expect(fx.reportSettingsDefaults).toMatchObject({ agency_id: fx.provinceAdminMe.agency_id, version: 0, period_convention: 'calendar_month', consolidating_org_id: null, signers: [] });
    expect(fx.reportSettingsDefaults.agency_id).not.toBe(fx.reportSettingsDemo.agency_id);
    expect(fx.provinceAdminMe).toMatchObject({ username: 'tinh.admin', role: 'admin', csrf_token: 'csrf-test' });
    expect(fx.reportSettingsDefaults.document_types[0]).toEqual({ name: 'Báo cáo', code: 'BC' });
    expect(fx.reportSettingsSaved).toMatchObject({ version: fx.reportSettingsDemo.version + 1, period_convention: 'cutoff_14th', consolidating_org_id: 4 });
    expect(fx.reportSettingsSaved.signers.map((s) => s.full_name)).toEqual(['Trần Quốc Bảo', 'Nguyễn Đức Hùng']);
    expect(fx.reportSettingsInvalid.fields).toEqual([
      { field: 'consolidating_org_id', code: 'not_found' },
      { field: 'signers', code: 'not_found' },
    ]);
    // The demo's seal and both signers' signatures, kept when the signers are saved again; the
    // defaults have none. A seal set, and an opaque one refused.
    const image = { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), width: expect.any(Number), height: expect.any(Number) };
    expect(fx.reportSettingsSaved.seal).toEqual(image);
    expect(fx.reportSettingsSaved.seal).toEqual(fx.reportSettingsDemo.seal);
    expect(fx.reportSettingsSaved.signers.map((s) => s.signature)).toEqual([image, image]);
    expect(fx.reportSettingsDefaults.seal).toBeNull();
    expect(fx.reportImageSet).toEqual({ ...image, width: 120, height: 120 });
    expect(fx.reportImageSet.sha256).not.toBe(fx.reportSettingsSaved.seal.sha256);
    expect(fx.reportImageRefused.fields).toEqual([{ field: 'seal', code: 'not_transparent' }]);
  });

  it('hold the consolidated reports the consolidated report page shows', () => {
    const month = consolidated.month as ConsolidatedReport;
    const quarter = consolidated.quarter as ConsolidatedReport;
    const specialist = consolidated.monthSpecialist as ConsolidatedReport;
    expect(month).toMatchObject({ period: '2026-10', period_kind: 'month', period_start: '2026-10-01', period_end: '2026-10-31' });
    expect(quarter).toMatchObject({ period: '2026-Q3', period_kind: 'quarter', unit_reports: [], unit_prose: [] });
    // The list adds up to the figure; only the specialist's has a task they may not read.
    expect(month.overdue).toHaveLength(month.totals.overdue);
    expect(month.overdue.some((t) => t.hidden)).toBe(false);
    expect(specialist.overdue).toHaveLength(specialist.totals.overdue);
    expect(specialist.overdue.filter((t) => t.hidden)).toMatchObject([{ id: 135, title: '', note: '', lead_org: { id: 8 } }]);
    // The agency leads tasks itself: its own row closes the units'.
    expect(month.by_unit.at(-1)?.organization).toEqual({ id: fx.leaderMe.agency_id, name: 'Sở Giao thông vận tải tỉnh Quảng Ngãi' });
    // Units at every stage; the infrastructure division's text, accepted, among those merged.
    expect(new Set(month.unit_reports.map((u) => u.state))).toEqual(new Set(['not_started', 'draft', 'submitted', 'returned', 'accepted']));
    expect(month.unit_prose.find((p) => p.organization.id === 5)).toMatchObject({ state: 'accepted', prose: { highlights: 'Hoàn thành kiểm tra 12 cầu yếu trên tuyến ĐT.623.' } });
    expect(consolidated.invalid).toMatchObject({ code: 'validation_failed', fields: [{ field: 'period', code: 'invalid' }] });
  });

  it('hold the dashboard’s figures of the month, which are the consolidated report’s', () => {
    const stats = statsReport as Statistics;
    const month = consolidated.month as ConsolidatedReport;
    // October has ended: counted to its last day, whatever the day of the recording.
    expect(stats.report_period).toMatchObject({ period: '2026-10', as_of: '2026-10-31', period_running: false, period_convention: 'calendar_month' });
    expect(stats.as_of).toBe('2026-10-31');
    expect(stats.tasks_url).toBe('/api/v1/tasks?report_period=2026-10');
    // The same month, the same figures: as a whole, by source and key, and unit by unit.
    expect(stats.report_figures).toEqual(month.totals);
    expect(Object.fromEntries(stats.by_source_kind_and_key.map((g) => [g.key, g.report_figures]))).toEqual(
      Object.fromEntries(month.by_source_kind_and_key.map((g) => [g.key, g.figures])),
    );
    const units = new Map(stats.by_lead_org.map((g) => [g.key, g.report_figures]));
    for (const unit of month.by_unit.filter((u) => units.has(u.key))) expect(units.get(unit.key), unit.key).toEqual(unit.figures);
    // The status counts are the report's cumulative ones; there are key tasks, some not completed.
    expect(stats.report_figures?.cumulative.total).toBe(stats.total);
    const key = stats.by_key.find((g) => g.key === 'true')!;
    expect(key.report_figures!.due).toBeGreaterThan(key.report_figures!.due_completed);
    expect(key.report_figures!.due).toBeLessThan(key.total);
  });

  it('hold the consolidated report’s text and its issue, first and replaced', () => {
    const draft = issued.draftPreview as ConsolidatedReport;
    const saved = issued.draftSaved as ConsolidatedReport;
    expect(draft).toMatchObject({ period: '2026-10', period_start: '2026-09-15', period_end: '2026-10-14', draft_version: 0 });
    // Until the division saves, the text is the units' merged, each paragraph under its unit.
    expect(draft.prose.highlights).toContain('Phòng Quản lý kết cấu hạ tầng giao thông: Hoàn thành kiểm tra 12 cầu yếu trên tuyến ĐT.623.');
    expect(saved.draft_version).toBe(1);
    expect(saved.prose.highlights).not.toBe(draft.prose.highlights);
    const first = issued.issued as IssuedReport;
    const replacement = issued.replacement as IssuedReport;
    // The demo issued the reports of August (the first replaced) and September: 01 to 03 of the year.
    expect(issued.nextNumber.number_text).toBe('04/BC-SGTVT');
    expect(issued.nextNumberAfter.number_text).toBe('05/BC-SGTVT');
    expect(first).toMatchObject({ id: 4, number_text: '04/BC-SGTVT', issued_on: DAY, replaces: null, replaced_by: null, signer: { person_id: 2 } });
    expect(first.report.prose).toEqual(saved.prose);
    expect(replacement).toMatchObject({ id: 5, number_text: '05/BC-SGTVT', replaces: { id: 4 }, signer: { person_id: 1 } });
    expect(issued.issuedReplaced).toMatchObject({ id: 4, replaced_by: { id: 5, number_text: '05/BC-SGTVT' } });
    expect(issued.list.items.map((r) => [r.id, r.period])).toEqual([
      [5, '2026-10'],
      [4, '2026-10'],
      [3, '2026-09'],
      [2, '2026-08'],
      [1, '2026-08'],
    ]);
    // A task the first listed overdue was completed on the period's last day before the replacement.
    expect(first.report.overdue.map((t) => t.id)).toContain(issued.completedAfterIssue);
    expect(replacement.report.overdue.map((t) => t.id)).not.toContain(issued.completedAfterIssue);
    const refusals: [unknown, string][] = [
      [issued.draftStale, 'precondition_failed'],
      [issued.draftForbidden, 'forbidden'],
      [issued.alreadyIssued, 'report_already_issued'],
      [issued.signerNotFound, 'validation_failed'],
      [issued.notFound, 'not_found'],
    ];
    for (const [body, code] of refusals) expect((body as ErrorBody).code).toBe(code);
    expect(issued.signerNotFound.fields).toEqual([{ field: 'signer_person_id', code: 'not_found' }]);
  });

  it('hold what changed since the report before, as the comparison page shows it', () => {
    const sinceAugust = issued.changes as ReportComparison;
    expect(sinceAugust).toMatchObject({ report: { id: issued.changesReport.id }, period: '2026-09', previous: { id: issued.changesPrevious.id }, previous_period: '2026-08' });
    expect(issued.changesReport.report.period_end).toBe('2026-09-30');
    expect(issued.changesPrevious.report.period_end).toBe('2026-08-31');
    expect(sinceAugust.figures[0].key).toBe('total');
    // A task overdue in August and completed late in September, a list left empty.
    expect(sinceAugust.no_longer_overdue.map((t) => t.id)).toEqual([51]);
    expect(sinceAugust.newly_completed.find((t) => t.id === 51)).toMatchObject({ status: 'completed_late', completed_on: '2026-09-12' });
    expect(sinceAugust.newly_overdue).toEqual([]);
    const replaced = issued.changesOfReplacement as ReportComparison;
    expect(replaced).toMatchObject({ report: { id: issued.replacement.id }, previous: { id: issued.issued.id }, previous_period: '2026-10' });
    expect(replaced.no_longer_overdue.map((t) => t.id)).toEqual([issued.completedAfterIssue]);
    const sameData = issued.changesOfSameData as ReportComparison;
    expect(sameData.previous?.id).toBe(issued.firstOfKind.id);
    expect([sameData.newly_overdue, sameData.no_longer_overdue, sameData.newly_completed, sameData.new_tasks]).toEqual([[], [], [], []]);
    expect(sameData.figures.every((f) => JSON.stringify(f.before) === JSON.stringify(f.after))).toBe(true);
    const first = issued.changesOfFirst as ReportComparison;
    expect(first).toMatchObject({ report: { id: issued.firstOfKind.id }, previous: null, previous_period: '' });
    expect(first.newly_overdue).toHaveLength(first.figures[0].after.overdue);
  });

  it('have no timestamp of the moment of recording', () => {
    // Each is 09:00 in Vietnam (02:00 UTC) of a business date, or the login's expiry.
    for (const t of timestamps([fx, organizationList, statsReport, consolidated, issued])) {
      const at = new Date(t).toISOString();
      expect(at.endsWith('T02:00:00.000Z') || t === fx.specialistLogin.expires_at, at).toBe(true);
    }
  });
  it('hold an import of a program taken from upload to confirmation, and files refused', () => {
    const uploaded = imports.uploaded as ImportPreview;
    expect(imports.consolidatorMe).toMatchObject({ username: 'khtc', role: 'consolidator', csrf_token: 'csrf-test', agency_id: 2 });
    expect(uploaded.import).toMatchObject({ source_id: imports.source.id, status: 'draft', version: 1, file_name: 'chuong-trinh-2027.csv' });
    expect(uploaded.counts).toEqual({ rows: 7, tasks: 5, headings: 2, existing: 0, with_errors: 2, with_warnings: 2 });
    // Two lead units not recognised, each in a row of its own; two bodies outside the agency, in one row.
    const lead = (n: number) => uploaded.rows.items.find((r) => r.row === n)!;
    expect([3, 4].map((n) => [lead(n).lead?.written, lead(n).errors])).toEqual([
      ['Ban Điều phối dự án', [{ field: 'lead', code: 'unknown_unit' }]],
      ['Phòng Pháp chế', [{ field: 'lead', code: 'unknown_unit' }]],
    ]);
    expect(lead(8).warnings).toEqual([{ field: 'cooperating', code: 'unknown_unit' }]);
    expect(lead(8).errors).toEqual([]);
    // The names not recognised, those some row leads with first: each with the rows naming it, and
    // how many of them as their lead.
    expect(uploaded.unmatched_units.map((u) => [u.written, u.rows, u.lead_rows])).toEqual([
      ['Ban Điều phối dự án', 1, 1],
      ['Phòng Pháp chế', 1, 1],
      ['Công an tỉnh', 1, 0],
      ['Sở Công Thương', 1, 0],
    ]);
    expect(uploaded.columns.at(-1)).toEqual({ index: 7, header: 'Kinh phí (triệu đồng)', field: null, recognised: false });
    expect([uploaded.year, uploaded.year_from, uploaded.choices.year]).toEqual([2027, 'title', null]);
    expect(imports.problemsOnly.rows.items.map((r) => r.row)).toEqual([3, 4, 5, 8]);
    expect(imports.hasErrors).toMatchObject({ code: 'import_has_errors', detail: '2' });
    // Each choice from the version before it: columns, headings as parents and back, another year
    // and back, the units one by one.
    const steps = [
      uploaded,
      imports.columnMapped,
      imports.parents,
      imports.labels,
      imports.yearChosen,
      imports.yearFromSource,
      imports.unitFixed,
      imports.allFixed,
    ] as ImportPreview[];
    expect(steps.map((p) => p.import.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(imports.parents.choices.groups_as).toBe('parents');
    expect(steps.map((p) => p.counts.with_errors)).toEqual([2, 2, 2, 2, 2, 2, 1, 0]);
    const yearChosen = imports.yearChosen as ImportPreview;
    expect([yearChosen.year, yearChosen.year_from, yearChosen.choices.year]).toEqual([2028, 'choice', 2028]);
    expect(yearChosen.rows.items.find((r) => r.row === 8)).toMatchObject({ deadline_written: 'Tháng 12', deadline: '2028-12-31' });
    expect(lead(8)).toMatchObject({ deadline_written: 'Tháng 12', deadline: '2027-12-31' });
    expect([imports.yearFromSource.year, imports.yearFromSource.year_from, imports.yearFromSource.choices.year]).toEqual([2027, 'title', null]);
    // A unit picked is named as the sheet wrote it.
    expect(imports.unitFixed.choices.unit_fixes).toEqual([
      { name: 'Phòng Pháp chế', organization: { id: 8, name: 'Thanh tra Sở' }, remembered: false },
    ]);
    expect(imports.allFixed.unmatched_units.map((u) => [u.written, u.lead_rows])).toEqual([
      ['Công an tỉnh', 0],
      ['Sở Công Thương', 0],
    ]);
    expect(imports.confirmed).toMatchObject({ import: { status: 'confirmed', task_count: 5, version: 9 }, task_ids: expect.any(Array) });
    expect(imports.confirmedPreview.import).toEqual(imports.confirmed.import);
    // The same rows saved again: other bytes, refused all the same. The units picked for the first
    // are remembered, so its only problem is that its rows were imported already.
    expect(imports.duplicate).toMatchObject({ problems: ['already_imported'], duplicate_of: uploaded.import.id });
    expect(imports.duplicate.counts).toMatchObject({ tasks: 0, existing: 5, with_errors: 0 });
    // The picks it reads with are listed as remembered, for the user to see and change.
    expect(imports.duplicate.choices.unit_fixes.map((f) => [f.name, f.organization.id, f.remembered])).toEqual([
      ['Ban Điều phối dự án', 9, true],
      ['Phòng Pháp chế', 8, true],
    ]);
    const remembered = (p: ImportPreview, n: number) => p.rows.items.find((r) => r.row === n)!.lead;
    expect(remembered(imports.duplicate as ImportPreview, 3)).toMatchObject({ written: 'Ban Điều phối dự án', organization: { id: 9 } });
    expect(remembered(imports.duplicate as ImportPreview, 4)).toMatchObject({ written: 'Phòng Pháp chế', organization: { id: 8 } });
    expect(imports.duplicate.unmatched_units.map((u) => u.written)).toEqual(['Công an tỉnh', 'Sở Công Thương']);
    expect(imports.duplicate.import.file_size).not.toBe(uploaded.import.file_size);
    expect(imports.list.items.map((i) => [i.id, i.status])).toEqual([
      [imports.duplicate.import.id, 'draft'],
      [uploaded.import.id, 'confirmed'],
    ]);
    // The program with a row added: its other tasks are the source's, which the first import wrote.
    const added = imports.rowsAdded as ImportPreview;
    const confirmed = imports.confirmed as ImportResult;
    expect(added.counts).toMatchObject({ tasks: 1, existing: 5, with_errors: 0 });
    expect(added.problems).toEqual([]);
    expect(added.rows.items.filter((r) => r.existing_task_id !== null).map((r) => r.existing_task_id)).toEqual(confirmed.task_ids);
    expect(imports.workbook).toMatchObject({ sheets: ['Bìa', 'Chương trình'], problems: ['no_header'], choices: { sheet: 0 } });
    // Its rows name the legal unit by its name, and the project board as picked before: no errors.
    const sheetChosen = imports.workbookSheetChosen as ImportPreview;
    expect(sheetChosen).toMatchObject({ problems: [], choices: { sheet: 1 }, counts: { tasks: 5, with_errors: 0 } });
    expect(sheetChosen.choices.unit_fixes.map((f) => [f.name, f.remembered])).toEqual([['Ban Điều phối dự án', true]]);
    expect(remembered(sheetChosen, 3)).toMatchObject({ written: 'Ban Điều phối dự án', organization: { id: 9 } });
    const refusals: [unknown, string][] = [
      [imports.stale, 'precondition_failed'],
      [imports.legacyXls, 'file_legacy_xls'],
      [imports.unclosedQuote, 'file_unclosed_quote'],
      [imports.forbidden, 'forbidden'],
    ];
    for (const [body, code] of refusals) expect((body as ErrorBody).code).toBe(code);
    expect(imports.unclosedQuote.detail).toBe('row 2');
  });
});
