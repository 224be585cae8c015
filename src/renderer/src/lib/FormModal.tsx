import { Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import type { AppError } from '@shared/errors';
import { toAppError } from '../api/client';
import { ErrorAlert } from './ErrorAlert';
import { applyServerErrors } from './serverErrors';

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
  children: ReactNode;
}

/**
 * A modal whose body is a form: Enter in any field submits, Esc cancels, the OK button is the
 * form's submit button. Server errors show above the fields and next to the field they name.
 */
export function FormModal<T>({ open, title, okText = 'Lưu', form, initialValues, labels = {}, onSubmit, onClose, width, children }: FormModalProps<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const finish = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      if ((await onSubmit(values)) !== false) onClose();
    } catch (e) {
      const err = toAppError(e);
      setError(err);
      applyServerErrors(form, err, labels);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="Hủy"
      width={width}
      onCancel={() => {
        if (!busy) onClose();
      }}
      afterClose={() => setError(null)}
      destroyOnHidden
      okButtonProps={{ htmlType: 'submit', loading: busy }}
      cancelButtonProps={{ disabled: busy }}
      modalRender={(dom) => (
        <Form<T> form={form} layout="vertical" initialValues={initialValues} onFinish={finish} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} />
      {children}
    </Modal>
  );
}
