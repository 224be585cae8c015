import { create } from 'zustand';
import type { AppError } from '@shared/errors';
import type { PersonView } from '@shared/schemas/people';
import { call, toAppError } from '../api/client';

interface PeopleState {
  query: string;
  organizationId: string | undefined;
  page: number;
  pageSize: number;
  total: number;
  items: PersonView[];
  loading: boolean;
  error: AppError | null;
  search: (opts?: { query?: string; organizationId?: string | null; page?: number; pageSize?: number }) => Promise<void>;
}

let seq = 0;

export const usePeople = create<PeopleState>((set, get) => ({
  query: '',
  organizationId: undefined,
  page: 1,
  pageSize: 20,
  total: 0,
  items: [],
  loading: false,
  error: null,
  search: async (opts = {}) => {
    const s = get();
    const query = opts.query ?? s.query;
    const organizationId = opts.organizationId === null ? undefined : (opts.organizationId ?? s.organizationId);
    const pageSize = opts.pageSize ?? s.pageSize;
    // A new query or filter starts again from the first page.
    const page = opts.page ?? (opts.query !== undefined || opts.organizationId !== undefined ? 1 : s.page);
    const mine = ++seq;
    set({ query, organizationId, page, pageSize, loading: true, error: null });
    try {
      const res = await call('people.search', {
        query,
        ...(organizationId ? { organizationId } : {}),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      if (mine === seq) set({ items: res.items, total: res.total, loading: false });
    } catch (e) {
      if (mine === seq) set({ error: toAppError(e), loading: false });
    }
  },
}));
