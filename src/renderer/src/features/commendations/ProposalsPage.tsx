import { App, Button, Form, Input, Select, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AwardFormView, NominationView, ProposalView } from '@shared/schemas/commendations';
import { call, toAppError } from '../../api/client';
import { FormModal } from '../../lib/FormModal';
import { ActionList } from '../../lib/ActionList';
import { dayjs } from '../../lib/dates';
import { IssueDecisionModal } from './IssueDecisionModal';
import { toLines } from './shared';
import { DocumentModal } from '../registrations/DocumentModal';
import { identityOfNumberText } from '@shared/vi-text/doc-number';
import { OwnerTag } from '../exchange/ownership';

interface Values {
  formId: string;
  addressee: string;
  superior: string;
  achievement?: string;
  bases?: string;
  nominationIds: string[];
}

/** Tờ trình to the level above with the list of approved nominations. */
export function ProposalsPage() {
  const { message } = App.useApp();
  const [items, setItems] = useState<ProposalView[]>([]);
  const [forms, setForms] = useState<AwardFormView[]>([]);
  const [approved, setApproved] = useState<NominationView[]>([]);
  const [editing, setEditing] = useState<ProposalView | null | undefined>(undefined);
  const [issuing, setIssuing] = useState<ProposalView | null>(null);
  const [viewing, setViewing] = useState<ProposalView | null>(null);
  const [form] = Form.useForm<Values>();
  const reload = useCallback(() => {
    call('commendations.listProposals', {}).then(setItems, (e) => message.error(toAppError(e).message));
  }, [message]);
  useEffect(reload, [reload]);
  useEffect(() => {
    if (editing === undefined) return;
    call('commendations.catalogue', {}).then((c) => setForms(c.forms), (e) => message.error(`Không đọc được danh mục hình thức khen thưởng: ${toAppError(e).message}`));
    call('commendations.listNominations', { status: 'approved' }).then(setApproved, (e) => message.error(`Không đọc được các đề nghị đã thông qua: ${toAppError(e).message}`));
    form.resetFields();
    // A new tờ trình goes to this office's own upper level, with the căn cứ in force today.
    if (!editing) call('catalogue.getProposalDefaults', {}).then((d) => form.setFieldsValue({ addressee: d.addressee, superior: d.superior, bases: d.bases.join('\n') }), () => undefined);
    if (editing) form.setFieldsValue({ formId: editing.formId, addressee: editing.addressee, superior: editing.superior, achievement: editing.achievement, bases: editing.bases.join('\n'), nominationIds: editing.items.map((n) => n.id) });
  }, [editing, form, message]);

  const exportDocx = (p: ProposalView) =>
    call('documents.export', { kind: 'commendation-proposal', id: p.id }).then((r) => void (r.path && message.success(`Đã lưu ${r.path}`)), (e) => void message.error(toAppError(e).message));

  return (
    <>
      <ActionList<ProposalView>
        addLabel="Lập tờ trình đề nghị cấp trên"
        onAdd={() => setEditing(null)}
        rows={items}
        empty="Chưa có tờ trình nào."
        columns={[
          { title: 'Số, ký hiệu, ngày', dataIndex: 'numberText', width: 240, render: (n: string | null, p) => identityOfNumberText(n, p.issuedDate) ?? <Tag>Dự thảo</Tag> },
          { title: 'Hình thức đề nghị', dataIndex: 'formName' },
          { title: 'Kính gửi', dataIndex: 'addressee' },
          { title: 'Số đối tượng', width: 110, render: (_: unknown, p) => p.items.length },
          {
            title: '',
            width: 300,
            render: (_: unknown, p) => (
              <Space wrap>
                <OwnerTag ownership={p.ownership} what="Tờ trình này" />
                {p.status === 'draft' && !p.ownership.readOnly && (
                  <>
                    <Button size="small" onClick={() => setEditing(p)}>
                      Sửa
                    </Button>
                    <Button size="small" onClick={() => setIssuing(p)}>
                      Cấp số
                    </Button>
                  </>
                )}
                <Button size="small" onClick={() => setViewing(p)}>
                  Xem, Nơi nhận
                </Button>
                <Button size="small" onClick={() => exportDocx(p)}>
                  Xuất .docx
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<Values>
        open={editing !== undefined}
        title={editing ? 'Sửa tờ trình' : 'Lập tờ trình đề nghị khen thưởng'}
        form={form}
        width={720}
        labels={{ formId: 'Hình thức đề nghị', addressee: 'Kính gửi', superior: 'Cấp quyết định', nominationIds: 'Danh sách' }}
        initialValues={{ nominationIds: [] }}
        onClose={() => setEditing(undefined)}
        onSubmit={async (v) => {
          await call('commendations.saveProposal', { id: editing?.id, formId: v.formId, addressee: v.addressee, superior: v.superior, achievement: v.achievement ?? '', bases: toLines(v.bases), plannedDate: dayjs().format('YYYY-MM-DD'), nominationIds: v.nominationIds ?? [] });
          message.success('Đã lưu tờ trình');
          reload();
        }}
      >
        <Form.Item label="Hình thức đề nghị" name="formId" rules={[{ required: true, message: 'Chọn hình thức' }]}>
          <Select options={forms.map((f) => ({ value: f.id, label: f.name }))} />
        </Form.Item>
        <Form.Item label="Kính gửi" name="addressee" rules={[{ required: true, whitespace: true, message: 'Nhập nơi nhận' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Cấp quyết định" name="superior" rules={[{ required: true, whitespace: true, message: 'Nhập cấp quyết định' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Thành tích" name="achievement">
          <Input />
        </Form.Item>
        <Form.Item label="Căn cứ (mỗi dòng một căn cứ)" name="bases">
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item label="Danh sách (đề nghị đã được bình xét thông qua)" name="nominationIds" rules={[{ required: true, message: 'Chọn ít nhất một đề nghị' }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={approved.map((n) => ({ value: n.id, label: `${n.displayName} (${n.sourceOrgName})` }))} />
        </Form.Item>
      </FormModal>
      {issuing && (
        <IssueDecisionModal
          open
          title="Cấp số và ban hành tờ trình"
          kindAbbr="TTr"
          what={`Tờ trình đề nghị ${issuing.formName} (${issuing.items.length} đề nghị)`}
          defaultDate={dayjs().format('YYYY-MM-DD')}
          onClose={() => setIssuing(null)}
          onIssue={async (date, number) => {
            const p = await call('commendations.issueProposal', { id: issuing.id, date, number });
            message.success(`Đã ban hành Tờ trình ${identityOfNumberText(p.numberText, p.issuedDate)}`);
            reload();
          }}
        />
      )}
      {viewing && <DocumentModal kind="commendation-proposal" id={viewing.id} title={`Tờ trình ${identityOfNumberText(viewing.numberText, viewing.issuedDate) ?? '(dự thảo)'}`} onClose={() => setViewing(null)} />}
    </>
  );
}
