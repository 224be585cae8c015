import { create } from 'zustand';
import type { CallInput } from '@shared/contract';
import type { AppError } from '@shared/errors';
import type { OfficeView } from '@shared/schemas/office';
import { call, toAppError } from '../api/client';

interface OfficeState {
  /** undefined = not loaded yet; null = not set up (first run) */
  office: OfficeView | null | undefined;
  loading: boolean;
  error: AppError | null;
  load: () => Promise<void>;
  setup: (input: CallInput<'office.setup'>) => Promise<OfficeView>;
  update: (input: CallInput<'office.update'>) => Promise<OfficeView>;
}

export const useOffice = create<OfficeState>((set) => ({
  office: undefined,
  loading: false,
  error: null,
  load: async () => {
    set({ loading: true, error: null });
    try {
      const office = await call('office.get', {});
      set({ office, loading: false });
    } catch (e) {
      set({ error: toAppError(e), loading: false });
    }
  },
  setup: async (input) => {
    const office = await call('office.setup', input);
    set({ office, error: null });
    return office;
  },
  update: async (input) => {
    const office = await call('office.update', input);
    set({ office });
    return office;
  },
}));
