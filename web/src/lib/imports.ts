// What the import's preview says, in words: its counts, each row's problems, a refused file's
// reason, and what the confirmation waits for.
import type { Lang } from '../api/client';
import type { ImportColumn, ImportPreview, ImportProblem, ImportRow } from '../api/types';
import type { MessageKey, TFunction } from '../i18n';
import { foldVietnamese, formatNumber } from './format';

/** A column's letter as the spreadsheet shows it: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/** "5 nhiệm vụ, 2 tiêu đề nhóm, 1 dòng có lỗi": tasks always, the rest when there are any. */
export function countsText(t: TFunction, counts: ImportPreview['counts'], lang: Lang): string {
  const parts = [t('imp.counts.tasks', { n: formatNumber(counts.tasks, lang) })];
  if (counts.existing > 0) parts.push(t('imp.counts.existing', { n: formatNumber(counts.existing, lang) }));
  if (counts.headings > 0) parts.push(t('imp.counts.headings', { n: formatNumber(counts.headings, lang) }));
  if (counts.with_errors > 0) parts.push(t('imp.counts.errors', { n: formatNumber(counts.with_errors, lang) }));
  if (counts.with_warnings > 0) parts.push(t('imp.counts.warnings', { n: formatNumber(counts.with_warnings, lang) }));
  return parts.join(', ');
}

/** The draft may be confirmed: tasks to write, no row in error, nothing that stops the whole file. */
export function canConfirm(preview: ImportPreview): boolean {
  return (
    preview.import.status === 'draft' &&
    preview.counts.tasks > 0 &&
    preview.counts.with_errors === 0 &&
    preview.problems.length === 0
  );
}

/**
 * Where a column's field comes from: its heading, a choice of this import's, the agency's earlier
 * imports; or it has none ('unrecognised'), or lost it to a column chosen for it ('displaced'):
 * those two are left out, and marked.
 */
export type ColumnState = 'recognised' | 'chosen' | 'remembered' | 'unrecognised' | 'displaced';

export function columnState(column: ImportColumn, preview: Pick<ImportPreview, 'choices'>): ColumnState {
  if (preview.choices.columns.some((c) => c.index === column.index)) return 'chosen';
  if (column.field) return column.recognised ? 'recognised' : 'remembered';
  return column.recognised ? 'displaced' : 'unrecognised';
}

/** How many rows wait for a unit to be picked for their lead: a row has one lead unit at most. */
export function leadRowsWaiting(preview: Pick<ImportPreview, 'unmatched_units'>): number {
  return preview.unmatched_units.reduce((sum, u) => sum + u.lead_rows, 0);
}

const waitsForLead = (p: ImportProblem) => p.field === 'lead' && p.code === 'unknown_unit';

/**
 * Some rows in error stay so once their lead units are picked: more rows are in error than wait for
 * a unit, or a row of the page waits for one and has another error besides (it counts among those
 * waiting, so the counts alone do not tell). Rows of other pages are known by the counts only.
 */
export function errorsBesidesUnits(preview: Pick<ImportPreview, 'counts' | 'unmatched_units' | 'rows'>): boolean {
  if (preview.counts.with_errors > leadRowsWaiting(preview)) return true;
  return preview.rows.items.some((r) => r.errors.some(waitsForLead) && r.errors.some((p) => !waitsForLead(p)));
}

/**
 * The rows in error may be so because the program's year is wrong: the source gave none, so
 * deadlines without a year were read in this year, and a program of another year (next year's,
 * issued late in this one) then has deadlines before its tasks are assigned. Said when a row of the
 * page has such a deadline, or when rows in error are on no page shown and may have one.
 */
export function yearMayMendErrors(preview: Pick<ImportPreview, 'counts' | 'year_from' | 'rows'>): boolean {
  if (preview.year_from !== 'today' || preview.counts.with_errors === 0) return false;
  const inError = preview.rows.items.filter((r) => r.errors.length > 0);
  return inError.length < preview.counts.with_errors || inError.some((r) => r.errors.some((p) => p.code === 'before_assigned_on'));
}

/**
 * A problem of a row in words, naming what the file wrote where that helps. `canPick`: the user may
 * still pick units for the import (a draft of theirs); else nothing is asked of them.
 */
export function problemText(t: TFunction, problem: ImportProblem, row: ImportRow, canPick: boolean): string {
  const field = t(`imp.field.${problem.field}` as MessageKey);
  switch (problem.code) {
    case 'required':
      return problem.field === 'content' || problem.field === 'lead'
        ? t(`imp.check.required.${problem.field}`)
        : t('imp.check.required', { field: field.toLowerCase() });
    case 'unknown_unit':
      if (problem.field === 'lead') return t('imp.check.unknown_unit.lead', { name: row.lead?.written ?? '' });
      return t(canPick ? 'imp.check.unknown_unit.cooperating' : 'imp.check.unknown_unit.cooperating.kept', {
        name: row.cooperating
          .filter((u) => !u.organization)
          .map((u) => u.written)
          .join('”, “'),
      });
    case 'not_a_date':
    case 'unrecognised_deadline':
      return t(`imp.check.${problem.code}`, { written: row.deadline_written });
    case 'unknown_leader':
      return t('imp.check.unknown_leader', { name: row.leader_written });
    case 'too_long':
      return t('imp.check.too_long', { field });
    case 'several_leads':
    case 'group_as_task':
    case 'no_deadline':
    case 'before_assigned_on':
    case 'title_shortened':
    case 'unrecognised_key':
    case 'already_in_source':
      return t(`imp.check.${problem.code}`);
    default:
      return t('imp.check.other', { field });
  }
}

/**
 * Where a refused file is broken, in the reader's words: the server says "row 12" or
 * "xl/worksheets/sheet1.xml, row 12"; the row is said in the user's language.
 */
export function failureWhere(t: TFunction, detail: string): string {
  return detail.replace(/\brow (\d+)\b/g, (_, n: string) => t('imp.upload.row', { n }));
}

/**
 * The line under a refused file's reason that says what the server's detail is: for a text file
 * not in UTF-8 it names the encoding the file is in ("UTF-16"); for the other codes it is the place
 * in the file. '' when there is no detail.
 */
export function failureDetail(t: TFunction, code: string, detail: string): string {
  if (!detail) return '';
  if (code === 'file_not_utf8') return t('imp.upload.encoding', { encoding: detail });
  return t('imp.upload.where', { where: failureWhere(t, detail) });
}

/**
 * The name a unit choice was made for, as the file writes it. The server names it so; a choice made
 * before it kept the names as written comes folded (lower case, no diacritics), and is named as a
 * row at hand writes it, or left folded when no row of the page names it.
 */
export function writtenName(folded: string, rows: readonly ImportRow[]): string {
  for (const row of rows) {
    for (const unit of [row.lead, ...row.cooperating]) {
      if (unit?.written && foldVietnamese(unit.written).replace(/\s+/g, ' ').trim() === folded) return unit.written;
    }
  }
  return folded;
}
