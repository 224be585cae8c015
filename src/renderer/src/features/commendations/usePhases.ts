import { useEffect, useState } from 'react';
import type { PhaseView } from '@shared/schemas/movements';
import { call, toAppError } from '../../api/client';
import { App } from 'antd';

/** The đợt of the chosen movement (none when no movement is chosen). */
export function usePhases(movementId: string | null | undefined): PhaseView[] {
  const [phases, setPhases] = useState<PhaseView[]>([]);
  const { message } = App.useApp();
  useEffect(() => {
    if (!movementId) {
      setPhases([]);
      return;
    }
    call('movements.get', { id: movementId }).then(
      (m) => setPhases(m.phases),
      (e) => {
        setPhases([]);
        message.error(`Không đọc được các đợt của phong trào: ${toAppError(e).message}`);
      },
    );
  }, [movementId, message]);
  return phases;
}
