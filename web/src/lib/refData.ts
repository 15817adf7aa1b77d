// Small reference lists (organisations, people, sources) fetched once per session and shared.
import { useEffect, useMemo, useState } from 'react';
import { listOrganizations } from '../api/organizations';
import { listPeople } from '../api/people';
import { listSources } from '../api/sources';
import type { Organization, Person, Source } from '../api/types';
import { formatDate, personOptions } from './format';

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

export interface Loadable<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
}

function useCached<T>(key: string, load: () => Promise<T>): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ data: undefined, loading: true, error: undefined });
  useEffect(() => {
    let live = true;
    cached(key, load).then(
      (data) => live && setState({ data, loading: false, error: undefined }),
      (error: unknown) => live && setState({ data: undefined, loading: false, error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

export const useOrganizations = () =>
  useCached<Organization[]>('organizations', () => listOrganizations().then((r) => r.items));

export const usePeople = () => useCached<Person[]>('people', () => listPeople().then((r) => r.items));

export const useSources = () => useCached<Source[]>('sources', () => listSources().then((r) => r.items));

export interface OrgTreeNode {
  value: number;
  title: string;
  key: number;
  disabled?: boolean;
  children?: OrgTreeNode[];
}

/** The organisation list (tree order) as TreeSelect data. Closed organisations are marked. */
export function orgTree(orgs: Organization[], closedSuffix = ''): OrgTreeNode[] {
  const byId = new Map<number, OrgTreeNode>();
  const roots: OrgTreeNode[] = [];
  for (const o of orgs) {
    byId.set(o.id, { value: o.id, key: o.id, title: o.valid_to ? `${o.name}${closedSuffix}` : o.name });
  }
  for (const o of orgs) {
    const node = byId.get(o.id)!;
    const parent = o.parent_id !== null ? byId.get(o.parent_id) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** "Số văn bản · dd/mm/yyyy · title" options of a source picker. */
export function sourceOptions(sources: Source[]) {
  return sources.map((s) => ({
    value: s.id,
    label: [s.doc_number, s.doc_date ? formatDate(s.doc_date) : '', s.title].filter(Boolean).join(' · '),
  }));
}

/** The organisation tree, people and source options of the task filter bar and the task form. */
export function usePickerOptions(organizations: Organization[], people: Person[], sources: Source[]) {
  const tree = useMemo(() => orgTree(organizations), [organizations]);
  const peopleOptions = useMemo(() => personOptions(people), [people]);
  const sources_ = useMemo(() => sourceOptions(sources), [sources]);
  return { tree, peopleOptions, sourceOptions: sources_ };
}
