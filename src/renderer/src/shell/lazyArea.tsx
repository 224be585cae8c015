import { lazy, type ComponentType } from 'react';
import { whenIdle } from '../lib/whenIdle';

/**
 * An area loaded as its own chunk. Once loaded it renders synchronously: React 19 holds a suspended
 * screen back for at least 300 ms after showing a fallback, so a screen that suspends on every first
 * visit opens a third of a second late even when its chunk is already there.
 */
export interface LazyArea {
  View: ComponentType;
  /** Loads the chunk (once); resolves when the area renders without suspending. */
  preload(): Promise<void>;
}

export function lazyArea(load: () => Promise<ComponentType>): LazyArea {
  let loaded: ComponentType | null = null;
  let pending: Promise<ComponentType> | null = null;
  const fetchChunk = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        // A failed load is tried again next time rather than remembered.
        pending = null;
        throw e;
      },
    ));
  const Suspending = lazy(() => fetchChunk().then((c) => ({ default: c })));
  function View() {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Suspending />;
  }
  return { View, preload: () => fetchChunk().then(() => undefined) };
}

/** Loads every area's chunk one after the other while the browser is idle, so later visits do not wait. */
export function preloadWhenIdle(areas: LazyArea[]): () => void {
  let cancel = () => {};
  let stopped = false;
  const next = (i: number) => {
    if (stopped || i >= areas.length) return;
    cancel = whenIdle(() => void areas[i].preload().catch(() => undefined).then(() => next(i + 1)));
  };
  next(0);
  return () => {
    stopped = true;
    cancel();
  };
}
