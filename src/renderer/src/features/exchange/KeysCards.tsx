import { App as AntApp, Button, Card, Descriptions, Modal, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '@shared/errors';
import type { KeyFileView, OwnKeyView, PartnerView } from '@shared/schemas/exchange';
import { ORG_LEVEL_LABELS, type OrgLevel } from '@shared/schemas/organizations';
import { call, toAppError } from '../../api/client';
import { showDateTime } from '../../lib/dates';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { fileToBase64 } from '../../lib/files';
import { KeyNoticeButton, OwnKeyActions, RevokeKeyButton } from './KeyActions';
import type { PickedFile } from './openedPackage';

const levelLabel = (l: string) => ORG_LEVEL_LABELS[l as OrgLevel] ?? l;

/** This office's key: the fingerprint to read over the phone, and the key file to hand over. */
export function OwnKeyCard() {
  const { message } = AntApp.useApp();
  const [key, setKey] = useState<OwnKeyView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    call('exchange.ownKey', {}).then(setKey, (e) => setError(toAppError(e)));
  }, []);
  const exportKey = async () => {
    try {
      const { path } = await call('exchange.exportKey', {});
      if (path) message.success(`Đã lưu tệp khóa: ${path}`);
    } catch (e) {
      setError(toAppError(e));
    }
  };
  return (
    <Card title="Khóa của đơn vị mình" size="small">
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {key && (
        <Descriptions column={1} size="small">
          <Descriptions.Item label="Đơn vị">{key.officeName}</Descriptions.Item>
          <Descriptions.Item label="Mã nhận diện">
            <Typography.Text strong code data-testid="own-fingerprint">
              {key.fingerprint}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Paragraph type="secondary">
        Gửi tệp khóa cho đơn vị cấp trên/cấp dưới một lần, rồi đọc mã nhận diện qua điện thoại để họ đối chiếu.
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button block onClick={() => void exportKey()}>Lưu tệp khóa (.tdkt-key)</Button>
        <OwnKeyActions onChanged={(k) => k && setKey(k)} />
      </Space>
    </Card>
  );
}

/** Partners' keys: import a key file, compare its fingerprint with what the other office reads out, then trust it. */
export function PartnersCard({ partners, reload }: { partners: PartnerView[]; reload: () => void }) {
  const { message } = AntApp.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{ file: PickedFile; view: KeyFileView } | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const pick = async (f: File | undefined) => {
    if (!f) return;
    setError(null);
    try {
      const file = { fileName: f.name, dataBase64: await fileToBase64(f) };
      setPending({ file, view: await call('exchange.inspectKey', file) });
    } catch (e) {
      setError(toAppError(e));
    } finally {
      if (input.current) input.current.value = '';
    }
  };
  const trust = async () => {
    if (!pending) return;
    try {
      const p = await call('exchange.trustKey', { ...pending.file, fingerprint: pending.view.fingerprint });
      message.success(`Đã tin cậy khóa của ${p.officeName}.`);
      setPending(null);
      reload();
    } catch (e) {
      setError(toAppError(e));
      setPending(null);
    }
  };

  return (
    <Card title="Đơn vị trao đổi" size="small" extra={<Button onClick={() => input.current?.click()}>Nhận tệp khóa…</Button>}>
      <Space wrap style={{ marginBottom: 8 }}>
        <KeyNoticeButton kind="rotation" reload={reload} />
        <KeyNoticeButton kind="revocation" reload={reload} />
      </Space>
      <input ref={input} type="file" accept=".tdkt-key,.json" className="hidden-file-input" aria-label="Chọn tệp khóa của đơn vị trao đổi" data-testid="key-import-input" onChange={(e) => void pick(e.target.files?.[0])} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Table<PartnerView>
        size="small"
        rowKey="officeId"
        pagination={false}
        dataSource={partners}
        locale={{ emptyText: 'Chưa có đơn vị nào. Hãy nhận tệp khóa của đơn vị cấp trên hoặc cấp dưới.' }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'officeName' },
          { title: 'Cấp', render: (_, p) => <Space>{levelLabel(p.level)}<Tag>{p.lower ? 'cấp dưới' : 'cấp trên'}</Tag></Space> },
          { title: 'Mã nhận diện', render: (_, p) => <Space><Typography.Text code>{p.fingerprint}</Typography.Text>{p.keyRevokedAt && <Tag color="red">đã thu hồi</Tag>}</Space> },
          { title: 'Xác nhận lúc', dataIndex: 'confirmedAt', render: (s: string) => showDateTime(s) },
          { title: 'Gói đã gửi / đã nhận', render: (_, p) => `${p.lastSentSequence} / ${p.lastReceivedSequence}` },
          { title: '', render: (_, p) => <RevokeKeyButton partner={p} reload={reload} /> },
        ]}
      />
      <Modal
        open={!!pending}
        title="Xác nhận khóa của đơn vị trao đổi"
        okText="Mã khớp — tin cậy khóa này"
        cancelText="Hủy"
        onOk={() => void trust()}
        onCancel={() => setPending(null)}
      >
        {pending && (
          <>
            <p>
              Tệp khóa của <strong>{pending.view.officeName}</strong> ({levelLabel(pending.view.level)}).
            </p>
            <p>Gọi điện cho đơn vị đó và nhờ họ đọc mã nhận diện. Chỉ tin cậy khi mã trùng khớp từng ký tự:</p>
            <Typography.Title level={3} code data-testid="partner-fingerprint">
              {pending.view.fingerprint}
            </Typography.Title>
            {pending.view.currentFingerprint && pending.view.currentFingerprint !== pending.view.fingerprint && (
              <ErrorAlert error={{ name: 'AppError', code: 'CONFLICT', message: `Khóa của đơn vị này đã thay đổi (mã cũ ${pending.view.currentFingerprint}). Chỉ tin cậy nếu đơn vị xác nhận đã đổi khóa.` } as AppError} />
            )}
          </>
        )}
      </Modal>
    </Card>
  );
}

export function usePartners(): [PartnerView[], () => void, AppError | null] {
  const [partners, setPartners] = useState<PartnerView[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const reload = useCallback(() => {
    call('exchange.partners', {}).then(setPartners, (e) => setError(toAppError(e)));
  }, []);
  useEffect(reload, [reload]);
  return [partners, reload, error];
}
