/**
 * The kinds of document the app generates from a stored record. One enum used by the contract (zod),
 * the core's source table (a Record over it, so a missing loader is a type error) and the renderer.
 */
import { z } from 'zod';

export const DOCUMENT_KINDS = [
  'plan',
  'registration',
  'works-list',
  'registration-reminder',
  'decision',
  'commendation-proposal',
  'phase-report',
  'general',
  'council-minutes',
  'council-ballot',
  'ballot-count',
  'achievement-report',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What the clerk reads in messages and titles. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  plan: 'kế hoạch',
  registration: 'bản đăng ký thi đua',
  'works-list': 'danh sách công trình, sản phẩm gắn biển',
  'registration-reminder': 'công văn đôn đốc đăng ký',
  decision: 'quyết định khen thưởng',
  'commendation-proposal': 'tờ trình đề nghị khen thưởng',
  'phase-report': 'báo cáo',
  general: 'văn bản',
  'council-minutes': 'biên bản họp Hội đồng Thi đua - Khen thưởng',
  'council-ballot': 'phiếu bầu',
  'ballot-count': 'biên bản kiểm phiếu',
  'achievement-report': 'báo cáo thành tích',
};

export const documentKind = z.enum(DOCUMENT_KINDS, { error: 'Loại văn bản chưa được hỗ trợ' });
