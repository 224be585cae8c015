import { Button, Space, Tooltip } from 'antd';

/** ↑ ↓ ✕ for one row of an editor list; labelled so screen readers and tests can find them. */
export function RowActions({ what, index, count, disabled, onMove, onRemove }: {
  what: string;
  index: number;
  count: number;
  disabled?: boolean;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  return (
    <Space.Compact size="small">
      <Tooltip title="Chuyển lên">
        <Button aria-label={`Chuyển ${what} lên`} disabled={disabled || index === 0} onClick={() => onMove(index - 1)}>
          ↑
        </Button>
      </Tooltip>
      <Tooltip title="Chuyển xuống">
        <Button aria-label={`Chuyển ${what} xuống`} disabled={disabled || index === count - 1} onClick={() => onMove(index + 1)}>
          ↓
        </Button>
      </Tooltip>
      <Tooltip title="Xóa">
        <Button aria-label={`Xóa ${what}`} danger disabled={disabled} onClick={onRemove}>
          ✕
        </Button>
      </Tooltip>
    </Space.Compact>
  );
}
