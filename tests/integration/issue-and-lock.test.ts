/**
 * The one issue-and-lock step (services/issue-and-lock.ts) as the five numbered kinds use it: a plan, a general
 * document, a phase report, a tờ trình and a decision of one office take consecutive numbers from the same register
 * (one register per issuer and year), each register entry names its record, and each record is locked once issued.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueAndLock } from '../../src/main/core/services/issue-and-lock';
import { startCore, type TestCore } from '../helpers/core';
import { seedReportWorld } from '../helpers/reports';
import { seedPlanBody } from '../helpers/seed-plan';
import { decisionInput, FORMS } from '../helpers/commendations';

let core: TestCore;
let w: Awaited<ReturnType<typeof seedReportWorld>>;
beforeEach(async () => {
  core = await startCore();
  // The report world issues one decision (01/QĐ-LĐLĐ, 15/06/2026): the first number of 2026.
  w = await seedReportWorld(core);
});
afterEach(() => core.cleanup());

const row = (table: string, id: string) => core.app.store.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;

describe('issue and lock', () => {
  it('numbers plans, general documents, reports, tờ trình and decisions from one register, and locks each', async () => {
    const plan = await core.call('plans.create', {});
    await core.call('plans.save', { id: plan.id, subject: 'Kế hoạch tổ chức phong trào thi đua năm 2026', body: seedPlanBody() });
    const issuedPlan = await core.call('plans.issue', { id: plan.id, date: '2026-06-20' });

    const general = await core.call('generalDocs.create', { kind: 'HD' });
    await core.call('generalDocs.save', {
      id: general.id,
      subject: 'Hướng dẫn bình xét thi đua năm 2026',
      plannedDate: null,
      unitAbbr: '',
      body: { ...general.body, blocks: [{ level: 'paragraph', text: 'Các đơn vị bình xét theo hướng dẫn này.' }], signer: { authority: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Nguyễn Văn Chủ' } },
    });
    const issuedGeneral = await core.call('generalDocs.issue', { id: general.id, date: '2026-06-21', number: null });

    const report = await core.call('reports.compose', { movementId: w.movement.id, phaseId: w.phaseId });
    const issuedReport = await core.call('reports.issue', { id: report.id, date: '2026-07-06', number: null });

    const n = await core.call('commendations.saveNomination', { periodYear: 2026, sourceOrgId: w.office.organizationId, target: 'collective', organizationId: w.choDon.id, proposedFormId: FORMS.bangKhenTld });
    await core.call('commendations.review', { nominationId: n.id, reviewedOn: '2026-07-01', councilSize: 5, votesFor: 5, result: 'approved' });
    const proposalInput = { formId: FORMS.bangKhenTld, addressee: 'Đoàn Chủ tịch Tổng Liên đoàn', superior: 'Đoàn Chủ tịch Tổng Liên đoàn', achievement: 'đã có thành tích xuất sắc năm 2026', bases: [], nominationIds: [n.id] };
    const proposal = await core.call('commendations.saveProposal', proposalInput);
    // The clerk confirmed number 05 in the dialog: exactly that number is taken.
    const issuedProposal = await core.call('commendations.issueProposal', { id: proposal.id, date: '2026-07-10', number: 5 });

    const register = await core.call('register.list', { year: 2026 });
    expect(register.entries.map((e) => [e.number, e.numberText, e.recordKind, e.recordId, e.date])).toEqual([
      [1, '01/QĐ-LĐLĐ', 'decision', w.decisionId, '2026-06-15'],
      [2, '02/KH-LĐLĐ', 'plan', plan.id, '2026-06-20'],
      [3, '03/HD-LĐLĐ', 'general-document', general.id, '2026-06-21'],
      [4, '04/BC-LĐLĐ', 'phase-report', report.id, '2026-07-06'],
      [5, '05/TTr-LĐLĐ', 'commendation-proposal', proposal.id, '2026-07-10'],
    ]);
    expect(register.gaps).toEqual([]);
    expect([issuedPlan.numberText, issuedGeneral.identity, issuedReport.numberText, issuedProposal.numberText]).toEqual(['02/KH-LĐLĐ', '03/HD-LĐLĐ ngày 21/6/2026', '04/BC-LĐLĐ', '05/TTr-LĐLĐ']);

    // Each record names its register entry, its number and date, and its revision moved (so the issued state travels).
    const entryOf = new Map(register.entries.map((e) => [e.recordId, e]));
    for (const [table, id, dateColumn] of [
      ['plans', plan.id, 'issued_date'],
      ['general_documents', general.id, 'issued_date'],
      ['phase_reports', report.id, 'issued_date'],
      ['commendation_proposals', proposal.id, 'issued_date'],
      ['decisions', w.decisionId, 'decision_date'],
    ] as const) {
      const r = row(table, id);
      const e = entryOf.get(id)!;
      expect([table, r.status, r.register_entry_id, r.issued_number, r[dateColumn]]).toEqual([table, 'issued', e.id, e.number, e.date]);
      expect(r.revision as number).toBeGreaterThan(1);
    }

    // Locked: every kind refuses a second issue and an edit, and nothing moves in the register.
    const twice = [
      await core.fail('plans.issue', { id: plan.id, date: '2026-08-01' }),
      await core.fail('generalDocs.issue', { id: general.id, date: '2026-08-01', number: null }),
      await core.fail('reports.issue', { id: report.id, date: '2026-08-01', number: null }),
      await core.fail('commendations.issueProposal', { id: proposal.id, date: '2026-08-01', number: null }),
      await core.fail('commendations.issueDecision', { id: w.decisionId, date: '2026-08-01' }),
    ];
    expect(twice.map((e) => e.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    const edits = [
      await core.fail('plans.save', { id: plan.id, subject: 'Sửa', body: seedPlanBody() }),
      await core.fail('generalDocs.save', { id: general.id, subject: 'Sửa', plannedDate: null, unitAbbr: '', body: general.body }),
      await core.fail('reports.save', { id: report.id, subject: 'Sửa', body: report.body }),
      await core.fail('commendations.saveProposal', { ...proposalInput, id: proposal.id, achievement: 'sửa' }),
      await core.fail('commendations.saveDecision', { ...decisionInput([n]), id: w.decisionId, achievement: 'sửa' }),
    ];
    expect(edits.map((e) => e.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect((await core.call('register.list', { year: 2026 })).entries).toHaveLength(5);
    // Where the table has a lock trigger, it holds even against a write that skips the services.
    for (const table of ['decisions', 'phase_reports', 'general_documents'] as const) {
      const id = { decisions: w.decisionId, phase_reports: report.id, general_documents: general.id }[table];
      expect(() => core.app.store.sqlite.prepare(`UPDATE ${table} SET updated_at = 'x' WHERE id = ?`).run(id), table).toThrow();
    }
  });

  it('a number taken meanwhile is refused and leaves the record a draft, for every kind alike', async () => {
    const plan = await core.call('plans.create', {});
    await core.call('plans.save', { id: plan.id, subject: 'Kế hoạch', body: seedPlanBody() });
    const report = await core.call('reports.compose', { movementId: w.movement.id, phaseId: w.phaseId });
    // 01 is the decision's.
    expect(await core.fail('plans.issue', { id: plan.id, date: '2026-06-20', number: 1 })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Số 01 năm 2026 đã cấp cho văn bản 01/QĐ-LĐLĐ') });
    expect(await core.fail('reports.issue', { id: report.id, date: '2026-06-20', number: 1 })).toMatchObject({ code: 'CONFLICT' });
    expect([row('plans', plan.id).status, row('phase_reports', report.id).status]).toEqual(['draft', 'draft']);
    expect((await core.call('register.list', { year: 2026 })).entries).toHaveLength(1);
  });
});

describe('issueAndLock itself', () => {
  it('refuses a record that is not a draft before taking any number', async () => {
    const base = { issuerId: w.office.organizationId, kindAbbr: 'QĐ', date: '2026-09-01', subject: 'x', number: null };
    await expect(issueAndLock(core.app.store.db, { ...base, table: 'decisions', id: w.decisionId })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('đã được ban hành') });
    await expect(issueAndLock(core.app.store.db, { ...base, table: 'plans', id: crypto.randomUUID() })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Không tìm thấy') });
    expect((await core.call('register.list', { year: 2026 })).entries).toHaveLength(1);
  });
});
