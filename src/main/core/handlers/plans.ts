import { mutator, type AreaHandlers } from '../registry';
import { deleteMovement, getMovement, listMovements, saveMovement } from '../services/movements';
import { anniversariesOf, deleteOccasion, listOccasions, saveOccasion } from '../services/occasions';
import { requireOffice } from '../services/office';
import {
  createPlan, deletePlan, deleteTemplate, duplicatePlan, getPlan, issuePlan, listPlans, listTemplates, savePlan, saveTemplate,
} from '../services/plans';

export const occasionHandlers = {
  'occasions.list': (_input, ctx) => listOccasions(ctx.db),
  'occasions.save': mutator('occasions', async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    return saveOccasion(ctx.db, input, office.organizationId);
  }),
  'occasions.delete': mutator('occasions', async (input, ctx) => {
    await deleteOccasion(ctx.db, input.id);
    return null;
  }),
  'occasions.anniversaries': (input, ctx) => anniversariesOf(ctx.db, input.year, input.step),
} satisfies AreaHandlers<'occasions.'>;

export const movementHandlers = {
  'movements.list': (input, ctx) => listMovements(ctx.db, input.year),
  'movements.get': (input, ctx) => getMovement(ctx.db, input.id),
  'movements.save': mutator('movements', async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    const id = await saveMovement(ctx.db, { ...input, organizationId: input.organizationId ?? office.organizationId }, office.organizationId);
    return getMovement(ctx.db, id);
  }),
  'movements.delete': mutator('movements', async (input, ctx) => {
    await deleteMovement(ctx.db, input.id);
    return null;
  }),
} satisfies AreaHandlers<'movements.'>;

export const planHandlers = {
  'plans.list': (input, ctx) => listPlans(ctx.db, input.movementId),
  'plans.get': (input, ctx) => getPlan(ctx.db, input.id),
  'plans.create': mutator('plans', async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    return getPlan(ctx.db, await createPlan(ctx.db, office, input));
  }),
  // Autosave: the editor holds the draft, so other screens need no refresh on every keystroke burst.
  'plans.save': mutator([], async (input, ctx) => {
    await savePlan(ctx.db, input);
    return getPlan(ctx.db, input.id);
  }),
  'plans.delete': mutator('plans', async (input, ctx) => {
    await deletePlan(ctx.db, input.id);
    return null;
  }),
  'plans.duplicate': mutator('plans', async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    return getPlan(ctx.db, await duplicatePlan(ctx.db, input.id, office));
  }),
  'plans.issue': mutator(['plans', 'register'], async (input, ctx) => {
    await issuePlan(ctx.db, input);
    return getPlan(ctx.db, input.id);
  }),
  'plans.templates': (_input, ctx) => listTemplates(ctx.db),
  'plans.saveTemplate': mutator('plans', async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    return saveTemplate(ctx.db, input.planId, input.name, office.organizationId);
  }),
  'plans.deleteTemplate': mutator('plans', async (input, ctx) => {
    await deleteTemplate(ctx.db, input.id);
    return null;
  }),
} satisfies AreaHandlers<'plans.'>;
