// Formatting shared by every page: Vietnamese dates dd/mm/yyyy, numbers and rates, deadlines.
import dayjs, { type Dayjs } from 'dayjs';
import type { Lang } from '../api/client';
import type { TFunction } from '../i18n';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2023-08-31" → "31/08/2023"; null/empty → fallback. */
export function formatDate(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** "Số 125/QĐ-UBND ngày 05/01/2024" of a document, or "Số 125/QĐ-UBND" without its date; null without a number. */
export function docNumberText(t: TFunction, number: string, date: string | null): string | null {
  if (!number) return null;
  return date ? t('task.docNumberDate', { number, date: formatDate(date) }) : t('task.docNumberOnly', { number });
}

/** "31/08/2023" → "2023-08-31"; anything else → null. */
export function parseVnDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  const d = dayjs(iso);
  return d.isValid() && d.format('YYYY-MM-DD') === iso ? iso : null;
}

/** The API's date format. */
export function toIsoDate(d: Dayjs | Date | null | undefined): string | undefined {
  if (!d) return undefined;
  return dayjs(d).format('YYYY-MM-DD');
}

export function fromIsoDate(iso: string | null | undefined): Dayjs | null {
  if (!iso || !ISO_DATE.test(iso)) return null;
  return dayjs(iso);
}

/**
 * The agency's time zone, Asia/Ho_Chi_Minh: UTC+7 all year (Việt Nam has had no daylight saving
 * time since 1975), so "today" is computed from the offset, without Intl's time zone data (whose
 * first use costs tens of milliseconds at start-up).
 */
export const AGENCY_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const AGENCY_UTC_OFFSET_MS = 7 * 3600 * 1000;

/** Today's date in the agency's time zone, "YYYY-MM-DD" (never `toISOString()` alone: that is UTC). */
export function todayIso(now: Date = new Date()): string {
  return new Date(now.getTime() + AGENCY_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** Unix milliseconds → "31/08/2023 14:05". */
export function formatTimestamp(ms: number | null | undefined, fallback = '—'): string {
  if (ms === null || ms === undefined) return fallback;
  return dayjs(ms).format('DD/MM/YYYY HH:mm');
}

// Intl.NumberFormat objects are costly to make (a dashboard formats hundreds of numbers): one per
// language and number of decimals.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${lang}:${minDigits}:${maxDigits}`;
  let nf = numberFormats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    });
    numberFormats.set(key, nf);
  }
  return nf;
}

export function formatNumber(n: number, lang: Lang = 'vi'): string {
  return numberFormat(lang, 0, 3).format(n);
}

/** A rate in [0, 1] → "1,38%" (vi) or "1.38%" (en). */
export function formatRate(rate: number, lang: Lang = 'vi', digits = 2): string {
  const pct = rate * 100;
  return (
    numberFormat(lang, 0, digits).format(pct) + '%'
  );
}

export function formatFileSize(bytes: number, lang: Lang = 'vi'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  const nf = numberFormat(lang, 0, i === 0 ? 0 : 1);
  return `${nf.format(v)} ${units[i]}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export type DeadlineKind = 'date' | 'month' | 'quarter' | 'year' | 'none';

export interface DeadlineValue {
  deadline: string | null;
  label: string;
}

/**
 * The deadline the API stores for a kind of deadline and the label written on documents:
 * a month ends on its last day ("Tháng 8/2023"), a quarter on its last day ("Quý III/2023"),
 * a year on 31/12 ("Năm 2023"); "thường xuyên" has no deadline.
 */
export function deadlineFor(
  kind: DeadlineKind,
  value: { date?: string | null; year?: number | null; month?: number | null; quarter?: number | null },
  lang: Lang = 'vi',
): DeadlineValue | null {
  switch (kind) {
    case 'none':
      return { deadline: null, label: lang === 'en' ? 'Ongoing' : 'Thường xuyên' };
    case 'date':
      return value.date ? { deadline: value.date, label: '' } : null;
    case 'month': {
      if (!value.year || !value.month) return null;
      const end = dayjs(`${value.year}-${String(value.month).padStart(2, '0')}-01`).endOf('month');
      return {
        deadline: end.format('YYYY-MM-DD'),
        label: lang === 'en' ? `${end.format('MMMM')} ${value.year}` : `Tháng ${value.month}/${value.year}`,
      };
    }
    case 'quarter': {
      if (!value.year || !value.quarter) return null;
      const lastMonth = value.quarter * 3;
      const end = dayjs(`${value.year}-${String(lastMonth).padStart(2, '0')}-01`).endOf('month');
      return {
        deadline: end.format('YYYY-MM-DD'),
        label: lang === 'en' ? `Q${value.quarter} ${value.year}` : `Quý ${ROMAN[value.quarter - 1]}/${value.year}`,
      };
    }
    case 'year':
      if (!value.year) return null;
      return { deadline: `${value.year}-12-31`, label: lang === 'en' ? `Year ${value.year}` : `Năm ${value.year}` };
  }
}

/** What to show for a deadline: its label when it has one, the date otherwise, "Thường xuyên" when null. */
export function deadlineText(
  deadline: string | null | undefined,
  label: string | null | undefined,
  ongoingText: string,
): string {
  if (!deadline) return label || ongoingText;
  if (label) return `${label} (${formatDate(deadline)})`;
  return formatDate(deadline);
}

/** What a task's deadline needs: the one it was given, the one in force, whether it was extended. */
export interface TaskDeadline {
  deadline: string | null;
  deadline_in_force?: string | null;
  deadline_label: string;
  extended: boolean;
}

/**
 * A task's deadline as every page shows it: the deadline in force first. An extended task says so
 * and names what it was given ("01/12/2026 (đã gia hạn, hạn ban đầu Tháng 10/2026)"): the label
 * beside the new date alone read as a contradiction.
 */
export function taskDeadlineText(t: TFunction, task: TaskDeadline): string {
  const inForce = task.deadline_in_force ?? task.deadline;
  if (!task.extended || !inForce) return deadlineText(inForce, task.deadline_label, t('task.ongoing'));
  const original = task.deadline_label || formatDate(task.deadline, t('task.ongoing'));
  return t('task.deadlineExtended', { date: formatDate(inForce), original });
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayjs(to).startOf('day').diff(dayjs(from).startOf('day'), 'day');
}

/** Vietnamese collation for names. */
export const vnCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Removes Vietnamese diacritics (đ → d too), lower-cased, for client-side matching of small lists. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Whether `text` contains what was typed, ignoring case and diacritics. */
export function containsTyped(text: unknown, typed: string): boolean {
  return foldVietnamese(String(text ?? '')).includes(foldVietnamese(typed));
}

/** `filterOption` of a searchable Select: by the option's label. */
export const labelFilter = (typed: string, option?: { label?: unknown }) => containsTyped(option?.label, typed);

/** `filterTreeNode` of a searchable TreeSelect: by the node's title. */
export const titleFilter = (typed: string, node: { title?: unknown }) => containsTyped(node.title, typed);

/**
 * Vietnamese order for people: by given name (the last word), then by the whole name, as in
 * administrative lists ("Nguyễn Văn An" before "Trần Thị Bình").
 */
export function compareVietnameseNames(a: string, b: string): number {
  const given = (s: string) => s.trim().split(/\s+/).pop() ?? '';
  return vnCollator.compare(given(a), given(b)) || vnCollator.compare(a, b);
}

/** People as select options, in Vietnamese order, with their position. */
export function personOptions(people: { id: number; full_name: string; position: string }[]) {
  return [...people]
    .sort((a, b) => compareVietnameseNames(a.full_name, b.full_name))
    .map((p) => ({ value: p.id, label: p.position ? `${p.full_name} – ${p.position}` : p.full_name }));
}
