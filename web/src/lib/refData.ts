// Small reference lists (organisations, people, sources) fetched once per session and shared.
import { useMemo } from 'react';
import { listOrganizations } from '../api/organizations';
import { listPeople } from '../api/people';
import { listSources } from '../api/sources';
import type { Organization, Person, Source } from '../api/types';
import { formatDate, personOptions } from './format';
import { useLoad, type Load } from './useLoad';

const cache = new Map<string, Promise<unknown>>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

/** Forget everything (after login, logout, or a change to the lists). */
export function invalidateRefData(key?: 'organizations' | 'people' | 'sources'): void {
  if (key) cache.delete(key);
  else cache.clear();
}

/** The list under `key`, loaded once for all the components that show it. */
function useCached<T>(key: string, load: () => Promise<T>): Load<T> {
  return useLoad(() => cached(key, load), [key]);
}

export const useOrganizations = () =>
  useCached<Organization[]>('organizations', () => listOrganizations().then((r) => r.items));

export const usePeople = () => useCached<Person[]>('people', () => listPeople().then((r) => r.items));

export const useSources = () => useCached<Source[]>('sources', () => listSources().then((r) => r.items));

/** "Số văn bản · dd/mm/yyyy · title" options of a source picker. */
export function sourceOptions(sources: Source[]) {
  return sources.map((s) => ({
    value: s.id,
    label: [s.doc_number, s.doc_date ? formatDate(s.doc_date) : '', s.title].filter(Boolean).join(' · '),
  }));
}

/** The people and source options of the task filter bar and the task form. */
export function usePickerOptions(people: Person[], sources: Source[]) {
  const peopleOptions = useMemo(() => personOptions(people), [people]);
  const sources_ = useMemo(() => sourceOptions(sources), [sources]);
  return { peopleOptions, sourceOptions: sources_ };
}
