import { describe, expect, it } from 'vitest';
import { describeCrash, describeStartupError } from '../../../src/main/startup-error';
import { AppError } from '../../../src/shared/errors';

const LOG = 'C:\\Users\\A\\AppData\\Local\\Thi đua Khen thưởng\\logs\\tdkt.log';

describe('start-up failures shown to the clerk', () => {
  it('names a wrong native build as a broken installation, data untouched', () => {
    const e = new Error("The module '\\\\?\\C:\\app\\better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 140.");
    const m = describeStartupError(e, LOG);
    expect(m.title).toBe('Bản cài đặt bị hỏng');
    expect(m.message).toMatch(/cài lại phần mềm/);
    expect(m.message).toContain(LOG);
    expect(m.message).not.toMatch(/NODE_MODULE_VERSION/);
  });

  it('passes on the core’s own Vietnamese refusal', () => {
    const m = describeStartupError(new AppError('VALIDATION', 'Dữ liệu được tạo bởi phiên bản mới hơn (3); hãy cập nhật phần mềm.'), LOG);
    expect(m).toEqual({ title: 'Không mở được dữ liệu', message: `Dữ liệu được tạo bởi phiên bản mới hơn (3); hãy cập nhật phần mềm.\n\nChi tiết đã ghi vào ${LOG}.` });
  });

  it('says something Vietnamese for anything else, without the English text', () => {
    const m = describeStartupError(new Error('EPERM: operation not permitted, open'), null);
    expect(m.title).toBe('Không khởi động được');
    expect(m.message).not.toMatch(/EPERM|Chi tiết/);
    expect(describeCrash('render-gone', LOG).message).toContain(LOG);
    expect(describeCrash('unresponsive', null).message).toMatch(/Chờ/);
  });
});
