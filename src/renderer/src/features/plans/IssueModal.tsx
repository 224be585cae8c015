import type { PlanView } from '@shared/schemas/plans';
import { AppError } from '@shared/errors';
import { call } from '../../api/client';
import { IssueNumberModal } from '../../lib/IssueNumberModal';

/** "Cấp số và ban hành" for a plan: the draft is saved first, then the confirmed number is taken. */
export function IssueModal({ plan, open, onClose, onIssued, beforeIssue }: {
  plan: PlanView;
  open: boolean;
  onClose: () => void;
  onIssued: (p: PlanView) => void;
  beforeIssue: () => Promise<boolean>;
}) {
  return (
    <IssueNumberModal
      open={open}
      title="Cấp số và ban hành kế hoạch"
      kindAbbr="KH"
      what={`Kế hoạch “${plan.subject.slice(0, 120)}”`}
      defaultDate={plan.plannedDate}
      draftYear={plan.plannedDate ? Number(plan.plannedDate.slice(0, 4)) : null}
      note="Số được lấy từ sổ văn bản đi của đơn vị theo năm của ngày ban hành; mỗi số chỉ cấp một lần. Sau khi ban hành, kế hoạch không sửa được nữa."
      onClose={onClose}
      onIssue={async (date, number) => {
        if (!(await beforeIssue())) throw new AppError('VALIDATION', 'Chưa lưu được bản nháp; hãy sửa lỗi rồi thử lại.');
        onIssued(await call('plans.issue', { id: plan.id, date, number }));
      }}
    />
  );
}
