// Organisation pickers (TreeSelect) of the dashboard, sources, organisations and people pages:
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

/**
 * The tree of the organisations of `agencyId` still in operation, minus `exclude`. A unit whose
 * parent is left out becomes a root.
 */
export function agencyOrgTree(orgs: Organization[], agencyId: number, exclude?: Set<number>): OrgPickNode[] {
  const kept = orgs.filter((o) => o.agency_id === agencyId && !o.valid_to && !exclude?.has(o.id));
  return treeOf<Organization, OrgPickNode>(kept, (o) => ({
    value: o.id,
    key: o.id,
    title: o.name,
    search: orgSearchText(o),
  }));
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
