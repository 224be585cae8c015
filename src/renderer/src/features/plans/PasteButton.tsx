import { Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';

/** "Dán văn bản": paste several lines at once (from last year's Word file). */
export function PasteButton({ label, hint, onPaste }: { label: string; hint: string; onPaste: (text: string) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} aria-label={`${label}: dán văn bản`}>
        Dán văn bản…
      </Button>
      <Modal
        open={open}
        title={`Dán văn bản — ${label}`}
        okText="Thêm vào"
        cancelText="Hủy"
        destroyOnHidden
        onCancel={() => setOpen(false)}
        onOk={() => {
          onPaste(text);
          setText('');
          setOpen(false);
        }}
      >
        <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
        <Input.TextArea aria-label="Văn bản dán vào" autoFocus value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 6, maxRows: 20 }} />
      </Modal>
    </>
  );
}
