// The body of a PATCH: only what an edit form changed (the API wants nothing else).

/** The text fields among `keys` whose trimmed value in `values` differs from `record`'s. */
export function changedTexts<K extends string>(
  record: Record<K, string>,
  values: Partial<Record<K, string>>,
  keys: readonly K[],
): Partial<Record<K, string>> {
  const changed: Partial<Record<K, string>> = {};
  for (const k of keys) {
    const next = (values[k] ?? '').trim();
    if (next !== record[k]) changed[k] = next;
  }
  return changed;
}
