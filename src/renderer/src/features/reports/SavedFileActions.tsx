import { App as AntApp, Button, Space, Typography } from 'antd';
import { call, toAppError } from '../../api/client';

/** After an export: where the file went, "Mở tệp" (Word / Excel) and "Mở thư mục". */
export function SavedFileActions({ path }: { path: string }) {
  const { message } = AntApp.useApp();
  const run = async (name: 'files.open' | 'files.showInFolder') => {
    try {
      await call(name, { path });
    } catch (e) {
      message.error(toAppError(e).message);
    }
  };
  return (
    <Space wrap data-testid="saved-file">
      <Typography.Text>Đã lưu: {path}</Typography.Text>
      <Button size="small" onClick={() => void run('files.open')}>
        Mở tệp
      </Button>
      <Button size="small" onClick={() => void run('files.showInFolder')}>
        Mở thư mục
      </Button>
    </Space>
  );
}
