import { Button, Card, Space, Typography } from 'antd';
import { memo, type ReactNode } from 'react';
import type { AwardFormView } from '@shared/schemas/commendations';
import { moneyToWords } from '@shared/vi-text/money';
import { showDate } from '../../lib/dates';
import { AwardeesTable } from './AwardeesTable';
import { useDecisionDraft, type AwardeeRow } from './decisionDraft';
import { money } from './shared';
import { rateKey, useMoneyPreview } from './useMoneyPreview';

/**
 * The list card of the decision editor: counts, the list, the money preview. It alone follows the rows,
 * so removing one of 2,000 redraws this card and not the rest of the editor.
 */
export const AwardeesCard = memo(function AwardeesCard({ locked, forms, onPick, onAdd, children }: {
  locked: boolean;
  forms: AwardFormView[];
  onPick: () => void;
  onAdd: () => void;
  /** the save / issue / delete buttons under the list */
  children: ReactNode;
}) {
  const rows = useDecisionDraft((s) => s.draft?.rows ?? EMPTY);
  const date = useDecisionDraft((s) => s.draft?.header.decisionDate ?? '');
  // A locked list shows the money frozen at issue (the card below), not a preview.
  const rates = useMoneyPreview(locked ? EMPTY : rows, date);
  const previewTotal = rows.reduce((sum, r) => sum + (rates[rateKey(r.formId, r.target, date)]?.amount ?? 0), 0);
  const collectives = rows.filter((r) => r.target === 'collective').length;
  return (
    <Card
      title={`Danh sách tập thể, cá nhân (${collectives} tập thể, ${rows.length - collectives} cá nhân)`}
      size="small"
      extra={
        !locked && (
          <Space>
            <Button onClick={onPick} aria-label="Thêm đề nghị đã thông qua">
              Thêm đề nghị đã thông qua
            </Button>
            <Button onClick={onAdd}>Thêm tập thể, cá nhân khác</Button>
          </Space>
        )
      }
    >
      <AwardeesTable locked={locked} forms={forms} rates={rates} date={date} />
      {!locked && rows.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 8 }} data-testid="decision-preview-total">
          Xem trước: {money(previewTotal)} ({moneyToWords(previewTotal)}), tính theo ngày {showDate(date)}.
        </Typography.Paragraph>
      )}
      {children}
    </Card>
  );
});

const EMPTY: AwardeeRow[] = [];
