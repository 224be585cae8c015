import { Button, Card, Col, Input, Row, Select, Space, Typography } from 'antd';
import { memo } from 'react';
import type { RecipientPurpose } from '@shared/schemas/plans';
import { useOffice } from '../../../stores/office';
import { newKey } from '../keys';
import { recipientsFromText } from '../paste';
import { PasteButton } from '../PasteButton';
import { usePlanDraft } from '../planDraft';
import { moveItem } from './move';
import { RowActions } from './RowActions';

const PURPOSES: { value: RecipientPurpose; label: string }[] = [
  { value: '', label: '—' },
  { value: 'b/c', label: '(b/c) báo cáo' },
  { value: 't/h', label: '(t/h) thực hiện' },
];

/** Nơi nhận: groups ("Gửi bản điện tử:") of recipients with (b/c) or (t/h), then "Lưu: …". */
export const RecipientsEditor = memo(function RecipientsEditor({ disabled }: { disabled: boolean }) {
  const recipients = usePlanDraft((s) => s.draft!.body.recipients);
  const edit = usePlanDraft((s) => s.edit);
  return (
    <Card size="small" title="Nơi nhận" data-testid="recipients">
      {recipients.groups.map((g, gi) => (
        <div key={g.key ?? gi} className="plan-item">
          <div className="plan-item-head">
            <Input
              aria-label={`Nhóm nơi nhận ${gi + 1}: tên nhóm`}
              placeholder="Tên nhóm (không bắt buộc), ví dụ: Gửi bản điện tử:"
              value={g.label}
              disabled={disabled}
              onChange={(e) => edit((d) => void (d.body.recipients.groups[gi].label = e.target.value), `recipients.${gi}.label`)}
            />
            <RowActions
              what={`nhóm nơi nhận ${gi + 1}`}
              index={gi}
              count={recipients.groups.length}
              disabled={disabled}
              onMove={(to) => edit((d) => moveItem(d.body.recipients.groups, gi, to))}
              onRemove={() => edit((d) => void d.body.recipients.groups.splice(gi, 1))}
            />
          </div>
          {g.items.map((r, ri) => (
            <div key={r.key ?? ri} className="plan-block">
              <span className="plan-label">-</span>
              <Input
                aria-label={`Nhóm ${gi + 1}, nơi nhận ${ri + 1}`}
                value={r.name}
                disabled={disabled}
                onChange={(e) => edit((d) => void (d.body.recipients.groups[gi].items[ri].name = e.target.value), `recipients.${gi}.${ri}`)}
              />
              <Select<RecipientPurpose>
                aria-label={`Nhóm ${gi + 1}, nơi nhận ${ri + 1}: mục đích`}
                value={r.purpose}
                options={PURPOSES}
                disabled={disabled}
                style={{ width: 150 }}
                onChange={(v) => edit((d) => void (d.body.recipients.groups[gi].items[ri].purpose = v))}
              />
              <RowActions
                what={`nơi nhận ${ri + 1} của nhóm ${gi + 1}`}
                index={ri}
                count={g.items.length}
                disabled={disabled}
                onMove={(to) => edit((d) => moveItem(d.body.recipients.groups[gi].items, ri, to))}
                onRemove={() => edit((d) => void d.body.recipients.groups[gi].items.splice(ri, 1))}
              />
            </div>
          ))}
          {!disabled && (
            <Button
              size="small"
              aria-label={`Nhóm ${gi + 1}: thêm nơi nhận`}
              onClick={() => edit((d) => void d.body.recipients.groups[gi].items.push({ key: newKey(), name: '', purpose: '' }))}
            >
              + Nơi nhận
            </Button>
          )}
          {!disabled && (
            <PasteButton
              label={`Nhóm ${gi + 1}`}
              hint="Mỗi dòng một nơi nhận, ví dụ: - Tổng LĐLĐ Việt Nam (b/c);"
              onPaste={(text) => edit((d) => void d.body.recipients.groups[gi].items.push(...recipientsFromText(text)))}
            />
          )}
        </div>
      ))}
      {!disabled && (
        <Button size="small" onClick={() => edit((d) => void d.body.recipients.groups.push({ key: newKey(), label: '', items: [] }))} aria-label="Thêm nhóm nơi nhận">
          + Nhóm nơi nhận
        </Button>
      )}
      <div className="plan-block" style={{ marginTop: 8 }}>
        <span className="plan-label">- Lưu:</span>
        <Input
          aria-label="Lưu"
          value={recipients.archive}
          disabled={disabled}
          placeholder="VT, Ban CTCS"
          onChange={(e) => edit((d) => void (d.body.recipients.archive = e.target.value), 'recipients.archive')}
        />
      </div>
    </Card>
  );
});

/** Người ký: defaults from the office settings, editable per plan. */
export const SignerEditor = memo(function SignerEditor({ disabled }: { disabled: boolean }) {
  const signer = usePlanDraft((s) => s.draft!.body.signer);
  const edit = usePlanDraft((s) => s.edit);
  const office = useOffice((s) => s.office);
  return (
    <Card
      size="small"
      title="Người ký"
      extra={
        !disabled &&
        office && (
          <Button
            size="small"
            onClick={() => edit((d) => void (d.body.signer = { authority: office.signerAuthority, title: office.signerTitle, name: office.signerName }))}
          >
            Lấy theo cài đặt đơn vị
          </Button>
        )
      }
    >
      <Row gutter={8}>
        <Col span={8}>
          <Typography.Text type="secondary">Thẩm quyền ký</Typography.Text>
          <Input aria-label="Thẩm quyền ký" value={signer.authority} disabled={disabled} onChange={(e) => edit((d) => void (d.body.signer.authority = e.target.value), 'signer.authority')} />
        </Col>
        <Col span={8}>
          <Typography.Text type="secondary">Chức vụ</Typography.Text>
          <Input aria-label="Chức vụ người ký" value={signer.title} disabled={disabled} onChange={(e) => edit((d) => void (d.body.signer.title = e.target.value), 'signer.title')} />
        </Col>
        <Col span={8}>
          <Typography.Text type="secondary">Họ tên</Typography.Text>
          <Input aria-label="Họ tên người ký" value={signer.name} disabled={disabled} onChange={(e) => edit((d) => void (d.body.signer.name = e.target.value), 'signer.name')} />
        </Col>
      </Row>
      <Space style={{ marginTop: 4 }}>
        <Typography.Text type="secondary">Ví dụ: TM. BAN THƯỜNG VỤ / CHỦ TỊCH / Nguyễn Văn A</Typography.Text>
      </Space>
    </Card>
  );
});
