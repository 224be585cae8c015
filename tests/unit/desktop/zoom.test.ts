import { describe, expect, it } from 'vitest';
import { ZOOM_LIMITS, nextZoomLevel, zoomActionForKey } from '../../../src/main/zoom';

const key = (k: string, extra: Partial<{ type: string; control: boolean; meta: boolean; alt: boolean }> = {}) => ({ type: 'keyDown', key: k, control: true, meta: false, alt: false, ...extra });

describe('zoom keys', () => {
  it('Ctrl+= and Ctrl+Shift+= (and the numpad +) zoom in, Ctrl+- out, Ctrl+0 resets', () => {
    expect(zoomActionForKey(key('='))).toBe('in');
    expect(zoomActionForKey(key('+'))).toBe('in');
    expect(zoomActionForKey(key('Add'))).toBe('in');
    expect(zoomActionForKey(key('-'))).toBe('out');
    expect(zoomActionForKey(key('Subtract'))).toBe('out');
    expect(zoomActionForKey(key('0'))).toBe('reset');
    expect(zoomActionForKey(key('=', { control: false, meta: true }))).toBe('in');
  });

  it('leaves other keys, key-up, AltGr combinations and plain typing alone', () => {
    expect(zoomActionForKey(key('='), )).not.toBeNull();
    expect(zoomActionForKey(key('=', { type: 'keyUp' }))).toBeNull();
    expect(zoomActionForKey(key('=', { control: false }))).toBeNull();
    expect(zoomActionForKey(key('-', { alt: true }))).toBeNull();
    expect(zoomActionForKey(key('s'))).toBeNull();
    expect(zoomActionForKey(key('9'))).toBeNull();
  });

  it('steps by half a level, resets to 0 and stays within 50 %–300 %', () => {
    expect(nextZoomLevel(0, 'in')).toBe(0.5);
    expect(nextZoomLevel(0.5, 'out')).toBe(0);
    expect(nextZoomLevel(2.3, 'reset')).toBe(0);
    let level = 0;
    for (let i = 0; i < 40; i++) level = nextZoomLevel(level, 'in');
    expect(level).toBe(ZOOM_LIMITS.max);
    for (let i = 0; i < 80; i++) level = nextZoomLevel(level, 'out');
    expect(level).toBe(ZOOM_LIMITS.min);
    expect(1.2 ** ZOOM_LIMITS.max).toBeCloseTo(3, 0);
    expect(1.2 ** ZOOM_LIMITS.min).toBeCloseTo(0.5, 1);
  });
});
