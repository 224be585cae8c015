/**
 * One small query cache for reads: keyed by call name + input, shared by every screen that shows the
 * same data, and dropped when the core says (data.changed) that an area it depends on changed, so an
 * import or an edit elsewhere refreshes every list on screen. A failed read tells the clerk why.
 */
import { App } from 'antd';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { CallInput, CallName, CallOutput, DataArea } from '@shared/contract';
import type { AppError } from '@shared/errors';
import { call, onEvent, toAppError } from '../api/client';

interface Entry {
  name: CallName;
  value?: unknown;
  error?: AppError;
  loading: boolean;
  /** Bumped on every change, so subscribers re-render. */
  stamp: number;
  promise?: Promise<void>;
  token?: object;
  listeners: Set<() => void>;
}

/** Which data a read depends on, by the call's area (the part before the dot); unknown areas depend on everything. */
const DEPENDS: Record<string, readonly DataArea[]> = {
  organizations: ['organizations'],
  people: ['people', 'organizations'],
  occasions: ['occasions'],
  movements: ['movements', 'occasions', 'organizations'],
  plans: ['plans', 'movements', 'register', 'organizations'],
  register: ['register', 'plans', 'commendations', 'reports'],
  registrations: ['registrations', 'people', 'organizations', 'movements'],
  commendations: ['commendations', 'people', 'organizations', 'movements', 'settings', 'register'],
  reports: ['reports', 'registrations', 'commendations', 'organizations', 'movements', 'register'],
  dashboard: ['organizations', 'people', 'movements', 'plans', 'registrations', 'commendations', 'reports', 'exchange', 'register'],
  settings: ['settings'],
};

const cache = new Map<string, Entry>();

function dependsOn(name: CallName, area: DataArea): boolean {
  if (area === 'all') return true;
  const deps = DEPENDS[name.slice(0, name.indexOf('.'))];
  return !deps || deps.includes(area);
}

function fetchEntry(e: Entry, input: unknown): Promise<void> {
  // Only the latest read of an entry may write it (an older, slower answer is dropped).
  const token = {};
  e.token = token;
  e.loading = true;
  const notify = () => {
    e.stamp++;
    e.listeners.forEach((l) => l());
  };
  const done = (call as (n: CallName, i: unknown) => Promise<unknown>)(e.name, input)
    .then(
      (value) => {
        if (e.token !== token) return;
        e.value = value;
        e.error = undefined;
      },
      (err) => {
        if (e.token !== token) return;
        e.error = toAppError(err);
      },
    )
    .then(() => {
      if (e.token !== token) return;
      e.loading = false;
      e.promise = undefined;
      notify();
    });
  e.promise = done;
  notify();
  return done;
}

function entryOf(name: CallName, key: string): Entry {
  let e = cache.get(key);
  if (!e) {
    e = { name, loading: false, stamp: 0, listeners: new Set() };
    cache.set(key, e);
  }
  return e;
}

/** Drops what depends on an area: read again now where a screen shows it, on next use elsewhere. */
export function invalidate(area: DataArea): void {
  for (const [key, e] of cache) {
    if (!dependsOn(e.name, area)) continue;
    if (e.listeners.size) void fetchEntry(e, JSON.parse(key.slice(key.indexOf('\u0000') + 1)));
    else cache.delete(key);
  }
}

if (typeof window !== 'undefined') onEvent('data.changed', ({ area }) => invalidate(area));

export interface Query<T> {
  data: T | undefined;
  error: AppError | undefined;
  loading: boolean;
  /** Reads again (e.g. after a write whose area the core does not report). */
  reload: () => Promise<void>;
}

/**
 * Reads `name(input)` through the cache; `input` null = not yet (e.g. no year chosen). `what` names the
 * data in the message shown when the read fails ("danh sách kế hoạch").
 */
export function useQuery<K extends CallName>(name: K, input: CallInput<K> | null, what: string): Query<CallOutput<K>> {
  const { message } = App.useApp();
  const key = input === null ? null : `${name}\u0000${JSON.stringify(input)}`;
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!key) return () => {};
      const e = entryOf(name, key);
      e.listeners.add(listener);
      return () => void e.listeners.delete(listener);
    },
    [name, key],
  );
  const stamp = useSyncExternalStore(subscribe, () => (key ? (cache.get(key)?.stamp ?? -1) : -1));
  useEffect(() => {
    if (!key) return;
    const e = entryOf(name, key);
    if (e.value === undefined && !e.error && !e.promise) void fetchEntry(e, input);
    // input is part of key
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, key]);
  const e = key ? cache.get(key) : undefined;
  const error = e?.error;
  useEffect(() => {
    if (error) message.error(`Không đọc được ${what}: ${error.message}`);
  }, [error, what, message]);
  const reload = useCallback(async () => {
    if (!key) return;
    await fetchEntry(entryOf(name, key), input);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, key]);
  void stamp;
  return { data: e?.value as CallOutput<K> | undefined, error, loading: !!e?.loading || (!!key && !e), reload };
}

/**
 * For screens that read with their own effect (filters, debounce): a number that changes whenever the
 * core reports a change in one of `areas` (or 'all'); put it in the effect's dependencies.
 */
export function useDataChanged(areas: readonly DataArea[]): number {
  const [n, setN] = useState(0);
  const key = areas.join(',');
  useEffect(() => onEvent('data.changed', ({ area }) => (area === 'all' || key.split(',').includes(area)) && setN((x) => x + 1)), [key]);
  return n;
}
