/**
 * Runs `fn` once the browser has nothing more urgent to do (at the latest after `timeout` ms); returns a
 * cancel function. For work a screen does not need to show itself: it must not delay what the clerk waits for.
 */
export function whenIdle(fn: () => void, timeout = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(fn, Math.min(timeout, 200));
  return () => clearTimeout(handle);
}
