import type Database from 'better-sqlite3';
import { z } from 'zod';
import { contract, type CallName, type CallOutput, type DataArea, type HandlerInput } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';
import type { Ctx } from './context';
import { storageFault } from './db/faults';
import { withoutWriteCounts } from './db/table-writes';

z.config(z.locales.vi());

export type Handler<K extends CallName> = (input: HandlerInput<K>, ctx: Ctx) => Promise<CallOutput<K>> | CallOutput<K>;
/** One typed map: a missing or misspelt handler is a type error. */
export type Handlers = { [K in CallName]: Handler<K> };
/** The handlers of one area, e.g. AreaHandlers<'plans.'>, for handlers/<area>.ts. */
export type AreaHandlers<P extends string> = { [K in CallName as K extends `${P}${string}` ? K : never]: Handler<K> };

const declaredWrites = new WeakMap<object, readonly DataArea[]>();

/** The areas a handler was declared to write (undefined: a read); lets a test hold every write to the wrapper. */
export function writeAreasOf(handler: unknown): readonly DataArea[] | undefined {
  return typeof handler === 'function' ? declaredWrites.get(handler) : undefined;
}

/**
 * The one write mechanism. Every handler that changes data is declared through `mutator` (or its staged form
 * below) and nothing else opens a transaction or emits `data.changed`:
 * - the handler runs inside one transaction (its `ctx.db` is the transaction, so every service it calls writes
 *   into it; raw statements on `ctx.store.sqlite` share the same connection and so the same transaction);
 * - after the commit `data.changed` is emitted once per area (none for `[]`, e.g. an autosave only its editor shows);
 * - a refused input (an AppError thrown anywhere inside) rolls everything back and emits nothing.
 * Declared once per write handler: `'plans.save': mutator('plans', (input, ctx) => savePlan(ctx.db, input))`.
 */
export function mutator<K extends CallName>(areas: DataArea | readonly DataArea[], handler: Handler<K>): Handler<K> {
  return declaredWrite(areas, (input, ctx) => inTransaction(ctx, (tctx) => handler(input, tctx)));
}

/**
 * The same wrapper for writes that must do work before the transaction: check a whole file and back up the
 * database only once it is valid (imports), or replace the database file (restore). `prepare` runs first on the
 * plain handle and may do file I/O; whatever it returns is handed to `write`, which runs exactly as a `mutator`
 * handler (one transaction, then `data.changed` per area). A refusal in `prepare` writes nothing.
 * `'organizations.importXlsx': stagedMutator('organizations', (input, ctx) => check(ctx.db, input), (plan, _input, ctx) => write(ctx.db, plan))`.
 */
export function stagedMutator<K extends CallName, P>(
  areas: DataArea | readonly DataArea[],
  prepare: (input: HandlerInput<K>, ctx: Ctx) => Promise<P> | P,
  write: (prepared: P, input: HandlerInput<K>, ctx: Ctx) => Promise<CallOutput<K>> | CallOutput<K>,
): Handler<K> {
  return declaredWrite(areas, async (input, ctx) => {
    const prepared = await prepare(input, ctx);
    // Staged writes are the bulk ones (sheets, packages, restore): without the per-row write counts.
    return withoutWriteCounts(openConnection(ctx), () => inTransaction(ctx, (tctx) => write(prepared, input, tctx)));
  });
}

/** Runs `fn` in one transaction, with a context whose `db` is that transaction. */
function inTransaction<T>(ctx: Ctx, fn: (tctx: Ctx) => Promise<T> | T): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => fn(Object.create(ctx, { db: { value: trx } }) as Ctx));
}

/** The store's connection, or null when the data could not be opened (a restore from the refusal screen). */
function openConnection(ctx: Ctx): Database.Database | null {
  try {
    return ctx.store.sqlite;
  } catch {
    return null;
  }
}

/** Runs `body`, then emits `data.changed` once per area (only when it returned), and records the areas. */
function declaredWrite<K extends CallName>(areas: DataArea | readonly DataArea[], body: Handler<K>): Handler<K> {
  const list: readonly DataArea[] = typeof areas === 'string' ? [areas] : areas;
  const wrapped: Handler<K> = async (input, ctx): Promise<CallOutput<K>> => {
    const out = await body(input, ctx);
    for (const area of list) ctx.emit('data.changed', { area });
    return out;
  };
  declaredWrites.set(wrapped, list);
  return wrapped;
}

/**
 * The wrapper for the few writes that must own their transaction: the exchange engine applies and undoes a
 * package in one raw better-sqlite3 transaction with deferred foreign keys (checked at its own COMMIT, so a
 * dangling reference becomes a clear refusal) and backs the database up before it; a key rotation writes the
 * key file between two steps. Nested in the kysely transaction, the deferred check would fire at the outer
 * COMMIT, past the engine's message, and a backup would copy a half-written state. So `fn` runs on the plain
 * handle, must not be called inside a transaction (refused, nothing run), and `data.changed` is emitted per
 * area after it returned: never before, never for a refusal.
 * `'exchange.undo': ownTransactionMutator('all', (input, ctx) => undo(ctx.store.sqlite, input.importId))`.
 */
export function ownTransactionMutator<K extends CallName>(areas: DataArea | readonly DataArea[], fn: Handler<K>): Handler<K> {
  return declaredWrite(areas, (input, ctx) => {
    if (ctx.store.sqlite.inTransaction) throw new Error('ownTransactionMutator: called inside an open transaction; this write must own its transaction.');
    return fn(input, ctx);
  });
}

function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

function describeZodIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length ? ` (trường ${issue.path.join('.')})` : '';
    // Our schemas carry Vietnamese messages that already name the field.
    return issue.message.includes(':') ? issue.message : `${issue.message}${where}`;
  });
}

/**
 * The one entry point of both transports: checks the name, validates the payload with the
 * contract's zod schema, runs the handler, and turns every outcome into a Result.
 */
export async function dispatch(handlers: Handlers, ctx: Ctx, name: unknown, payload: unknown): Promise<Result<unknown>> {
  if (typeof name !== 'string' || !isCallName(name)) {
    return { ok: false, error: { code: 'UNKNOWN_HANDLER', message: `Yêu cầu không được hỗ trợ: ${String(name)}` } };
  }
  const parsed = contract[name].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const details = describeZodIssues(parsed.error);
    return { ok: false, error: { code: 'VALIDATION', message: `Dữ liệu không hợp lệ: ${details[0]}`, details } };
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: Ctx) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toInfo() };
    // Disk full, read-only folder, damaged file…: the clerk gets what happened and what to do.
    const fault = storageFault(e);
    if (fault) {
      ctx.log?.error(name, e);
      return { ok: false, error: fault.toInfo() };
    }
    console.error(`[${name}]`, e);
    ctx.log?.error(name, e);
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'INTERNAL', message: `Đã xảy ra lỗi không mong muốn: ${message}` } };
  }
}
