import { Alert, Button, Card, Form, Modal, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { AppError } from '@shared/errors';
import type { OrgNode } from '@shared/schemas/organizations';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { fileToBase64 } from '../../lib/files';
import { SignerFields, signerInput, type SignerValues } from '../../lib/SignerFields';
import { useOffice } from '../../stores/office';
import { filterOrgTreeNode, orgSelectTree } from '../organizations/orgOptions';

type Values = SignerValues & { organizationId: string };

/**
 * First run at a lower level: read the directory file the upper level exported and pick this office's
 * own unit from it, so both levels know the unit by the same id and exchange packages line up.
 */
export function DirectorySetup() {
  const [open, setOpen] = useState(false);
  const [units, setUnits] = useState<OrgNode[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [form] = Form.useForm<Values>();
  const load = useOffice((s) => s.load);
  // One tree per file read: a re-render of the page (the office store reloading after the import) must not hand the
  // open list new nodes, or a click lands on a node being replaced and nothing is chosen.
  const treeData = useMemo(() => orgSelectTree(units ?? [], (n) => !!n.endedOn), [units]);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await call('organizations.importXlsx', { fileName: file.name, dataBase64: await fileToBase64(file) });
      setUnits(await call('organizations.tree', {}));
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const finish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await call('office.setupFromDirectory', { organizationId: v.organizationId, ...signerInput(v) });
      setOpen(false);
      await load();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="setup-card" style={{ marginTop: 16 }}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        Đơn vị cấp dưới đã nhận tệp danh mục đơn vị (Excel) từ cấp trên? Hãy thiết lập từ tệp đó để hai cấp dùng chung
        mã đơn vị khi trao đổi dữ liệu.
      </Typography.Paragraph>
      <Button onClick={() => setOpen(true)}>Thiết lập từ danh mục của cấp trên…</Button>
      <Modal
        open={open}
        title="Thiết lập từ danh mục của cấp trên"
        okText="Lưu và bắt đầu"
        cancelText="Hủy"
        destroyOnHidden
        okButtonProps={{ htmlType: 'submit', loading: busy, disabled: !units }}
        onCancel={() => !busy && setOpen(false)}
        modalRender={(dom) => (
          <Form<Values> form={form} name="fromDirectory" layout="vertical" onFinish={finish} initialValues={{ signerAuthority: 'TM. BAN CHẤP HÀNH', signerTitle: 'CHỦ TỊCH' }} clearOnDestroy>
            {dom}
          </Form>
        )}
      >
        <ErrorAlert error={error} />
        <Form.Item label="Tệp danh mục đơn vị (Excel) của cấp trên">
          <input type="file" accept=".xlsx" aria-label="Tệp danh mục đơn vị (Excel) của cấp trên" data-testid="setup-directory-input" onChange={(e) => void readFile(e.target.files?.[0])} />
        </Form.Item>
        {units && <Alert type="success" showIcon title={`Đã đọc danh mục: ${units.length} đơn vị.`} style={{ marginBottom: 12 }} />}
        <Form.Item label="Đơn vị của mình" name="organizationId" rules={[{ required: true, message: 'Chọn đơn vị của mình trong danh mục' }]}>
          <TreeSelect
            showSearch
            treeDefaultExpandAll
            disabled={!units}
            placeholder="Chọn đơn vị"
            treeData={treeData}
            filterTreeNode={filterOrgTreeNode}
          />
        </Form.Item>
        <SignerFields />
      </Modal>
    </Card>
  );
}
