/**
 * The dossier's documents as loaders of the document table (src/shared/documents.ts): the council's Biên bản họp,
 * Phiếu bầu and Biên bản kiểm phiếu (by meeting id) and the Báo cáo thành tích (by nomination id).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { documentFileName } from '../../documents/file-name';
import { composeAchievementReport } from '../../documents/kinds/achievement-report';
import { composeBallot, composeBallotCount, composeCouncilMinutes, type CouncilPapersInput } from '../../documents/kinds/council-papers';
import { issuerNameLines } from '../../documents/layout/issuer-lines';
import type { OfficialDocument } from '../../documents/model';
import { todayIso } from '../../util/time';
import { issuerAt } from '../issuer';
import { requireOffice } from '../office';
import { getNode } from '../organizations';
import { getAchievement } from './achievement-reports';
import { getMeeting } from './council-meetings';
import { getNominationRow } from './nominations';
import { councilOverrides, lowerCouncilOverrides } from './override-text';

type Loaded = { document: OfficialDocument; fileName: string };

async function papersInput(q: Kysely<DB>, meetingId: string): Promise<CouncilPapersInput> {
  const m = await getMeeting(q, meetingId);
  const office = await requireOffice(q);
  const issuer = await issuerAt(q, office.organizationId, m.meetingDate);
  const items = (await Promise.all(m.candidates.map((c) => getNominationRow(q, c.nominationId)))).map((n) => ({ id: n.id, displayName: n.display_name }));
  return {
    officeLines: issuer.nameLines,
    place: issuer.place,
    date: m.meetingDate,
    purpose: m.movementName ? `xét khen thưởng ${m.movementName.replace(/^P/, 'p')}` : `xét khen thưởng năm ${m.meetingDate.slice(0, 4)}`,
    startTime: m.body.startTime,
    endTime: m.body.endTime,
    meetingPlace: m.body.place,
    chair: m.body.chair,
    secretary: m.body.secretary,
    members: m.body.members,
    candidates: m.candidates,
    ballot: m.body.ballot,
    counting: m.body.counting,
    conclusion: m.body.conclusion,
    // This council's overrides, then those of the lower councils that sent the nominations up (received with them).
    overrides: [...(await councilOverrides(q, items, office.organizationId)), ...(await lowerCouncilOverrides(q, items, office.organizationId))],
  };
}

export async function councilMinutesDocument(q: Kysely<DB>, meetingId: string): Promise<Loaded> {
  const input = await papersInput(q, meetingId);
  return { document: composeCouncilMinutes(input), fileName: documentFileName(`Bien ban hop Hoi dong TDKT ${input.date}`) };
}

export async function ballotDocument(q: Kysely<DB>, meetingId: string): Promise<Loaded> {
  const input = await papersInput(q, meetingId);
  return { document: composeBallot(input), fileName: documentFileName(`Phieu bau ${input.date}`) };
}

export async function ballotCountDocument(q: Kysely<DB>, meetingId: string): Promise<Loaded> {
  const input = await papersInput(q, meetingId);
  return { document: composeBallotCount(input), fileName: documentFileName(`Bien ban kiem phieu ${input.date}`) };
}

export async function achievementReportDocument(q: Kysely<DB>, nominationId: string): Promise<Loaded> {
  const n = await getNominationRow(q, nominationId);
  const report = await getAchievement(q, nominationId);
  const at = todayIso();
  const unitId = n.target === 'collective' ? n.organization_id! : (n.organization_id ?? n.source_org_id);
  const unit = await getNode(q, unitId, at);
  const document = composeAchievementReport({
    target: n.target,
    unitLines: issuerNameLines(unit.name),
    parentLines: unit.parentLine ? [unit.parentLine] : [],
    place: unit.placeName || (await issuerAt(q, (await requireOffice(q)).organizationId, at)).place,
    date: { year: Number(at.slice(0, 4)), month: Number(at.slice(5, 7)) },
    proposal: report.body.proposal,
    displayName: n.display_name,
    profile: report.body.profile,
    duties: report.body.duties,
    achievements: report.body.achievements,
    titles: report.body.titles,
    forms: report.body.forms,
    reporter: report.body.reporter,
    confirmer: report.body.confirmer,
  });
  return { document, fileName: documentFileName(`Bao cao thanh tich ${n.display_name}`) };
}
