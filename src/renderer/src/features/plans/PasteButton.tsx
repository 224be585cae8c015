import { Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';

/**
 * "Dán văn bản": paste several lines at once (from last year's Word file). Word's clipboard HTML is kept with the
 * text, so callers can read headings and bold/italic/underline from it (shared/paste/outline.ts).
 */
export function PasteButton({ label, hint, onPaste }: { label: string; hint: string; onPaste: (text: string, html: string | null) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [html, setHtml] = useState<string | null>(null);
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
          onPaste(text, html);
          setText('');
          setHtml(null);
          setOpen(false);
        }}
      >
        <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
        <Input.TextArea
          aria-label="Văn bản dán vào"
          autoFocus
          value={text}
          autoSize={{ minRows: 6, maxRows: 20 }}
          onPaste={(e) => {
            const h = e.clipboardData.getData('text/html');
            if (!h) return;
            e.preventDefault();
            setHtml(h);
            setText(e.clipboardData.getData('text/plain'));
          }}
          onChange={(e) => {
            setText(e.target.value);
            setHtml(null);
          }}
        />
      </Modal>
    </>
  );
}
