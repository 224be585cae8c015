/** A .tdkt opened from the desktop (double-click / "Open with") waits here until the import card shows its preview. */
import { create } from 'zustand';
import { onEvent } from '../../api/client';
import { useRouter } from '../../stores/router';

export interface PickedFile {
  fileName: string;
  dataBase64: string;
}

export const useOpenedPackage = create<{ file: PickedFile | null; take: () => PickedFile | null }>((set, get) => ({
  file: null,
  take: () => {
    const f = get().file;
    if (f) set({ file: null });
    return f;
  },
}));

onEvent('exchange.fileOpened', (file) => {
  useOpenedPackage.setState({ file });
  useRouter.getState().navigate('exchange');
});
