import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPackageInbox, type InboxWindow } from '../../../src/main/open-package';

const dir = mkdtempSync(join(tmpdir(), 'tdkt-inbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A window whose page is loading or loaded, recording what is sent to it. */
function fakeWindow() {
  const sent: { fileName: string; dataBase64: string }[] = [];
  const state = { loading: true };
  const win = {
    isDestroyed: () => false,
    webContents: { isLoading: () => state.loading, send: (_channel: string, _name: string, payload: { fileName: string; dataBase64: string }) => sent.push(payload) },
  } as unknown as InboxWindow;
  return { win, sent, state };
}

describe('double-clicked package inbox', () => {
  it('keeps a package that arrives while the page (re)loads and sends it once loaded', async () => {
    const file = join(dir, 'Gói tháng 7.tdkt');
    writeFileSync(file, 'PK-bytes');
    const inbox = createPackageInbox(() => undefined);
    const w = fakeWindow();
    await inbox.offer(w.win, file);
    await inbox.offer(null, null);
    expect(w.sent).toEqual([]);
    w.state.loading = false;
    await inbox.flush(w.win);
    expect(w.sent).toEqual([{ fileName: 'Gói tháng 7.tdkt', dataBase64: Buffer.from('PK-bytes').toString('base64') }]);
    await inbox.flush(w.win); // sent once, not at every later load
    expect(w.sent).toHaveLength(1);
  });

  it('tells the clerk instead of sending a folder or a missing file', async () => {
    const warnings: string[] = [];
    const inbox = createPackageInbox((m) => warnings.push(m));
    const w = fakeWindow();
    w.state.loading = false;
    await inbox.offer(w.win, dir);
    await inbox.offer(w.win, join(dir, 'khong-co.tdkt'));
    expect(w.sent).toEqual([]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/không phải là tệp gói dữ liệu/);
  });
});
