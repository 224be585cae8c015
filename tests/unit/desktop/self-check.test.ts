import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runSelfCheck, selfCheckTarget } from '../../../src/main/self-check';

const dir = mkdtempSync(join(tmpdir(), 'tdkt-selfcheck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('packaged-binary self-check', () => {
  it('reads its report path from argv', () => {
    expect(selfCheckTarget(['app.exe', '--tdkt-self-check=C:\\Temp\\báo cáo.json'])).toBe('C:\\Temp\\báo cáo.json');
    expect(selfCheckTarget(['app.exe', 'goi.tdkt'])).toBeNull();
  });

  it('opens a real database file with the driver it is given and reports the SQLite version and ABI', () => {
    const file = join(dir, 'ok.json');
    const report = runSelfCheck(file, () => Database as never);
    expect(report).toMatchObject({ ok: true, modulesAbi: process.versions.modules });
    expect(report.sqliteVersion).toMatch(/^3\.\d+\.\d+$/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(report);
  });

  it('reports a driver that fails to load (a wrong build) instead of throwing', () => {
    const file = join(dir, 'bad.json');
    const report = runSelfCheck(file, () => {
      throw new Error('The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115');
    });
    expect(report.ok).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8')).error).toMatch(/NODE_MODULE_VERSION 115/);
  });
});
