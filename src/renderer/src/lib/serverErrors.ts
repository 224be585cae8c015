import type { FormInstance } from 'antd';
import type { AppError } from '@shared/errors';

/**
 * Puts server validation details next to their fields. Details look like "Tên đơn vị: không được
 * để trống" (label first) or "name: …" (field first); anything unmatched stays in the Alert.
 */
export function applyServerErrors(form: FormInstance, error: AppError, labels: Record<string, string>): void {
  if (!error.details?.length) return;
  const byField = new Map<string, string[]>();
  for (const detail of error.details) {
    for (const [field, label] of Object.entries(labels)) {
      for (const prefix of [label, field]) {
        if (detail.toLocaleLowerCase('vi').startsWith(`${prefix.toLocaleLowerCase('vi')}:`)) {
          const list = byField.get(field) ?? [];
          list.push(detail);
          byField.set(field, list);
        }
      }
    }
  }
  form.setFields([...byField.entries()].map(([name, errors]) => ({ name, errors })));
}
