import { App as AntApp, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { IssueNumberModal } from '../../lib/IssueNumberModal';
import { todayApi } from '../../lib/dates';

/** "Cấp số và ban hành" for the công văn đôn đốc of a đợt: a number from the register, the letter kept as issued. */
export function IssueLetterButton({ scopeId, onIssued }: { scopeId: string; onIssued: (letterId: string) => void }) {
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  return (
    <Space>
      <Button onClick={() => setOpen(true)}>Cấp số và ban hành công văn…</Button>
      <Typography.Text type="secondary">Cần hạn gửi bản đăng ký từ ngày ban hành trở đi.</Typography.Text>
      <IssueNumberModal
        open={open}
        title="Cấp số và ban hành công văn đôn đốc"
        kindAbbr="CV"
        letter
        what="Công văn V/v đôn đốc đăng ký thi đua"
        defaultDate={todayApi()}
        note="Số lấy từ sổ văn bản đi của đơn vị; công văn được lưu đúng như khi ban hành (các đơn vị chưa đăng ký, hạn gửi)."
        onClose={() => setOpen(false)}
        onIssue={async (date, number) => {
          const r = await call('documents.issueLetter', { kind: 'registration-reminder', id: scopeId, date, number });
          message.success(`Đã ban hành công văn số ${r.numberText}.`);
          setOpen(false);
          onIssued(r.id);
        }}
      />
    </Space>
  );
}
