import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeHost, type BridgeHost } from '../../src/bridge/host-bridge';
import { createApp, type CoreApp } from '../../src/main/core/app';
import { BAC_KAN_OFFICE, tempDir } from '../helpers/core';

let app: CoreApp | null = null;
let dir = '';
afterEach(async () => {
  await app?.close();
  app = null;
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<{ app: CoreApp; host: BridgeHost; call: (name: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> }> {
  dir = tempDir();
  const host = bridgeHost(join(dir, 'exports'), 'test');
  app = await createApp(dir, host);
  const a = app;
  return { app: a, host, call: (name, input) => a.dispatch(name, input) as never };
}

describe('files.open / files.showInFolder / files.print', () => {
  it('hands only files this app exported to the desktop, and records the request', async () => {
    const { host, call } = await start();
    await call('office.setup', BAC_KAN_OFFICE);
    const exported = (await call('organizations.exportXlsx', {})).value as { path: string };
    expect(exported.path).toMatch(/\.xlsx$/);

    expect(await call('files.open', { path: exported.path })).toEqual({ ok: true, value: { path: exported.path } });
    expect(await call('files.showInFolder', { path: exported.path })).toEqual({ ok: true, value: { path: exported.path } });
    expect(host.requests.map((r) => [r.action, r.path])).toEqual([
      ['openPath', exported.path],
      ['showInFolder', exported.path],
    ]);

    // A file the app did not write, even in the same folder, is refused with a clear message.
    const foreign = join(dir, 'exports', 'khac.docx');
    writeFileSync(foreign, 'x');
    const refused = await call('files.open', { path: foreign });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Chỉ mở được tệp do phần mềm này xuất ra. Tệp này không có trong danh sách tệp đã xuất.' } });
    expect(await call('files.showInFolder', { path: join(dir, 'tdkt.sqlite') })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // An exported file deleted since: said so, nothing opened.
    rmSync(exported.path);
    expect(await call('files.open', { path: exported.path })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('Không tìm thấy tệp') } });
    expect(await call('files.open', { path: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('Đường dẫn tệp: thiếu') } });
    expect(host.requests).toHaveLength(2);

    expect(await call('files.print', {})).toEqual({ ok: true, value: { printed: true } });
    expect(host.requests[2].action).toBe('printWindow');
  });

  it('remembers exported files across a restart (kept in the database)', async () => {
    const first = await start();
    await first.call('office.setup', BAC_KAN_OFFICE);
    const { path } = (await first.call('organizations.exportXlsx', {})).value as { path: string };
    await first.app.close();
    const host = bridgeHost(join(dir, 'exports'), 'test');
    app = await createApp(dir, host);
    expect(await app.dispatch('files.open', { path })).toEqual({ ok: true, value: { path } });
    expect(host.requests).toEqual([expect.objectContaining({ action: 'openPath', path })]);
  });
});
