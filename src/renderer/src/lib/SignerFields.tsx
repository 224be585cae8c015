import { Col, Form, Input, Row } from 'antd';

/** The signer of an office's documents (thẩm quyền, chức vụ, họ tên), as setup, settings and directory setup ask it. */
export interface SignerValues {
  signerAuthority?: string;
  signerTitle: string;
  signerName: string;
}

export const SIGNER_LABELS: Record<keyof SignerValues, string> = {
  signerAuthority: 'Thẩm quyền ký',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Họ tên người ký',
};

/** The call payload: empty strings for fields left blank. */
export const signerInput = (v: SignerValues) => ({
  signerAuthority: v.signerAuthority ?? '',
  signerTitle: v.signerTitle ?? '',
  signerName: v.signerName ?? '',
});

const required = (label: string) => [{ required: true, whitespace: true, message: `${label}: không được để trống` }];

/** The three signer fields; `inRow` puts them side by side on wide screens. */
export function SignerFields({ inRow = false }: { inRow?: boolean }) {
  const fields = [
    <Form.Item key="a" label={SIGNER_LABELS.signerAuthority} name="signerAuthority">
      <Input placeholder="Ví dụ: TM. BAN THƯỜNG VỤ" />
    </Form.Item>,
    <Form.Item key="t" label={SIGNER_LABELS.signerTitle} name="signerTitle" rules={required(SIGNER_LABELS.signerTitle)}>
      <Input placeholder="Ví dụ: CHỦ TỊCH" />
    </Form.Item>,
    <Form.Item key="n" label={SIGNER_LABELS.signerName} name="signerName" rules={required(SIGNER_LABELS.signerName)}>
      <Input placeholder="Ví dụ: Nguyễn Văn An" />
    </Form.Item>,
  ];
  if (!inRow) return <>{fields}</>;
  return (
    <Row gutter={16}>
      {fields.map((f) => (
        <Col key={f.key} xs={24} md={8}>
          {f}
        </Col>
      ))}
    </Row>
  );
}
