import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../api/types';
import { loadLanguage, translate, type MessageKey, type Params } from '../i18n';
import imports from '../test/fixtures/imports.json';
import {
  canConfirm,
  columnLetter,
  columnState,
  countsText,
  failureDetail,
  failureWhere,
  errorsBesidesUnits,
  leadRowsWaiting,
  problemText,
  writtenName,
  yearMayMendErrors,
} from './imports';

const t = (key: MessageKey, params?: Params) => translate('vi', key, params);
const UPLOADED = imports.uploaded as ImportPreview;
const rowOf = (preview: ImportPreview, n: number) => preview.rows.items.find((r) => r.row === n)!;

describe('imports in words', () => {
  it('names columns as the spreadsheet does', () => {
    expect([0, 7, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'H', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('counts what the file becomes, leaving out what there is none of', () => {
    expect(countsText(t, UPLOADED.counts, 'vi')).toBe('5 nhiệm vụ, 2 tiêu đề nhóm, 2 dòng có lỗi, 2 dòng có cảnh báo');
    expect(countsText(t, { rows: 1500, tasks: 1234, headings: 0, existing: 0, with_errors: 0, with_warnings: 0 }, 'vi')).toBe('1.234 nhiệm vụ');
    expect(countsText(t, { rows: 1500, tasks: 2, headings: 0, existing: 1498, with_errors: 0, with_warnings: 1498 }, 'vi')).toBe(
      '2 nhiệm vụ, 1.498 dòng đã có trong nguồn, 1.498 dòng có cảnh báo',
    );
  });

  it('confirms only a draft with tasks, no row in error and nothing stopping the file', () => {
    expect(canConfirm(UPLOADED)).toBe(false);
    expect(canConfirm(imports.allFixed as ImportPreview)).toBe(true);
    expect(canConfirm(imports.duplicate as ImportPreview)).toBe(false);
    expect(canConfirm(imports.confirmedPreview as ImportPreview)).toBe(false);
    expect(canConfirm(imports.workbook as ImportPreview)).toBe(false);
  });

  it('tells where a column’s field comes from', () => {
    const states = (p: ImportPreview) => p.columns.map((c) => columnState(c, p));
    expect(states(UPLOADED)).toEqual([...Array(7).fill('recognised'), 'unrecognised']);
    expect(states(imports.columnMapped as ImportPreview).at(-1)).toBe('chosen');
    // The file again, once the agency's import of it was confirmed: the column mapped is remembered.
    expect(states(imports.duplicate as ImportPreview).at(-1)).toBe('remembered');
    // A column whose field another was given.
    const displaced = { ...UPLOADED, columns: UPLOADED.columns.map((c) => (c.index === 5 ? { ...c, field: null } : c)) };
    expect(columnState(displaced.columns[5], displaced)).toBe('displaced');
  });

  it('says each problem of a row with what the file wrote', () => {
    expect(rowOf(UPLOADED, 4).errors.map((p) => problemText(t, p, rowOf(UPLOADED, 4), true))).toEqual([
      'Không nhận ra đơn vị chủ trì “Phòng Pháp chế”.',
    ]);
    expect(rowOf(UPLOADED, 3).errors.map((p) => problemText(t, p, rowOf(UPLOADED, 3), true))).toEqual(['Không nhận ra đơn vị chủ trì “Ban Điều phối dự án”.']);
    // One warning for the row names every body outside the agency, and none it recognised.
    expect(rowOf(UPLOADED, 8).warnings.map((p) => problemText(t, p, rowOf(UPLOADED, 8), true))).toEqual([
      'Không khớp đơn vị nào của cơ quan: “Công an tỉnh”, “Sở Công Thương”. Được giữ nguyên văn cùng dòng; chọn đơn vị nếu đó là một đơn vị của cơ quan.',
    ]);
    // Once confirmed (or not the user's to change) nothing is asked of the reader.
    const confirmed = imports.confirmedPreview as ImportPreview;
    expect(rowOf(confirmed, 8).warnings.map((p) => problemText(t, p, rowOf(confirmed, 8), false))).toEqual([
      'Không khớp đơn vị nào của cơ quan: “Công an tỉnh”, “Sở Công Thương”. Được giữ nguyên văn cùng nhiệm vụ.',
    ]);
    expect(rowOf(UPLOADED, 5).warnings.map((p) => problemText(t, p, rowOf(UPLOADED, 5), true))).toEqual([
      'Không nhận ra lãnh đạo phụ trách “Ông Trưởng ban”: nhiệm vụ sẽ chưa có lãnh đạo phụ trách.',
    ]);
    const row = { ...rowOf(UPLOADED, 3), deadline: null, deadline_label: '', deadline_written: 'sớm' };
    expect(problemText(t, { field: 'deadline', code: 'unrecognised_deadline' }, row, true)).toMatch(/^Không hiểu thời hạn “sớm”/);
    expect(problemText(t, { field: 'content', code: 'required' }, row, true)).toBe('Thiếu nội dung nhiệm vụ.');
    expect(problemText(t, { field: 'product', code: 'too_long' }, row, true)).toBe('Sản phẩm quá dài.');
  });

  it('counts the rows waiting for a lead unit to be picked, not those naming bodies outside the agency', () => {
    expect(leadRowsWaiting(UPLOADED)).toBe(2);
    expect(leadRowsWaiting(imports.unitFixed as ImportPreview)).toBe(1);
    expect(leadRowsWaiting(imports.allFixed as ImportPreview)).toBe(0);
    expect(imports.allFixed.unmatched_units).toHaveLength(2);
  });

  it('tells rows a unit pick mends from those in error otherwise too', () => {
    // The recorded rows in error are the two waiting for their lead unit, and nothing else.
    expect(errorsBesidesUnits(UPLOADED)).toBe(false);
    // More rows in error than wait for a unit.
    expect(errorsBesidesUnits({ ...UPLOADED, counts: { ...UPLOADED.counts, with_errors: 3 } })).toBe(true);
    // As many, but a row waiting for its lead is in error otherwise too.
    const alsoTooLong = UPLOADED.rows.items.map((r) =>
      r.row === 4 ? { ...r, errors: [...r.errors, { field: 'product' as const, code: 'too_long' as const }] } : r,
    );
    expect(errorsBesidesUnits({ ...UPLOADED, rows: { ...UPLOADED.rows, items: alsoTooLong } })).toBe(true);
    // A cooperating unit not recognised is no error of the row's.
    const cooperatingOnly = UPLOADED.rows.items.map((r) =>
      r.row === 4 ? { ...r, warnings: [...r.warnings, { field: 'cooperating' as const, code: 'unknown_unit' as const }] } : r,
    );
    expect(errorsBesidesUnits({ ...UPLOADED, rows: { ...UPLOADED.rows, items: cooperatingOnly } })).toBe(false);
  });

  it('suggests the program’s year only when it was not the source’s and a deadline may be read wrong', () => {
    const thisYear = { ...UPLOADED, year_from: 'today' as const };
    // The rows in error are all on the page, waiting for their lead units only.
    expect(yearMayMendErrors(thisYear)).toBe(false);
    // A deadline before the tasks are assigned.
    const early = UPLOADED.rows.items.map((r) =>
      r.row === 8 ? { ...r, errors: [{ field: 'deadline' as const, code: 'before_assigned_on' as const }] } : r,
    );
    const withEarly = { ...thisYear, counts: { ...thisYear.counts, with_errors: 3 }, rows: { ...thisYear.rows, items: early } };
    expect(yearMayMendErrors(withEarly)).toBe(true);
    // The same, with the year from the source or chosen: not the year's doing.
    for (const from of ['title', 'document', 'choice'] as const) expect(yearMayMendErrors({ ...withEarly, year_from: from })).toBe(false);
    // Rows in error not on the page shown (the second page holds none of them) may have one.
    const second = imports.secondPage as ImportPreview;
    expect(second.rows.items.filter((r) => r.errors.length)).toEqual([]);
    expect(yearMayMendErrors({ ...second, year_from: 'today' })).toBe(true);
    expect(yearMayMendErrors({ ...second, year_from: 'today', counts: { ...second.counts, with_errors: 0 } })).toBe(false);
  });

  it('says in the user’s words where a refused file is broken', () => {
    expect(failureWhere(t, imports.unclosedQuote.detail)).toBe('dòng 2');
    expect(failureWhere(t, 'xl/worksheets/sheet1.xml, row 12')).toBe('xl/worksheets/sheet1.xml, dòng 12');
    expect(failureWhere(t, 'xl/sharedStrings.xml')).toBe('xl/sharedStrings.xml');
  });

  it('says a refused file’s detail as what it is: the encoding of a text not in UTF-8, else the place', async () => {
    expect(failureDetail(t, imports.unclosedQuote.code, imports.unclosedQuote.detail)).toBe('Vị trí lỗi: dòng 2.');
    expect(failureDetail(t, 'file_broken_xml', 'xl/worksheets/sheet1.xml, row 12')).toBe('Vị trí lỗi: xl/worksheets/sheet1.xml, dòng 12.');
    // Excel's "Unicode text": the server names its encoding, which is no place in the file.
    expect(failureDetail(t, 'file_not_utf8', 'UTF-16')).toBe('Mã hóa của tệp: UTF-16.');
    await loadLanguage('en');
    expect(failureDetail((key, params) => translate('en', key, params), 'file_not_utf8', 'UTF-16')).toBe('The file’s encoding: UTF-16.');
    expect(failureDetail(t, 'file_not_utf8', '')).toBe('');
    expect(failureDetail(t, imports.legacyXls.code, '')).toBe('');
  });

  it('names a unit choice as the file writes it, also one kept folded before the server kept names as written', () => {
    const fixed = imports.unitFixed as ImportPreview;
    expect(fixed.choices.unit_fixes[0].name).toBe('Phòng Pháp chế');
    expect(writtenName(fixed.choices.unit_fixes[0].name, fixed.rows.items)).toBe('Phòng Pháp chế');
    expect(writtenName('phong phap che', fixed.rows.items)).toBe('Phòng Pháp chế');
    expect(writtenName('phong khac', fixed.rows.items)).toBe('phong khac');
  });
});
