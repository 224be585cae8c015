import { Alert } from 'antd';
import type { AppError } from '@shared/errors';

/** A server error in Vietnamese: its message, then each detail (e.g. one line per bad row). */
export function ErrorAlert({ error, onClose }: { error: AppError | null | undefined; onClose?: () => void }) {
  if (!error) return null;
  // "Dữ liệu không hợp lệ: X" already says X: list only the other problems.
  const details = (error.details ?? []).filter((d) => !error.message.endsWith(d));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-alert"
      title={error.message}
      closable={onClose ? { onClose } : undefined}
      description={
        details.length > 0 ? (
          <ul className="error-details">
            {details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
