import { Button, InputNumber, Tag } from 'antd';
import { useState } from 'react';
import type { DecisionSummary } from '@shared/schemas/commendations';
import { identityOfNumberText } from '@shared/vi-text/doc-number';
import { ActionList } from '../../lib/ActionList';
import { dayjs, showDate } from '../../lib/dates';
import { useQuery } from '../../lib/query';
import { useRouter } from '../../stores/router';
import { OwnerTag } from '../exchange/ownership';
import { money } from './shared';

/** Quyết định khen thưởng of a year: drafts, issued ones, corrections. */
export function DecisionsPage() {
  const navigate = useRouter((s) => s.navigate);
  const [year, setYear] = useState(dayjs().year());
  const items = useQuery('commendations.listDecisions', { periodYear: year }, `danh sách quyết định năm ${year}`).data ?? [];
  return (
    <ActionList<DecisionSummary>
      filters={
        <>
          <span>Năm xét khen</span>
          <InputNumber aria-label="Năm của quyết định" min={1990} max={2200} value={year} onChange={(v) => v && setYear(v)} />
        </>
      }
      addLabel="Lập quyết định khen thưởng"
      onAdd={() => navigate('awards', 'decision', 'new')}
      rows={items}
      empty={`Chưa có quyết định khen thưởng nào năm ${year}.`}
      onOpen={(d) => navigate('awards', 'decision', d.id)}
      columns={[
        { title: 'Số, ký hiệu, ngày', dataIndex: 'numberText', width: 240, render: (n: string | null, d) => identityOfNumberText(n, d.decisionDate) ?? <><Tag>Dự thảo</Tag> {showDate(d.decisionDate)}</> },
        { title: 'Trích yếu', dataIndex: 'subject', render: (s: string, d) => s || (d.correctsDecisionId ? 'Đính chính' : 'Khen thưởng') },
        { title: 'Tập thể', dataIndex: 'collectives', width: 80 },
        { title: 'Cá nhân', dataIndex: 'individuals', width: 80 },
        { title: 'Tổng tiền', dataIndex: 'totalAmount', width: 150, align: 'right', render: (a: number) => money(a) },
        {
          title: '',
          width: 200,
          render: (_: unknown, d) => (
            <>
              {d.correctedById && <Tag color="orange">Đã được đính chính</Tag>}
              <OwnerTag ownership={d.ownership} what="Quyết định này" />
            </>
          ),
        },
        {
          title: '',
          width: 80,
          render: (_: unknown, d) => (
            <Button size="small" onClick={() => navigate('awards', 'decision', d.id)}>
              Mở
            </Button>
          ),
        },
      ]}
    />
  );
}
