import { Button, Space, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';

interface ActionListProps<T extends { id: string }> {
  /** Filters shown left of the add button (year, unit, search…). */
  filters?: ReactNode;
  addLabel: string;
  onAdd: () => void;
  rows: T[];
  columns: TableProps<T>['columns'];
  empty: ReactNode;
  /** Double-click on a row opens it. */
  onOpen?: (row: T) => void;
  /** Long lists page by 50; short ones show everything. */
  paged?: boolean;
}

/** The list screens' one shape: a toolbar (filters, then the primary "add" button) over a compact table of records. */
export function ActionList<T extends { id: string }>({ filters, addLabel, onAdd, rows, columns, empty, onOpen, paged = false }: ActionListProps<T>) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {filters}
        <Button type="primary" onClick={onAdd}>
          {addLabel}
        </Button>
      </Space>
      <Table<T>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={paged ? { pageSize: 50, hideOnSinglePage: true } : false}
        locale={{ emptyText: empty }}
        onRow={onOpen ? (r) => ({ onDoubleClick: () => onOpen(r) }) : undefined}
        columns={columns}
      />
    </Space>
  );
}
