import { z } from 'zod';
import { empty, id } from '../schemas/common';
import {
  exportTableInput,
  filePathInput,
  issueReportInput,
  listReportsInput,
  movementInput,
  reportScopeInput,
  saveReportInput,
  type DashboardSummary,
  type HostRequestResult,
  type PhaseFigures,
  type PhaseLine,
  type ReportSummary,
  type ReportView,
} from '../schemas/reports';
import { call } from './call';
import type { SavedFile } from './directory';

const byId = z.object({ id: id('Báo cáo') });

/** Phase reports (Báo cáo kết quả), the home dashboard and the desktop integration of exported files. */
export const reportCalls = {
  /** Live figures of one đợt (or whole movement) from the data: units, works, plaques, commendations, lower reports. */
  'reports.figures': call<typeof reportScopeInput, PhaseFigures>(reportScopeInput),
  /** One line per đợt of a movement (and the whole movement). */
  'reports.byPhase': call<typeof movementInput, PhaseLine[]>(movementInput),
  'reports.list': call<typeof listReportsInput, ReportSummary[]>(listReportsInput),
  'reports.get': call<typeof byId, ReportView>(byId),
  /** A new draft report with its text composed from the data. */
  'reports.compose': call<typeof reportScopeInput, ReportView>(reportScopeInput),
  'reports.save': call<typeof saveReportInput, ReportView>(saveReportInput),
  /** Recomputes the figures of a draft from the data (the text is kept). */
  'reports.refresh': call<typeof byId, ReportView>(byId),
  'reports.issue': call<typeof issueReportInput, ReportView>(issueReportInput),
  'reports.delete': call<typeof byId, null>(byId),
  'reports.exportXlsx': call<typeof exportTableInput, SavedFile>(exportTableInput),

  'dashboard.summary': call<typeof empty, DashboardSummary>(empty),

  /** Opens a file this app exported with its default program (Word for .docx). */
  'files.open': call<typeof filePathInput, HostRequestResult>(filePathInput),
  'files.showInFolder': call<typeof filePathInput, HostRequestResult>(filePathInput),
  /** Prints the current window through the system print dialog. */
  'files.print': call<typeof empty, { printed: boolean }>(empty),
} as const;
