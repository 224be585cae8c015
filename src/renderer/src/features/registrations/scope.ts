/** The movement and phase the "Đăng ký" area is looking at; shared by its tabs. */
import { create } from 'zustand';
import type { MovementSummary, MovementView } from '@shared/schemas/movements';
import type { OccasionView } from '@shared/schemas/movements';
import type { AppError } from '@shared/errors';
import { call, toAppError } from '../../api/client';

interface ScopeState {
  movements: MovementSummary[];
  movement: MovementView | null;
  /** null: registrations for the whole movement. */
  phaseId: string | null;
  occasions: OccasionView[];
  error: AppError | null;
  /** Bumped after every write so tabs reload. */
  version: number;
  load: () => Promise<void>;
  selectMovement: (id: string) => Promise<void>;
  selectPhase: (id: string | null) => void;
  changed: () => void;
}

export const useRegistrationScope = create<ScopeState>((set, get) => ({
  movements: [],
  movement: null,
  phaseId: null,
  occasions: [],
  error: null,
  version: 0,
  async load() {
    try {
      const [movements, occasions] = await Promise.all([call('movements.list', {}), call('occasions.list', {})]);
      set({ movements, occasions, error: null });
      const current = get().movement;
      if (!current && movements.length) await get().selectMovement(movements[0].id);
    } catch (e) {
      set({ error: toAppError(e) });
    }
  },
  async selectMovement(id) {
    try {
      const movement = await call('movements.get', { id });
      set({ movement, phaseId: movement.phases[0]?.id ?? null, error: null });
    } catch (e) {
      set({ error: toAppError(e) });
    }
  },
  selectPhase: (phaseId) => set({ phaseId }),
  changed: () => set((s) => ({ version: s.version + 1 })),
}));
