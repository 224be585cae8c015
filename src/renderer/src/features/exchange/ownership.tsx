import { Alert, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { OwnedTable, OwnershipView } from '@shared/schemas/exchange';
import { call, onEvent } from '../../api/client';

/**
 * Who owns a travelling record. Records of another office are read-only here (the core refuses the write
 * anyway): screens show the owner and disable their edit actions with it.
 */
export function useOwnership(table: OwnedTable, id: string | null | undefined): OwnershipView | null {
  const [view, setView] = useState<OwnershipView | null>(null);
  useEffect(() => {
    if (!id) {
      setView(null);
      return;
    }
    let live = true;
    const load = () =>
      void call('exchange.ownership', { table, id })
        .then((v) => live && setView(v))
        .catch(() => live && setView(null));
    load();
    const stop = onEvent('data.changed', load);
    return () => {
      live = false;
      stop();
    };
  }, [table, id]);
  return view;
}

/** "Do … quản lý — chỉ xem" above a record another office owns; nothing for this office's own records. */
export function OwnerNotice({ ownership }: { ownership: OwnershipView | null }) {
  if (!ownership?.readOnly) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="owner-notice"
      title={`Do “${ownership.ownerName}” quản lý — chỉ xem`}
      description={`Bản ghi này nhận qua gói trao đổi; chỉ “${ownership.ownerName}” sửa được và gửi lại bản mới.`}
    />
  );
}

/**
 * In a list row, in place of the edit and delete actions of a record another office owns: who manages it, in
 * words, before the clerk tries (the core would refuse the same way).
 */
export function OwnerTag({ ownership, what }: { ownership: OwnershipView; what: string }) {
  if (!ownership.readOnly) return null;
  const owner = ownership.ownerName ?? 'đơn vị khác';
  return (
    <Tooltip title={`${what} do “${owner}” quản lý, nhận qua gói trao đổi: ở đơn vị mình chỉ xem, không sửa hay xóa được. Thay đổi phải do “${owner}” thực hiện và gửi lại.`}>
      <Tag color="purple" data-testid="owner-tag" tabIndex={0} style={{ whiteSpace: 'normal' }}>
        Chỉ xem — do {owner} quản lý
      </Tag>
    </Tooltip>
  );
}
