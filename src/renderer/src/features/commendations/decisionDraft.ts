/**
 * The decision being edited, in the same draft store as the plan editor (lib/draftStore): undo/redo per
 * clerk action, a local copy until the core accepts it, saved when the clerk says "Lưu dự thảo" (saving
 * recomputes the money). A new decision is a draft without a record yet (id "new").
 */
import { saveDecisionInput, type AwardeeView, type DecisionView } from '@shared/schemas/commendations';
import { call } from '../../api/client';
import { todayApi } from '../../lib/dates';
import { createDraftStore, type Problem } from '../../lib/draftStore';
import { toLines } from './shared';

export interface DecisionHeader {
  periodYear: number;
  movementId: string | null;
  phaseId: string | null;
  /** YYYY-MM-DD, or '' while not a real date. */
  decisionDate: string;
  subject: string;
  achievement: string;
  bases: string;
  proposalLine: string;
  executors: string;
  fundingSource: string;
}

/** The fields of an awardee the clerk edits; `key` keeps a row's identity across moves and undo. */
type AwardeeFields = Pick<AwardeeView, 'nominationId' | 'target' | 'personId' | 'organizationId' | 'name' | 'positionUnit' | 'formId' | 'note'>;
export type AwardeeRow = AwardeeFields & { key: string };

export interface DecisionEditable {
  header: DecisionHeader;
  rows: AwardeeRow[];
}

/** The record being edited; `decision` null until the first save. */
export interface DecisionRecord {
  decision: DecisionView | null;
  /** for a new decision: the căn cứ lines in force today, from the dated legal-bases table */
  bases?: string[];
}

// Starting text for a new decision; every line is the clerk's to edit (legal bases are data, not code).
const NEW_HEADER = (bases: string[] = []): DecisionHeader => ({
  periodYear: Number(todayApi().slice(0, 4)),
  movementId: null,
  phaseId: null,
  decisionDate: todayApi(),
  subject: '',
  achievement: '',
  bases: bases.join('\n'),
  proposalLine: 'Xét đề nghị của Hội đồng Thi đua - Khen thưởng',
  executors: 'Văn phòng, các ban và các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.',
  fundingSource: '',
});

export const rowOf = ({ nominationId, target, personId, organizationId, name, positionUnit, formId, note }: AwardeeFields, key: string): AwardeeRow => ({
  key, nominationId, target, personId, organizationId, name, positionUnit, formId, note,
});

function editableOf(v: DecisionView | null, bases?: string[]): DecisionEditable {
  if (!v) return { header: NEW_HEADER(bases), rows: [] };
  return {
    header: {
      periodYear: v.periodYear,
      movementId: v.movementId,
      phaseId: v.phaseId,
      decisionDate: v.decisionDate,
      subject: v.subject,
      achievement: v.achievement,
      bases: v.bases.join('\n'),
      proposalLine: v.proposalLine,
      executors: v.executors,
      fundingSource: v.fundingSource,
    },
    rows: v.awardees.map((a) => rowOf(a, a.id)),
  };
}

export function saveInputOf(r: DecisionRecord, d: DecisionEditable) {
  const h = d.header;
  return {
    id: r.decision?.id,
    periodYear: h.periodYear,
    movementId: h.movementId,
    phaseId: h.movementId ? h.phaseId : null,
    decisionDate: h.decisionDate,
    subject: h.subject,
    achievement: h.achievement,
    bases: toLines(h.bases).map((l) => l.replace(/[;.]$/, '')),
    proposalLine: h.proposalLine,
    executors: h.executors,
    fundingSource: h.fundingSource,
    awardees: d.rows.map(({ key: _key, ...fields }) => fields),
  };
}

/** Problems the core would refuse, each naming its field or row. */
function decisionProblems(r: DecisionRecord, d: DecisionEditable): Problem[] {
  const res = saveDecisionInput.safeParse(saveInputOf(r, d));
  if (res.success) return [];
  return res.error.issues.map((i) => {
    const [top, row] = i.path;
    const path = top === 'awardees' && typeof row === 'number' ? `rows.${row}` : `header.${String(top)}`;
    const where = top === 'awardees' && typeof row === 'number' ? `Dòng ${row + 1} (${d.rows[row]?.name ?? ''}): ` : '';
    return { path, message: `${where}${i.message}` };
  });
}

export const useDecisionDraft = createDraftStore<DecisionRecord, DecisionEditable>({
  kind: 'decision',
  load: async (id) =>
    id === 'new'
      ? { decision: null, bases: await call('catalogue.listLegalBases', { date: todayApi(), appliesTo: 'decision' }).catch(() => []) }
      : { decision: await call('commendations.getDecision', { id }) },
  idOf: (r) => r.decision?.id ?? 'new',
  toEditable: (r) => editableOf(r.decision, r.bases),
  canEdit: (r) => r.decision?.status !== 'issued',
  save: async (r, d) => ({ decision: await call('commendations.saveDecision', saveInputOf(r, d)) }),
  check: decisionProblems,
  autosaveMs: null,
});
