// Turns a failed request into what the user reads: a message, and the API's `fields` errors
// next to their antd form fields.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import type { MessageKey, TFunction } from '../i18n';

/** The text of a failure: the server's own message for a refusal, the error's text otherwise. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

export function fieldErrorText(t: TFunction, code: string): string {
  const key = `fieldError.${code}` as MessageKey;
  const text = t(key);
  return text === key ? t('fieldError.invalid') : text;
}

/**
 * Shows each `fields` entry of a 422 next to its form field. `aliases` maps API field names to
 * form names (e.g. lead_org_id → leadOrg). Returns the API fields no form field matched.
 */
export function applyFieldErrors(
  form: FormInstance,
  err: unknown,
  t: TFunction,
  aliases: Record<string, string> = {},
): string[] {
  if (!(err instanceof ApiError) || err.fields.length === 0) return [];
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const unmatched: string[] = [];
  const byName = new Map<string, string[]>();
  for (const f of err.fields) {
    const base = f.field.replace(/\[\d+\]$/, '');
    const name = aliases[f.field] ?? aliases[base] ?? base;
    if (!known.has(name) && !(name in aliases) && !Object.values(aliases).includes(name)) {
      unmatched.push(f.field);
      continue;
    }
    const list = byName.get(name) ?? [];
    list.push(fieldErrorText(t, f.code));
    byName.set(name, list);
  }
  form.setFields([...byName].map(([name, errors]) => ({ name, errors })));
  return unmatched;
}
