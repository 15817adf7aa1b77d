// The report settings as the form holds them, and back as the API takes them.
import type { DocumentType, Id, PeriodConvention, ReportSettings, ReportSettingsUpdate } from '../../api/types';

// The limits the API states (ReportSettingsUpdate); the lengths are counted in bytes of UTF-8.
export const DUE_WORKING_DAYS_MAX = 20;
export const RECIPIENTS_MAX = 20;
export const DOCUMENT_TYPES_MAX = 30;
export const SIGNERS_MAX = 10;
export const LINE_MAX_BYTES = 300;
export const NAME_MAX_BYTES = 200;
export const CODE_MAX_BYTES = 20;
/** Codes in document numbers: capitals without diacritics, Đ, digits and hyphens (Nghị định 30). */
export const DOCUMENT_CODE = /^([A-Z0-9-]|Đ)+$/;
/** A document type's code may also hold small letters: the decree writes "CTr", "TTr". */
export const TYPE_CODE = /^([A-Za-z0-9-]|Đ)+$/;

export interface SignerValues {
  person_id?: Id;
  authority: string;
  title: string;
}

export interface SettingsValues {
  period_convention: PeriodConvention;
  due_working_days: number | null;
  consolidating_org_id: Id | null;
  agency_code: string;
  place_name: string;
  parent_line: string;
  agency_line: string;
  recipients: string[];
  document_types: DocumentType[];
  signers: SignerValues[];
}

/**
 * The lines printed in capitals, as the document will show them. The inputs only display them in
 * capitals: changing the text under a Vietnamese input method while a word is being composed
 * would break the word.
 */
export const capitals = (text: string) => text.trim().toLocaleUpperCase('vi');

export function valuesOf(s: ReportSettings): SettingsValues {
  return {
    period_convention: s.period_convention,
    due_working_days: s.due_working_days,
    consolidating_org_id: s.consolidating_org_id,
    agency_code: s.agency_code,
    place_name: s.place_name,
    parent_line: s.parent_line,
    agency_line: s.agency_line,
    recipients: s.recipients,
    document_types: s.document_types,
    signers: s.signers.map(({ person_id, authority, title }) => ({ person_id, authority, title })),
  };
}

/** What the API is sent for the values the form holds (validated: every required value is there). */
export function bodyOf(v: SettingsValues): ReportSettingsUpdate {
  return {
    period_convention: v.period_convention,
    due_working_days: v.due_working_days ?? 0,
    consolidating_org_id: v.consolidating_org_id ?? null,
    agency_code: capitals(v.agency_code),
    place_name: v.place_name.trim(),
    parent_line: capitals(v.parent_line),
    agency_line: capitals(v.agency_line),
    recipients: v.recipients.map((line) => line.trim()),
    document_types: v.document_types.map((d) => ({ name: d.name.trim(), code: d.code.trim() })),
    signers: v.signers.map((s) => ({ person_id: s.person_id ?? 0, authority: capitals(s.authority), title: capitals(s.title) })),
  };
}

/** Whether saving `body` would store what `settings` already hold. */
export function unchanged(settings: ReportSettings, body: ReportSettingsUpdate): boolean {
  return JSON.stringify(bodyOf(valuesOf(settings))) === JSON.stringify(body);
}
