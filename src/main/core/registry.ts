import { z } from 'zod';
import { contract, type CallName, type CallOutput, type DataArea, type HandlerInput } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';
import type { Ctx } from './context';
import { storageFault } from './db/faults';

z.config(z.locales.vi());

export type Handler<K extends CallName> = (input: HandlerInput<K>, ctx: Ctx) => Promise<CallOutput<K>> | CallOutput<K>;
/** One typed map: a missing or misspelt handler is a type error. */
export type Handlers = { [K in CallName]: Handler<K> };
/** The handlers of one area, e.g. AreaHandlers<'plans.'>, for handlers/<area>.ts. */
export type AreaHandlers<P extends string> = { [K in CallName as K extends `${P}${string}` ? K : never]: Handler<K> };

/**
 * The one write wrapper: the handler runs inside one transaction (its `ctx.db` is the transaction, so every
 * service it calls writes into it), and after the commit `data.changed` is emitted once per area. A refused
 * input (an AppError thrown anywhere inside) rolls everything back. Declared once per write handler:
 * `'plans.save': mutator('plans', (input, ctx) => savePlan(ctx.db, input))`.
 */
export function mutator<K extends CallName>(areas: DataArea | readonly DataArea[], handler: Handler<K>): Handler<K> {
  const list: readonly DataArea[] = typeof areas === 'string' ? [areas] : areas;
  return async (input, ctx): Promise<CallOutput<K>> => {
    const out = await ctx.db.transaction().execute(async (trx) => handler(input, Object.create(ctx, { db: { value: trx } }) as Ctx));
    for (const area of list) ctx.emit('data.changed', { area });
    return out;
  };
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
