// Organisation pickers (TreeSelect) of the dashboard, sources, organisations and people pages,
// the task form and the task list's filters:
// only the organisations one may choose are in the tree (no disabled ancestors, so that the
// keyboard reaches every choice), and typing with or without diacritics finds a unit, the
// first match being active so that Enter picks it.
import type { Organization } from '../api/types';
import { foldVietnamese } from './format';
import { treeOf } from './tree';

export interface OrgPickNode {
  value: number;
  key: number;
  title: string;
  /** lower-cased name and its folded form, searched by TreeSelect */
  search: string;
  children?: OrgPickNode[];
}

/** What a typed search is matched against: the name lower-cased, without diacritics, the code. */
export function orgSearchText(o: Organization): string {
  return `${o.name.toLowerCase()} ${foldVietnamese(o.name)} ${o.code.toLowerCase()}`;
}

const pickNode = (o: Organization): OrgPickNode => ({ value: o.id, key: o.id, title: o.name, search: orgSearchText(o) });

/**
 * The tree of the organisations of `agencyId` still in operation, minus `exclude`. A unit whose
 * parent is left out becomes a root.
 */
export function agencyOrgTree(orgs: Organization[], agencyId: number, exclude?: Set<number>): OrgPickNode[] {
  const kept = orgs.filter((o) => o.agency_id === agencyId && !o.valid_to && !exclude?.has(o.id));
  return treeOf(kept, pickNode);
}

/** The ids of `id` and everything below it. */
export function subtreeIds(orgs: Organization[], id: number): Set<number> {
  const out = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of orgs) {
      if (o.parent_id !== null && out.has(o.parent_id) && !out.has(o.id)) {
        out.add(o.id);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * The units a task of `agencyId` may name as its lead or cooperators: what the server accepts (the
 * organisations under the agency, agencies under it included) still in operation, but not the
 * agency as a whole, whose name would otherwise be the first match of many a search ("vận tải").
 * `within` narrows them to one unit's subtree (a unit head leads only their own unit's tasks);
 * `keep` are the ids already chosen, shown even when closed since.
 */
export function taskUnitTree(
  orgs: Organization[],
  agencyId: number,
  opts: { within?: number; keep?: readonly number[] } = {},
): OrgPickNode[] {
  const allowed = subtreeIds(orgs, opts.within ?? agencyId);
  const keep = new Set(opts.keep);
  const kept = orgs.filter((o) => o.id !== agencyId && allowed.has(o.id) && (!o.valid_to || keep.has(o.id)));
  return treeOf(kept, pickNode);
}

/**
 * The organisations a task list may be filtered by: the agency and everything under it, closed
 * ones too (old tasks name them), without the organisations above the agency, which lead none of
 * its tasks.
 */
export function filterOrgTree(orgs: Organization[], agencyId: number): OrgPickNode[] {
  const allowed = subtreeIds(orgs, agencyId);
  return treeOf(orgs.filter((o) => allowed.has(o.id)), pickNode);
}

/** Props for a TreeSelect over `agencyOrgTree` nodes. */
export const orgPickerProps = {
  showSearch: true,
  treeDefaultExpandAll: true,
  treeNodeFilterProp: 'search',
  popupMatchSelectWidth: false,
  filterTreeNode: (input: string, node: object) => {
    const s = String((node as { search?: string }).search ?? '');
    return s.includes(input.toLowerCase()) || s.includes(foldVietnamese(input));
  },
} as const;
