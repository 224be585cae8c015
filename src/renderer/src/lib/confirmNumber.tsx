import type { HookAPI } from 'antd/es/modal/useModal';
import type { NumberPreview } from '@shared/schemas/register';
import { call } from '../api/client';
import { showDate } from './dates';

/**
 * Asks the register which number a document would take, then asks the clerk to confirm that exact
 * number, ký hiệu, date and year. Resolves with the number to take, or null when the clerk says no.
 * Focus starts on "Quay lại", so a reflexive Enter never takes a number.
 */
export async function confirmNumber(
  modal: HookAPI,
  req: { kindAbbr: string; date: string; number: number | null; what: string; letter?: boolean; letterUnit?: string },
): Promise<NumberPreview | null> {
  const p = await call('register.preview', { kindAbbr: req.kindAbbr, date: req.date, number: req.number, letter: req.letter, letterUnit: req.letterUnit });
  const ok = await new Promise<boolean>((resolve) => {
    modal.confirm({
      title: `Cấp số ${p.numberText} cho ${req.what}?`,
      content: (
        <div data-testid="confirm-number">
          <p>
            Số <strong>{p.numberText}</strong>, ngày <strong>{showDate(p.date)}</strong>, lấy từ sổ văn bản đi <strong>năm {p.year}</strong>.
          </p>
          <p>Số đã cấp không thể hoàn tác: không xóa, không cấp lại cho văn bản khác.</p>
        </div>
      ),
      okText: `Cấp số ${p.numberText}`,
      cancelText: 'Quay lại',
      autoFocusButton: 'cancel',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
  return ok ? p : null;
}
