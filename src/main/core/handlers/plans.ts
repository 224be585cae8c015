import type { Kysely } from 'kysely';
import type { Ctx } from '../context';
import type { DB } from '../db/schema';
import type { AreaHandlers } from '../registry';
import { deleteMovement, getMovement, listMovements, saveMovement } from '../services/movements';
import { anniversariesOf, deleteOccasion, listOccasions, saveOccasion } from '../services/occasions';
import { requireOffice } from '../services/office';
import {
  createPlan, deletePlan, deleteTemplate, duplicatePlan, getPlan, issuePlan, listPlans, listTemplates, savePlan, saveTemplate,
} from '../services/plans';

/** Every write in one transaction: a refused input leaves the database as it was. */
function inTx<T>(ctx: Ctx, fn: (q: Kysely<DB>) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute((trx) => fn(trx));
}

export const occasionHandlers = {
  'occasions.list': (_input, ctx) => listOccasions(ctx.db),
  'occasions.save': async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    const view = await inTx(ctx, (q) => saveOccasion(q, input, office.organizationId));
    ctx.emit('data.changed', { area: 'occasions' });
    return view;
  },
  'occasions.delete': async (input, ctx) => {
    await inTx(ctx, (q) => deleteOccasion(q, input.id));
    ctx.emit('data.changed', { area: 'occasions' });
    return null;
  },
  'occasions.anniversaries': (input, ctx) => anniversariesOf(ctx.db, input.year, input.step),
} satisfies AreaHandlers<'occasions.'>;

export const movementHandlers = {
  'movements.list': (input, ctx) => listMovements(ctx.db, input.year),
  'movements.get': (input, ctx) => getMovement(ctx.db, input.id),
  'movements.save': async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    const id = await inTx(ctx, (q) => saveMovement(q, { ...input, organizationId: input.organizationId ?? office.organizationId }, office.organizationId));
    ctx.emit('data.changed', { area: 'movements' });
    return getMovement(ctx.db, id);
  },
  'movements.delete': async (input, ctx) => {
    await inTx(ctx, (q) => deleteMovement(q, input.id));
    ctx.emit('data.changed', { area: 'movements' });
    return null;
  },
} satisfies AreaHandlers<'movements.'>;

export const planHandlers = {
  'plans.list': (input, ctx) => listPlans(ctx.db, input.movementId),
  'plans.get': (input, ctx) => getPlan(ctx.db, input.id),
  'plans.create': async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    const id = await inTx(ctx, (q) => createPlan(q, office, input));
    ctx.emit('data.changed', { area: 'plans' });
    return getPlan(ctx.db, id);
  },
  'plans.save': async (input, ctx) => {
    await inTx(ctx, (q) => savePlan(q, input));
    return getPlan(ctx.db, input.id);
  },
  'plans.delete': async (input, ctx) => {
    await inTx(ctx, (q) => deletePlan(q, input.id));
    ctx.emit('data.changed', { area: 'plans' });
    return null;
  },
  'plans.duplicate': async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    const id = await inTx(ctx, (q) => duplicatePlan(q, input.id, office));
    ctx.emit('data.changed', { area: 'plans' });
    return getPlan(ctx.db, id);
  },
  'plans.issue': async (input, ctx) => {
    await inTx(ctx, (q) => issuePlan(q, input));
    ctx.emit('data.changed', { area: 'plans' });
    ctx.emit('data.changed', { area: 'register' });
    return getPlan(ctx.db, input.id);
  },
  'plans.templates': (_input, ctx) => listTemplates(ctx.db),
  'plans.saveTemplate': async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    return inTx(ctx, (q) => saveTemplate(q, input.planId, input.name, office.organizationId));
  },
  'plans.deleteTemplate': async (input, ctx) => {
    await inTx(ctx, (q) => deleteTemplate(q, input.id));
    return null;
  },
} satisfies AreaHandlers<'plans.'>;
