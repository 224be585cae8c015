/**
 * What a new tờ trình starts with: Kính gửi and the deciding level are the office's real upper level (its
 * parent in the directory, by its name on the day), not the central level; căn cứ from the dated table.
 */
import type { ProposalDefaults } from '../../../../shared/schemas/catalogue';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { todayIso } from '../../util/time';
import { getNode } from '../organizations';
import { basesInForce } from './catalogue';

const CENTRAL = 'Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam';

export async function proposalDefaults(q: Kysely<DB>, officeId: string, date = todayIso()): Promise<ProposalDefaults> {
  const office = await getNode(q, officeId, date);
  const upper = office.parentId ? await getNode(q, office.parentId, date) : null;
  // The standing committee decides between congresses: Đoàn Chủ tịch at the central level, Ban Thường vụ below it.
  const body = upper ? (upper.level === 'central' ? CENTRAL : `Ban Thường vụ ${upper.name}`) : office.level === 'province' ? CENTRAL : '';
  return { addressee: body, superior: body, upperName: upper?.name ?? null, bases: await basesInForce(q, date, 'proposal') };
}
