/** A tiny hash router: the area is the first segment of location.hash ("#/organizations"). */
import { create } from 'zustand';

export const AREAS = [
  'home',
  'movements',
  'registrations',
  'awards',
  'reports',
  'documents',
  'organizations',
  'register',
  'exchange',
  'settings',
] as const;
export type Area = (typeof AREAS)[number];

export const AREA_LABELS: Record<Area, string> = {
  home: 'Trang chủ',
  movements: 'Phong trào & kế hoạch',
  registrations: 'Đăng ký',
  awards: 'Khen thưởng',
  reports: 'Báo cáo',
  documents: 'Văn bản khác',
  organizations: 'Đơn vị & cá nhân',
  register: 'Sổ văn bản',
  exchange: 'Trao đổi dữ liệu',
  settings: 'Cài đặt',
};

function parse(hash: string): { area: Area; rest: string[] } {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const first = parts[0] as Area | undefined;
  if (first && (AREAS as readonly string[]).includes(first)) return { area: first, rest: parts.slice(1) };
  return { area: 'home', rest: [] };
}

interface RouterState {
  area: Area;
  rest: string[];
  /** Goes to a screen once every leave guard agrees (an editor saves first, or asks when it cannot). */
  navigate: (area: Area, ...rest: string[]) => void;
}

/** A screen with unsaved work: resolves true when it is fine to leave. */
export type LeaveGuard = () => Promise<boolean>;
const guards = new Set<LeaveGuard>();

export function addLeaveGuard(guard: LeaveGuard): () => void {
  guards.add(guard);
  return () => void guards.delete(guard);
}

async function mayLeave(): Promise<boolean> {
  for (const g of [...guards]) if (!(await g())) return false;
  return true;
}

export const useRouter = create<RouterState>((set) => ({
  ...parse(typeof location !== 'undefined' ? location.hash : ''),
  navigate: (area, ...rest) => {
    const hash = `#/${[area, ...rest].map(encodeURIComponent).join('/')}`;
    void mayLeave().then((ok) => {
      if (!ok) return;
      if (location.hash !== hash) location.hash = hash;
      else set(parse(hash));
    });
  },
}));

/** Makes an area ready to render (its chunk loaded); set by the shell. */
let prepareArea: (area: Area) => Promise<unknown> = () => Promise.resolve();
export function setAreaPreloader(fn: (area: Area) => Promise<unknown>): void {
  prepareArea = fn;
}

if (typeof window !== 'undefined') {
  // The current screen stays until the next one can render at once (no blank "Đang mở…" in between).
  window.addEventListener('hashchange', () => {
    const hash = location.hash;
    const next = parse(hash);
    void prepareArea(next.area)
      .catch(() => undefined)
      .then(() => {
        if (location.hash === hash) useRouter.setState(next);
      });
  });
}
