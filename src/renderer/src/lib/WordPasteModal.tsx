import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';

/**
 * "Dán từ Word": paste a document (Ctrl+V). Word's clipboard HTML is kept, so headings I./1./a), "-" and "+"
 * lines, bold, italic and underline come through; what the clerk types by hand afterwards is read as text.
 */
export function WordPasteModal({ open, onClose, onPaste }: { open: boolean; onClose: () => void; onPaste: (input: { html: string | null; text: string }) => void }) {
  const [text, setText] = useState('');
  const [html, setHtml] = useState<string | null>(null);
  const close = () => {
    setText('');
    setHtml(null);
    onClose();
  };
  return (
    <Modal
      open={open}
      title="Dán văn bản từ Word"
      okText="Thêm vào văn bản"
      cancelText="Hủy"
      okButtonProps={{ disabled: !text.trim() }}
      destroyOnHidden
      onCancel={close}
      onOk={() => {
        onPaste({ html, text });
        setText('');
        setHtml(null);
      }}
    >
      <Typography.Paragraph type="secondary">
        Sao chép đoạn văn bản trong Word rồi nhấn Ctrl+V vào ô dưới. Các đề mục A., I., 1., a), dấu “-”, “+” và chữ đậm, nghiêng, gạch chân được giữ; số thứ tự được đánh lại tự động.
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="Văn bản dán vào"
        autoFocus
        value={text}
        autoSize={{ minRows: 8, maxRows: 20 }}
        onPaste={(e) => {
          const h = e.clipboardData.getData('text/html');
          const t = e.clipboardData.getData('text/plain');
          if (!h) return;
          e.preventDefault();
          setHtml(h);
          setText(t);
        }}
        onChange={(e) => {
          setText(e.target.value);
          setHtml(null);
        }}
      />
      {html && <Typography.Text type="success">Đã nhận định dạng từ Word (đậm, nghiêng, gạch chân).</Typography.Text>}
    </Modal>
  );
}
