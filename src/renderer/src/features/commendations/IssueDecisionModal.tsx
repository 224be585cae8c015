import { IssueNumberModal } from '../../lib/IssueNumberModal';

/** "Cấp số và ban hành" for a tờ trình or quyết định: the date (money is computed on it) and a confirmed register number. */
export function IssueDecisionModal(props: {
  open: boolean;
  title: string;
  kindAbbr: string;
  what: string;
  defaultDate: string;
  onClose: () => void;
  onIssue: (date: string, number: number) => Promise<void>;
}) {
  return (
    <IssueNumberModal
      {...props}
      note={`Số ${props.kindAbbr} lấy từ sổ văn bản đi của năm ban hành. Sau khi ban hành, văn bản bị khóa; sai sót được sửa bằng văn bản đính chính.`}
    />
  );
}
