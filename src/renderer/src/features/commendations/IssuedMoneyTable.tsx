import { Table } from 'antd';
import type { AwardeeView } from '@shared/schemas/commendations';
import { longListProps } from '../../lib/longList';
import { coef, money } from './shared';

/** Money per awardee as saved (frozen at issue); virtualized like the draft list. */
export function IssuedMoneyTable({ awardees }: { awardees: AwardeeView[] }) {
  return (
    <Table<AwardeeView>
      size="small"
      rowKey="id"
      {...longListProps(awardees.length, 420, 900)}
      pagination={false}
      dataSource={awardees}
      columns={[
        { title: 'Dòng', dataIndex: 'row', width: 60 },
        { title: 'Tên tập thể / Họ và tên', dataIndex: 'name', width: 280 },
        { title: 'Hình thức', dataIndex: 'formName', width: 200 },
        { title: 'Hệ số', dataIndex: 'coefficient', width: 70, render: (c: number | null) => coef(c) },
        { title: 'Số tiền', dataIndex: 'amount', width: 140, align: 'right', render: (a: number) => money(a) },
        { title: 'Số sổ vàng', dataIndex: 'goldBookNumber', width: 100 },
      ]}
    />
  );
}
