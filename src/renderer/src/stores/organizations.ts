import { create } from 'zustand';
import type { AppError } from '@shared/errors';
import type { OrgDetail, OrgNode } from '@shared/schemas/organizations';
import { compareVi } from '@shared/vi-text/collate';
import { call, toAppError } from '../api/client';
import { todayApi } from '../lib/dates';

export interface OrgTreeItem {
  node: OrgNode;
  children: OrgTreeItem[];
}

/** Builds the forest from parentId; children by sortOrder, then Vietnamese name order. */
export function buildOrgTree(nodes: OrgNode[]): OrgTreeItem[] {
  const items = new Map<string, OrgTreeItem>();
  for (const n of nodes) items.set(n.id, { node: n, children: [] });
  const roots: OrgTreeItem[] = [];
  for (const item of items.values()) {
    const parent = item.node.parentId ? items.get(item.node.parentId) : undefined;
    if (parent && parent !== item) parent.children.push(item);
    else roots.push(item);
  }
  const order = (a: OrgTreeItem, b: OrgTreeItem) =>
    a.node.sortOrder - b.node.sortOrder || compareVi(a.node.name, b.node.name);
  const sortDeep = (list: OrgTreeItem[]) => {
    list.sort(order);
    for (const i of list) sortDeep(i.children);
  };
  sortDeep(roots);
  return roots;
}

/** Ids of a node and everything under it (a unit cannot move under its own descendants). */
export function subtreeIds(nodes: OrgNode[], rootId: string): Set<string> {
  const byParent = new Map<string, string[]>();
  for (const n of nodes) {
    if (!n.parentId) continue;
    const list = byParent.get(n.parentId) ?? [];
    list.push(n.id);
    byParent.set(n.parentId, list);
  }
  const out = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    for (const c of byParent.get(id) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}

interface OrganizationsState {
  /** Names as at this date (YYYY-MM-DD). */
  at: string;
  nodes: OrgNode[];
  loading: boolean;
  error: AppError | null;
  selectedId: string | null;
  detail: OrgDetail | null;
  detailLoading: boolean;
  detailError: AppError | null;
  setAt: (at: string) => Promise<void>;
  load: () => Promise<void>;
  select: (id: string | null) => Promise<void>;
  /** Reloads the tree and the selected unit's detail after a change. */
  refresh: () => Promise<void>;
}

let detailSeq = 0;

export const useOrganizations = create<OrganizationsState>((set, get) => ({
  at: todayApi(),
  nodes: [],
  loading: false,
  error: null,
  selectedId: null,
  detail: null,
  detailLoading: false,
  detailError: null,
  setAt: async (at) => {
    set({ at });
    await get().load();
  },
  load: async () => {
    set({ loading: true, error: null });
    try {
      const nodes = await call('organizations.tree', { at: get().at, includeEnded: true });
      set({ nodes, loading: false });
    } catch (e) {
      set({ error: toAppError(e), loading: false });
    }
  },
  select: async (id) => {
    const seq = ++detailSeq;
    set({ selectedId: id, detail: null, detailError: null, detailLoading: !!id });
    if (!id) return;
    try {
      const detail = await call('organizations.get', { id });
      if (seq === detailSeq) set({ detail, detailLoading: false });
    } catch (e) {
      if (seq === detailSeq) set({ detailError: toAppError(e), detailLoading: false });
    }
  },
  refresh: async () => {
    await get().load();
    const id = get().selectedId;
    if (id) await get().select(id);
  },
}));
