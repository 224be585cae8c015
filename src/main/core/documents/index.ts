/** Public face of the document engine: model, composers per kind, the renderer and its settings. */
export * from './model';
export { renderDocx, buildDocument, packDocument } from './layout/render';
export { DEFAULT_LAYOUT, LayoutOptionsError, resolveLayoutOptions } from './layout/options';
export type { FontSizes, LayoutOptions, LayoutOverrides, Margins } from './layout/options';
export { renderCertificateBatch, renderCertificateTestPage, renderCertificatesDocx } from './layout/certificate';
export * from './kinds/common';
export * from './kinds/awardee-list';
export { composePlan, type PlanBullet, type PlanContent, type PlanInput, type PlanItem, type PlanPoint, type PlanSection, type PlanTable } from './kinds/plan';
export { composeDecision, type DecisionInput } from './kinds/decision';
export { composeProposal, type ProposalInput } from './kinds/proposal';
export { composeReport, type ReportAnnexInput, type ReportInput } from './kinds/report';
export { composeRegistration, type RegisteredIndividual, type RegistrationInput } from './kinds/registration';
export { composeWorksList, worksTable, type WorkItem, type WorksListInput } from './kinds/works-list';
export * from './kinds/certificate';
