import { App as AntApp, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { OwnKeyView, PartnerView } from '@shared/schemas/exchange';
import { call, toAppError } from '../../api/client';
import { fileToBase64 } from '../../lib/files';
import type { PickedFile } from './openedPackage';

const MODE_TITLES = {
  export: 'Xuất khóa bí mật để chuyển sang máy mới',
  import: 'Nhập khóa bí mật từ máy cũ',
  revoke: 'Thu hồi khóa ký của đơn vị',
} as const;

/**
 * Key upkeep: moving this office's key to a new PC (a passphrase file), rotating it (a statement signed by the
 * old key, sent to every partner), and on the partners' side accepting a rotation or revoking a lost key.
 */
export function OwnKeyActions({ onChanged }: { onChanged: (key: OwnKeyView | null) => void }) {
  const { message, modal } = AntApp.useApp();
  const [mode, setMode] = useState<'export' | 'import' | 'revoke' | null>(null);
  const [file, setFile] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ passphrase: string; again?: string; reason?: string }>();
  const input = useRef<HTMLInputElement>(null);
  const fail = (e: unknown) => message.error(toAppError(e).message);

  const rotate = () =>
    modal.confirm({
      title: 'Đổi khóa ký của đơn vị?',
      content: 'Phần mềm tạo khóa mới và lưu một tệp thông báo đổi khóa (ký bằng khóa cũ). Hãy gửi tệp đó cho mọi đơn vị trao đổi; gói ký bằng khóa cũ sẽ bị từ chối từ nay.',
      okText: 'Đổi khóa',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          const r = await call('exchange.rotateKey', {});
          if (r.path) {
            message.success(`Đã đổi khóa (mã mới ${r.fingerprint}). Gửi tệp ${r.path} cho các đơn vị trao đổi.`);
            onChanged(await call('exchange.ownKey', {}));
          }
        } catch (e) {
          fail(e);
        }
      },
    });

  const submit = async (v: { passphrase: string; reason?: string }) => {
    setBusy(true);
    try {
      if (mode === 'revoke') {
        const r = await call('exchange.revokeOwnKey', { reason: v.reason ?? '' });
        if (!r.path) return;
        message.success(`Đã thu hồi khóa cũ; đơn vị ký bằng khóa mới (mã ${r.fingerprint}). Gửi tệp ${r.path} cho các đơn vị trao đổi, rồi gửi tệp khóa mới và đọc mã nhận diện qua điện thoại.`, 12);
        onChanged(await call('exchange.ownKey', {}));
      } else if (mode === 'export') {
        const { path } = await call('exchange.exportSecretKey', { passphrase: v.passphrase });
        if (path) message.success(`Đã lưu tệp khóa bí mật: ${path}. Giữ tệp và mật khẩu ở hai nơi khác nhau.`);
      } else if (file) {
        onChanged(await call('exchange.importSecretKey', { ...file, passphrase: v.passphrase }));
        message.success('Đã nhập khóa ký của đơn vị vào máy này.');
      }
      setMode(null);
      form.resetFields();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button block onClick={() => setMode('export')}>Xuất khóa bí mật (chuyển máy)…</Button>
      <Button block onClick={() => input.current?.click()}>Nhập khóa bí mật…</Button>
      <Button block onClick={rotate}>Đổi khóa…</Button>
      <Button block danger onClick={() => setMode('revoke')}>Thu hồi khóa của đơn vị (khóa bị lộ)…</Button>
      <input
        ref={input}
        type="file"
        accept=".tdkt-secret,.json"
        className="hidden-file-input"
        aria-label="Chọn tệp khóa bí mật"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void fileToBase64(f).then((dataBase64) => { setFile({ fileName: f.name, dataBase64 }); setMode('import'); }, fail);
          e.target.value = '';
        }}
      />
      <Modal
        open={mode !== null}
        title={MODE_TITLES[mode ?? 'export']}
        okText={mode === 'export' ? 'Lưu tệp' : mode === 'revoke' ? 'Thu hồi khóa và lưu thông báo' : 'Nhập khóa'}
        cancelText="Hủy"
        okButtonProps={{ htmlType: 'submit', loading: busy, danger: mode === 'revoke' }}
        onOk={() => form.submit()}
        onCancel={() => { setMode(null); form.resetFields(); }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          {mode === 'revoke' ? (
            <>
              <Typography.Paragraph>
                Chỉ làm khi khóa ký của đơn vị có thể đã lọt ra ngoài (máy bị mất, tệp khóa bị sao chép). Phần mềm lưu một tệp thông báo thu hồi (ký bằng
                khóa cũ) và chuyển sang khóa mới. Gửi tệp thông báo cho mọi đơn vị trao đổi; họ sẽ từ chối mọi gói ký bằng khóa cũ (gói đã gửi mà họ
                chưa áp dụng phải gửi lại), và chỉ nhận khóa mới sau khi đối chiếu mã nhận diện qua điện thoại.
              </Typography.Paragraph>
              <Form.Item label="Lý do thu hồi (ghi trong thông báo)" name="reason" rules={[{ max: 500, message: 'Tối đa 500 ký tự' }]}>
                <Input autoFocus placeholder="Ví dụ: máy tính của văn phòng bị mất" />
              </Form.Item>
            </>
          ) : (
            <Form.Item label="Mật khẩu bảo vệ khóa" name="passphrase" rules={[{ required: true, min: mode === 'export' ? 10 : 1, message: mode === 'export' ? 'Ít nhất 10 ký tự' : 'Nhập mật khẩu' }]}>
              <Input.Password autoFocus autoComplete="new-password" />
            </Form.Item>
          )}
          {mode === 'export' && (
            <Form.Item
              label="Nhập lại mật khẩu"
              name="again"
              dependencies={['passphrase']}
              rules={[({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error('Hai lần nhập không khớp'))) })]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}

/**
 * A partner's statement about its key (.tdkt-key): a rotation signed by its old key (trusted without a phone
 * call), or a revocation notice (its key is refused from now on; the new key comes only as a key file
 * confirmed by phone).
 */
const KEY_NOTICES = {
  rotation: {
    label: 'Nhận thông báo đổi khóa…',
    fileLabel: 'Chọn tệp thông báo đổi khóa',
    accept: (file: PickedFile) => call('exchange.acceptRotation', file),
    done: (p: PartnerView) => `Đã chuyển sang khóa mới của ${p.officeName} (${p.fingerprint}).`,
  },
  revocation: {
    label: 'Nhận thông báo thu hồi khóa…',
    fileLabel: 'Chọn tệp thông báo thu hồi khóa',
    accept: (file: PickedFile) => call('exchange.acceptRevocation', file),
    done: (p: PartnerView) => `Đã thu hồi khóa ${p.fingerprint} của ${p.officeName}: gói ký bằng khóa này bị từ chối. Hãy nhận tệp khóa mới và đối chiếu mã nhận diện qua điện thoại.`,
  },
} as const;

export function KeyNoticeButton({ kind, reload }: { kind: keyof typeof KEY_NOTICES; reload: () => void }) {
  const { message } = AntApp.useApp();
  const input = useRef<HTMLInputElement>(null);
  const notice = KEY_NOTICES[kind];
  return (
    <>
      <Button onClick={() => input.current?.click()}>{notice.label}</Button>
      <input
        ref={input}
        type="file"
        accept=".tdkt-key,.json"
        className="hidden-file-input"
        aria-label={notice.fileLabel}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (!f) return;
          void fileToBase64(f)
            .then((dataBase64) => notice.accept({ fileName: f.name, dataBase64 }))
            .then((p) => { message.success(notice.done(p), 8); reload(); }, (err) => message.error(toAppError(err).message));
        }}
      />
    </>
  );
}

/** Revokes a partner's key after its call (lost, stolen): its packages are refused until a new key is confirmed. */
export function RevokeKeyButton({ partner, reload }: { partner: PartnerView; reload: () => void }) {
  const { message, modal } = AntApp.useApp();
  if (partner.keyRevokedAt) return null;
  return (
    <Button
      size="small"
      danger
      onClick={() =>
        modal.confirm({
          title: `Thu hồi khóa của ${partner.officeName}?`,
          content: `Chỉ làm khi đơn vị đó báo khóa bị mất hoặc lộ. Gói ký bằng khóa ${partner.fingerprint} sẽ bị từ chối cho đến khi nhận và xác nhận tệp khóa mới.`,
          okText: 'Thu hồi khóa',
          okButtonProps: { danger: true },
          cancelText: 'Hủy',
          onOk: () => call('exchange.revokePartnerKey', { officeId: partner.officeId }).then(reload, (e) => message.error(toAppError(e).message)),
        })
      }
    >
      Thu hồi khóa
    </Button>
  );
}
