import { Menu, app, shell, type MenuItemConstructorOptions } from 'electron';
import type { ZoomAction } from './zoom';

/**
 * The zoom items show Ctrl+= / Ctrl+- / Ctrl+0 but do not register them: the keys are read in the page's
 * before-input-event (zoom.ts), where Ctrl+= works without Shift.
 */
export function buildMenu(dataDir: string, actions: { zoom(action: ZoomAction): void; quit(): void }): Menu {
  const zoomItem = (label: string, action: ZoomAction, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: () => actions.zoom(action),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Tệp',
      submenu: [
        { label: 'Mở thư mục dữ liệu', click: () => void shell.openPath(dataDir) },
        { type: 'separator' },
        { label: 'Thoát', accelerator: 'Alt+F4', registerAccelerator: false, click: () => actions.quit() },
      ],
    },
    {
      label: 'Sửa',
      submenu: [
        { label: 'Hoàn tác', role: 'undo' },
        { label: 'Làm lại', role: 'redo' },
        { type: 'separator' },
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
        { label: 'Chọn tất cả', role: 'selectAll' },
      ],
    },
    {
      label: 'Xem',
      submenu: [
        { label: 'Tải lại', role: 'reload' },
        zoomItem('Phóng to', 'in', 'CmdOrCtrl+='),
        zoomItem('Thu nhỏ', 'out', 'CmdOrCtrl+-'),
        zoomItem('Cỡ thật', 'reset', 'CmdOrCtrl+0'),
        { type: 'separator' },
        { label: 'Toàn màn hình', role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Trợ giúp',
      submenu: [{ label: `Phiên bản ${app.getVersion()}`, enabled: false }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
