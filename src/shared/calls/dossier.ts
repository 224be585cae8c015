import { z } from 'zod';
import { empty, id } from '../schemas/common';
import {
  dossierExportInput, saveAchievementInput, saveMeetingInput,
  type AchievementView, type DossierExport, type MeetingSummary, type MeetingView,
} from '../schemas/dossier';
import { call } from './call';

const byId = z.object({ id: id('Cuộc họp') });
const byNomination = z.object({ nominationId: id('Đề nghị khen thưởng') });

/** The commendation dossier: council meetings (biên bản, phiếu bầu, kiểm phiếu), báo cáo thành tích, the hồ sơ file. */
export const dossierCalls = {
  'dossier.listMeetings': call<typeof empty, MeetingSummary[]>(empty),
  'dossier.getMeeting': call<typeof byId, MeetingView>(byId),
  'dossier.saveMeeting': call<typeof saveMeetingInput, MeetingView>(saveMeetingInput),
  'dossier.deleteMeeting': call<typeof byId, null>(byId),
  'dossier.getAchievement': call<typeof byNomination, AchievementView>(byNomination),
  'dossier.saveAchievement': call<typeof saveAchievementInput, AchievementView>(saveAchievementInput),
  /** One .zip with every document of a nomination's dossier. */
  'dossier.export': call<typeof dossierExportInput, DossierExport>(dossierExportInput),
} as const;
