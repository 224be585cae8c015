import { mutator, type AreaHandlers } from '../registry';
import type { Ctx } from '../context';
import { requireOffice } from '../services/office';
import { dashboardSummary } from '../services/dashboard';
import { requireExported } from '../services/exported-files';
import { composeFigures, phaseLines } from '../services/reports/figures';
import { composeReport, deleteReport, getReport, issueReport, listReports, refreshFigures, saveReport } from '../services/reports/reports';
import { reportTablesXlsx } from '../services/reports/xlsx';
import { todayIso } from '../util/time';
import { AppError } from '../../../shared/errors';
import { saveFile } from '../util/save-file';

const officeId = async (ctx: Ctx) => (await requireOffice(ctx.db)).organizationId;

export const reportHandlers = {
  'reports.figures': async (input, ctx) => composeFigures(ctx.db, await officeId(ctx), input.movementId, input.phaseId),
  'reports.byPhase': async (input, ctx) => phaseLines(ctx.db, await officeId(ctx), input.movementId),
  'reports.list': async (input, ctx) => listReports(ctx.db, await officeId(ctx), input.movementId),
  'reports.get': async (input, ctx) => getReport(ctx.db, input.id, await officeId(ctx)),
  'reports.compose': mutator('reports', async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    const id = await composeReport(ctx.db, office, input.movementId, input.phaseId);
    return getReport(ctx.db, id, office.organizationId);
  }),
  'reports.save': mutator('reports', async (input, ctx) => {
    const me = await officeId(ctx);
    await saveReport(ctx.db, me, input);
    return getReport(ctx.db, input.id, me);
  }),
  'reports.refresh': mutator('reports', async (input, ctx) => {
    const me = await officeId(ctx);
    await refreshFigures(ctx.db, me, input.id);
    return getReport(ctx.db, input.id, me);
  }),
  'reports.issue': mutator(['reports', 'register'], async (input, ctx) => {
    const me = await officeId(ctx);
    await issueReport(ctx.db, me, input);
    return getReport(ctx.db, input.id, me);
  }),
  'reports.delete': mutator('reports', async (input, ctx) => {
    await deleteReport(ctx.db, await officeId(ctx), input.id);
    return null;
  }),
  'reports.exportXlsx': async (input, ctx) => {
    const me = await officeId(ctx);
    const figures = await composeFigures(ctx.db, me, input.movementId, input.phaseId);
    const phases = input.table === 'all' || input.table === 'phases' ? await phaseLines(ctx.db, me, input.movementId) : [];
    const bytes = await reportTablesXlsx(figures, phases, input.table);
    const path = await ctx.host.chooseSavePath(`Bang-ket-qua-thi-dua-${todayIso()}.xlsx`, [{ name: 'Excel', extensions: ['xlsx'] }]);
    if (path) await saveFile(path, bytes);
    return { path };
  },
} satisfies AreaHandlers<'reports.'>;

export const dashboardHandlers = {
  'dashboard.summary': (_input, ctx) => dashboardSummary(ctx),
} satisfies AreaHandlers<'dashboard.'>;

export const fileHandlers = {
  'files.open': async (input, ctx) => {
    const path = await requireExported(ctx.db, input.path);
    const error = await ctx.host.openPath(path);
    if (error) throw new AppError('INTERNAL', `Không mở được tệp ${path}: ${error}`);
    return { path };
  },
  'files.showInFolder': async (input, ctx) => {
    const path = await requireExported(ctx.db, input.path);
    await ctx.host.showInFolder(path);
    return { path };
  },
  'files.print': async (_input, ctx) => ({ printed: await ctx.host.printWindow() }),
} satisfies AreaHandlers<'files.'>;

/** Everything issue 8 adds, spread into the registry with one line. */
export const reportAreaHandlers = { ...reportHandlers, ...dashboardHandlers, ...fileHandlers };
