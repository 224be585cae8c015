import { sql } from 'kysely';
import { backupDatabase } from '../db/backup';
import { mutator, stagedMutator, type AreaHandlers } from '../registry';
import { deleteCondition, listConditions, saveCondition } from '../services/commendations/conditions';
import { saveInitiative } from '../services/commendations/initiatives';
import { ladder } from '../services/commendations/ladder';
import { getNominationRow } from '../services/commendations/nominations';
import { conditionChecks, nominationSubject } from '../services/commendations/rule-checks';
import { requireOffice } from '../services/office';
import { parseHistorySheet, refuseInvalid, writeHistory } from '../spreadsheets/history-import';
import { sheetRequest } from '../spreadsheets/sheet-request';
import { historyTemplate } from '../spreadsheets/history-template';
import { todayIso } from '../util/time';
import { saveFile } from '../util/save-file';

const officeId = async (db: Parameters<typeof requireOffice>[0]) => (await requireOffice(db)).organizationId;


export const awardRuleHandlers = {
  'awardRules.list': (_input, ctx) => listConditions(ctx.db),
  'awardRules.save': mutator('commendations', async (input, ctx) => saveCondition(ctx.db, await officeId(ctx.db), input)),
  'awardRules.delete': mutator('commendations', async (input, ctx) => (await deleteCondition(ctx.db, await officeId(ctx.db), input.id), null)),
  'awardRules.check': async (input, ctx) => {
    // One JSON parameter instead of thousands of bound ones.
    const ids = JSON.stringify(input.nominationIds);
    const rows = await ctx.db
      .selectFrom('nominations')
      .select(['id', 'target', 'person_id', 'organization_id', 'proposed_form_id', 'period_year'])
      .where(sql<boolean>`id IN (SELECT value FROM json_each(${ids}))`)
      .where('deleted_at', 'is', null)
      .execute();
    if (rows.length !== new Set(input.nominationIds).size) await Promise.all(input.nominationIds.map((id) => getNominationRow(ctx.db, id)));
    const checks = await conditionChecks(ctx.db, rows.map(nominationSubject), input.date ?? todayIso());
    return rows.map((r) => ({ nominationId: r.id, checks: checks.get(r.id) ?? [] }));
  },
} satisfies AreaHandlers<'awardRules.'>;

export const awardHistoryHandlers = {
  'awardHistory.getLadder': (input, ctx) => ladder(ctx.db, input),
  'awardHistory.saveInitiative': mutator('commendations', async (input, ctx) => (await saveInitiative(ctx.db, await officeId(ctx.db), input), null)),
  'awardHistory.previewImport': async (input, ctx) => (await parseHistorySheet(ctx.db, sheetRequest(input))).preview,
  'awardHistory.import': stagedMutator(
    ['commendations', 'people'],
    async (input, ctx) => {
      const office = await officeId(ctx.db);
      const parsed = await parseHistorySheet(ctx.db, sheetRequest(input));
      // A wrong sheet is refused before any backup or write; a valid one is backed up first (DESIGN: imports).
      refuseInvalid(parsed.preview);
      await backupDatabase(ctx.store.sqlite, ctx.backupsDir, 'truoc-nhap');
      return { office, parsed };
    },
    ({ office, parsed }, input, ctx) => writeHistory(ctx.db, office, parsed, input.file.fileName, input.saveMapping),
  ),
  'awardHistory.exportTemplate': async (_input, ctx) => {
    const bytes = await historyTemplate(ctx.db);
    const path = await ctx.host.chooseSavePath('Mau-lich-su-khen-thuong.xlsx', [{ name: 'Excel', extensions: ['xlsx'] }]);
    if (path) await saveFile(path, bytes);
    return { path };
  },
} satisfies AreaHandlers<'awardHistory.'>;
