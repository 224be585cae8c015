import { Col, Form, Input, Row } from 'antd';

/** The dated name fields every unit has: first-run setup and the add / rename dialogs ask them the same way. */
export interface OrgNameValues {
  name: string;
  shortName?: string;
  abbreviation?: string;
  placeName?: string;
  parentLine?: string;
}

export const ORG_NAME_LABELS: Record<keyof OrgNameValues, string> = {
  name: 'Tên đơn vị',
  shortName: 'Tên viết tắt',
  abbreviation: 'Chữ viết tắt trong số ký hiệu',
  placeName: 'Địa danh',
  parentLine: 'Dòng cơ quan chủ quản',
};

/** The call payload: empty strings for fields left blank. */
export const orgNameInput = (v: OrgNameValues) => ({
  name: v.name ?? '',
  shortName: v.shortName ?? '',
  abbreviation: v.abbreviation ?? '',
  placeName: v.placeName ?? '',
  parentLine: v.parentLine ?? '',
});

/** Tên, tên viết tắt, chữ viết tắt, địa danh, dòng chủ quản, with examples for the office's own province. */
export function OrgNameFields({ autoFocus = true, example = 'Thái Nguyên' }: { autoFocus?: boolean; example?: string }) {
  return (
    <>
      <Form.Item label={ORG_NAME_LABELS.name} name="name" rules={[{ required: true, whitespace: true, message: 'Tên đơn vị: không được để trống' }]}>
        <Input autoFocus={autoFocus} placeholder={`Ví dụ: Liên đoàn Lao động tỉnh ${example}`} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={ORG_NAME_LABELS.shortName} name="shortName">
            <Input placeholder={`Ví dụ: LĐLĐ tỉnh ${example}`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={ORG_NAME_LABELS.abbreviation} name="abbreviation" extra="Ví dụ số ký hiệu: 12/KH-LĐLĐ">
            <Input placeholder="Ví dụ: LĐLĐ" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={ORG_NAME_LABELS.placeName} name="placeName" extra="Dùng ở dòng “…, ngày … tháng … năm …”">
            <Input placeholder={`Ví dụ: ${example}`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={ORG_NAME_LABELS.parentLine} name="parentLine">
            <Input placeholder="Ví dụ: TỔNG LĐLĐ VIỆT NAM" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
