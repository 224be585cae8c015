import { useEffect, useState } from 'react';
import type { PhaseView } from '@shared/schemas/movements';
import { call } from '../../api/client';

/** The đợt of the chosen movement (none when no movement is chosen). */
export function usePhases(movementId: string | null | undefined): PhaseView[] {
  const [phases, setPhases] = useState<PhaseView[]>([]);
  useEffect(() => {
    if (!movementId) {
      setPhases([]);
      return;
    }
    call('movements.get', { id: movementId }).then((m) => setPhases(m.phases), () => setPhases([]));
  }, [movementId]);
  return phases;
}
