import { z } from 'zod';
import type { Anniversary } from '../plans/anniversaries';
import { empty, id } from '../schemas/common';
import {
  anniversariesInput,
  listMovementsInput,
  saveMovementInput,
  saveOccasionInput,
  type MovementSummary,
  type MovementView,
  type OccasionView,
} from '../schemas/movements';
import {
  createPlanInput,
  issuePlanInput,
  planTemplateInput,
  savePlanInput,
  type PlanSummary,
  type PlanTemplateView,
  type PlanView,
} from '../schemas/plans';
import { call } from './call';

const byId = (label: string) => z.object({ id: id(label) });
type ById = ReturnType<typeof byId>;
const listPlansInput = z.object({ movementId: id('Phong trào').optional() });

/** Occasions, movements (phong trào) and plans (kế hoạch). */
export const planCalls = {
  'occasions.list': call<typeof empty, OccasionView[]>(empty),
  'occasions.save': call<typeof saveOccasionInput, OccasionView>(saveOccasionInput),
  'occasions.delete': call<ById, null>(byId('Ngày kỷ niệm')),
  /** Round anniversaries (multiples of 5, "tròn" for 10) of the catalogue in a year. */
  'occasions.anniversaries': call<typeof anniversariesInput, Anniversary[]>(anniversariesInput),

  'movements.list': call<typeof listMovementsInput, MovementSummary[]>(listMovementsInput),
  'movements.get': call<ById, MovementView>(byId('Phong trào')),
  'movements.save': call<typeof saveMovementInput, MovementView>(saveMovementInput),
  'movements.delete': call<ById, null>(byId('Phong trào')),

  'plans.list': call<typeof listPlansInput, PlanSummary[]>(listPlansInput),
  'plans.get': call<ById, PlanView>(byId('Kế hoạch')),
  'plans.create': call<typeof createPlanInput, PlanView>(createPlanInput),
  /** Autosave of a draft; refused once the plan is issued. */
  'plans.save': call<typeof savePlanInput, PlanView>(savePlanInput),
  'plans.delete': call<ById, null>(byId('Kế hoạch')),
  'plans.duplicate': call<ById, PlanView>(byId('Kế hoạch')),
  /** "Cấp số và ban hành": the next register number or a chosen free one. */
  'plans.issue': call<typeof issuePlanInput, PlanView>(issuePlanInput),
  'plans.templates': call<typeof empty, PlanTemplateView[]>(empty),
  'plans.saveTemplate': call<typeof planTemplateInput, PlanTemplateView>(planTemplateInput),
  'plans.deleteTemplate': call<ById, null>(byId('Mẫu kế hoạch')),
} as const;
