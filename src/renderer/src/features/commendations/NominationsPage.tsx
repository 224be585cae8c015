import { App, Button, Input, InputNumber, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { NOMINATION_STATUS_LABELS, TARGET_LABELS, type AwardFormView, type NominationView } from '@shared/schemas/commendations';
import type { MovementSummary } from '@shared/schemas/movements';
import type { OrgNode } from '@shared/schemas/organizations';
import { identityOfNumberText } from '@shared/vi-text/doc-number';
import { call, toAppError } from '../../api/client';
import { ActionList } from '../../lib/ActionList';
import { dayjs, showDate } from '../../lib/dates';
import { useQuery } from '../../lib/query';
import { useOffice } from '../../stores/office';
import { DossierModal } from '../dossier/DossierModal';
import { OwnerTag } from '../exchange/ownership';
import { NominationModal } from './NominationModal';
import { ReviewModal } from './ReviewModal';

const NO_NOMINATIONS: NominationView[] = [];
const NO_ORGS: OrgNode[] = [];
const NO_FORMS: AwardFormView[] = [];
const NO_MOVEMENTS: MovementSummary[] = [];

const STATUS_COLORS: Record<NominationView['status'], string> = { proposed: 'default', approved: 'green', rejected: 'red', decided: 'blue' };

/** Đề nghị khen thưởng from the units and this office's own list, with bình xét. */
export function NominationsPage() {
  const { message } = App.useApp();
  const office = useOffice((s) => s.office);
  const [year, setYear] = useState(dayjs().year());
  const [query, setQuery] = useState('');
  const [sourceOrgId, setSourceOrgId] = useState<string | undefined>();
  const nominationsQ = useQuery('commendations.listNominations', { periodYear: year, query, sourceOrgId }, 'danh sách đề nghị');
  const items = nominationsQ.data ?? NO_NOMINATIONS;
  const orgs = useQuery('organizations.tree', {}, 'danh mục đơn vị').data ?? NO_ORGS;
  const forms = useQuery('commendations.catalogue', {}, 'danh mục hình thức khen thưởng').data?.forms ?? NO_FORMS;
  const movements = useQuery('movements.list', {}, 'danh sách phong trào').data ?? NO_MOVEMENTS;
  const reload = nominationsQ.reload;
  const [editing, setEditing] = useState<NominationView | null | undefined>(undefined);
  const [reviewing, setReviewing] = useState<NominationView | null>(null);
  const [dossier, setDossier] = useState<string | null>(null);

  if (!office) return null;

  return (
    <>
      <ActionList<NominationView>
        filters={
          <>
            <span>Năm xét khen</span>
            <InputNumber aria-label="Năm xét khen" min={1990} max={2200} value={year} onChange={(v) => v && setYear(v)} />
            <Select
              aria-label="Lọc theo đơn vị đề nghị"
              allowClear
              placeholder="Mọi đơn vị đề nghị"
              style={{ width: 280 }}
              value={sourceOrgId}
              onChange={setSourceOrgId}
              showSearch={{ optionFilterProp: 'label' }}
              options={orgs.map((o) => ({ value: o.id, label: o.name }))}
            />
            <Input.Search aria-label="Tìm đề nghị" placeholder="Tìm theo tên (gõ không dấu được)" allowClear onSearch={setQuery} style={{ width: 260 }} />
          </>
        }
        addLabel="Thêm đề nghị"
        onAdd={() => setEditing(null)}
        rows={items}
        paged
        empty={`Chưa có đề nghị khen thưởng nào năm ${year}.`}
        columns={[
          { title: 'Đơn vị đề nghị', dataIndex: 'sourceOrgName', render: (s: string, n) => (n.own ? <Tag>Đơn vị mình</Tag> : s) },
          { title: 'Đối tượng', dataIndex: 'target', width: 90, render: (t: NominationView['target']) => TARGET_LABELS[t] },
          { title: 'Tên tập thể / Họ và tên', dataIndex: 'displayName' },
          { title: 'Chức vụ, đơn vị', dataIndex: 'positionUnit' },
          { title: 'Hình thức đề nghị', dataIndex: 'proposedFormName' },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            width: 200,
            render: (s: NominationView['status'], n) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATUS_COLORS[s]}>{NOMINATION_STATUS_LABELS[s]}</Tag>
                {n.review && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {n.review.ownerName ? `Bình xét của ${n.review.ownerName}: ` : ''}
                    {n.review.votesFor}/{n.review.councilSize} phiếu{n.review.reason ? ` — ${n.review.reason}` : ''}
                  </Typography.Text>
                )}
                {n.review?.overrideReason && (
                  <Tag color="orange" title={n.review.overrideReason}>
                    Thông qua khi chưa đạt điều kiện
                  </Tag>
                )}
                {n.lowerReview?.overrideReason && (
                  <Tag color="gold" title={`Hội đồng ${n.lowerReview.ownerName} (${showDate(n.lowerReview.reviewedOn)}): ${n.lowerReview.overrideReason}`}>
                    Cấp dưới thông qua khi chưa đạt điều kiện
                  </Tag>
                )}
                {n.decision && <Typography.Text style={{ fontSize: 12 }}>QĐ {identityOfNumberText(n.decision.numberText, n.decision.decisionDate)}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '',
            width: 320,
            render: (_: unknown, n) =>
              n.status === 'decided' ? (
                <Space wrap>
                  <Button size="small" aria-label={`Hồ sơ ${n.displayName}`} onClick={() => setDossier(n.id)}>
                    Hồ sơ
                  </Button>
                  <OwnerTag ownership={n.ownership} what="Đề nghị này" />
                </Space>
              ) : (
                <Space wrap>
                  <Button size="small" aria-label={`Hồ sơ ${n.displayName}`} onClick={() => setDossier(n.id)}>
                    Hồ sơ
                  </Button>
                  <Button size="small" type="primary" ghost aria-label={`Bình xét ${n.displayName}`} onClick={() => setReviewing(n)}>
                    Bình xét
                  </Button>
                  {n.ownership.readOnly ? (
                    <OwnerTag ownership={n.ownership} what="Đề nghị này" />
                  ) : (
                    <>
                      <Button size="small" onClick={() => setEditing(n)}>
                        Sửa
                      </Button>
                      <Popconfirm
                        title="Xóa đề nghị này?"
                        okText="Xóa"
                        cancelText="Hủy"
                        onConfirm={() => call('commendations.deleteNomination', { id: n.id }).then(reload, (e) => message.error(toAppError(e).message))}
                      >
                        <Button size="small" danger>
                          Xóa
                        </Button>
                      </Popconfirm>
                    </>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <NominationModal
        open={editing !== undefined}
        editing={editing ?? null}
        officeId={office.organizationId}
        orgs={orgs}
        forms={forms}
        movements={movements}
        year={year}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          message.success('Đã lưu đề nghị');
          reload();
        }}
      />
      {dossier && <DossierModal nominationId={dossier} onClose={() => setDossier(null)} />}
      {reviewing && <ReviewModal nomination={reviewing} onClose={() => setReviewing(null)} onDone={reload} />}
    </>
  );
}
