// Lists with parent links (organisations) as the nested nodes of antd's Tree and TreeSelect.

/**
 * The nodes `node` makes of `items`, each under its parent's node; an item whose parent is not
 * among `items` is a root. Order is kept among siblings.
 */
export function treeOf<T extends { id: number; parent_id: number | null }, N extends { children?: N[] }>(
  items: T[],
  node: (item: T) => N,
): N[] {
  const byId = new Map<number, N>();
  for (const item of items) byId.set(item.id, node(item));
  const roots: N[] = [];
  for (const item of items) {
    const made = byId.get(item.id)!;
    const parent = item.parent_id !== null ? byId.get(item.parent_id) : undefined;
    if (parent) (parent.children ??= []).push(made);
    else roots.push(made);
  }
  return roots;
}
