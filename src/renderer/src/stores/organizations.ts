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
  /**
   * Reloads the tree and the selected unit's detail after a change (optionally selecting a unit
   * first). Calls that arrive while one runs (our own and the core's data.changed) share one rerun.
   */
  refresh: (selectId?: string) => Promise<void>;
}

let treeSeq = 0;
let detailSeq = 0;
let inflight: Promise<void> | null = null;
let queued: Promise<void> | null = null;

export const useOrganizations = create<OrganizationsState>((set, get) => {
  const loadDetail = async (id: string | null, keepOld: boolean) => {
    const seq = ++detailSeq;
    set(keepOld ? { detailLoading: !!id, detailError: null } : { detail: null, detailError: null, detailLoading: !!id });
    if (!id) return;
    try {
      // The detail panel shows the unit as at the date the tree shows.
      const detail = await call('organizations.get', { id, at: get().at });
      if (seq === detailSeq) set({ detail, detailLoading: false });
    } catch (e) {
      if (seq === detailSeq) set({ detailError: toAppError(e), detailLoading: false });
    }
  };

  const runRefresh = async () => {
    await Promise.all([get().load(), loadDetail(get().selectedId, true)]);
  };

  const coalesced = (): Promise<void> => {
    if (!inflight) {
      inflight = runRefresh().finally(() => {
        inflight = null;
      });
      return inflight;
    }
    if (!queued) {
      queued = inflight.then(() => {
        queued = null;
        return coalesced();
      });
    }
    return queued;
  };

  return {
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
      await Promise.all([get().load(), loadDetail(get().selectedId, true)]);
    },
    load: async () => {
      const seq = ++treeSeq;
      set({ loading: true, error: null });
      try {
        const nodes = await call('organizations.tree', { at: get().at, includeEnded: true });
        if (seq === treeSeq) set({ nodes, loading: false });
      } catch (e) {
        if (seq === treeSeq) set({ error: toAppError(e), loading: false });
      }
    },
    select: async (id) => {
      if (id === get().selectedId && get().detail?.id === id) return;
      set({ selectedId: id });
      await loadDetail(id, false);
    },
    refresh: async (selectId) => {
      if (selectId !== undefined) set({ selectedId: selectId });
      await coalesced();
    },
  };
});
