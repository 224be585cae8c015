import { App, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import type { AppError } from '@shared/errors';
import { toAppError } from '../api/client';
import { ErrorAlert } from './ErrorAlert';
import { applyServerErrors } from './serverErrors';
import { useLeaveGuard } from './useLeaveGuard';

interface FormModalProps<T> {
  open: boolean;
  title: string;
  okText?: string;
  form: FormInstance<T>;
  initialValues?: Partial<T>;
  /** field name → Vietnamese label, to put server errors next to their fields */
  labels?: Record<string, string>;
  /** Resolves false to keep the modal open (e.g. the clerk declined a confirmation). */
  onSubmit: (values: T) => Promise<void | boolean>;
  onClose: () => void;
  width?: number;
  /** the record belongs to another office: shown, not saved (the OK button is off) */
  readOnly?: boolean;
  children: ReactNode;
}

/**
 * A modal whose body is a form: Enter in any field submits, Esc cancels, the OK button is the
 * form's submit button. Server errors show above the fields and next to the field they name.
 */
export function FormModal<T>({ open, title, okText = 'Lưu', form, initialValues, labels = {}, onSubmit, onClose, width, readOnly, children }: FormModalProps<T>) {
  const { modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  /** True when the values were accepted (the modal then closes). */
  const finish = async (values: T): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      if ((await onSubmit(values)) === false) return false;
      onClose();
      return true;
    } catch (e) {
      const err = toAppError(e);
      setError(err);
      applyServerErrors(form, err, labels);
      return false;
    } finally {
      setBusy(false);
    }
  };
  // Typed-in values are not thrown away by a stray Esc, a click outside or leaving the screen.
  const touched = () => open && form.isFieldsTouched();
  useLeaveGuard({
    dirty: touched,
    what: title.toLocaleLowerCase('vi'),
    save: () => form.validateFields().then(finish, () => false),
    error: error?.message,
  });
  const cancel = () => {
    if (busy) return;
    if (!touched()) return onClose();
    modal.confirm({
      title: 'Bỏ các thay đổi chưa lưu?',
      content: `“${title}” có nội dung đã nhập nhưng chưa lưu.`,
      okText: 'Bỏ thay đổi',
      okButtonProps: { danger: true },
      cancelText: 'Ở lại',
      autoFocusButton: 'cancel',
      onOk: onClose,
    });
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="Hủy"
      width={width}
      onCancel={cancel}
      afterClose={() => setError(null)}
      destroyOnHidden
      // Long forms scroll inside the dialog, so its buttons stay on screen at 1366×768.
      styles={{ body: { maxHeight: 'calc(100vh - 230px)', overflowY: 'auto', overflowX: 'hidden' } }}
      okButtonProps={{ htmlType: 'submit', loading: busy, disabled: readOnly }}
      cancelButtonProps={{ disabled: busy }}
      modalRender={(dom) => (
        <Form<T> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void finish(v)} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} />
      {children}
    </Modal>
  );
}
