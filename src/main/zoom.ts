/**
 * Zoom by keyboard (Ctrl+wheel arrives as Electron's zoom-changed with 'in'/'out'). Electron's menu roles bind zoom-in to Ctrl+Plus, which on a Vietnamese or
 * US keyboard is Ctrl+Shift+=; clerks press Ctrl+= (and the numpad keys), so the keys are read here.
 */
export type ZoomAction = 'in' | 'out' | 'reset';

export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
}

export function zoomActionForKey(input: KeyInput): ZoomAction | null {
  if (input.type !== 'keyDown' || !(input.control || input.meta) || input.alt) return null;
  switch (input.key) {
    case '=':
    case '+':
    case 'Add':
      return 'in';
    case '-':
    case '_':
    case 'Subtract':
      return 'out';
    case '0':
      return 'reset';
    default:
      return null;
  }
}

/** Chromium levels: 0 is 100 %, each step ×1.2; kept between 50 % (-3.8) and 300 % (+6). */
export const ZOOM_LIMITS = { min: -3.8, max: 6 } as const;
const STEP = 0.5;

export function nextZoomLevel(level: number, action: ZoomAction): number {
  if (action === 'reset') return 0;
  const next = Math.round((level + (action === 'in' ? STEP : -STEP)) * 10) / 10;
  return Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, next));
}
