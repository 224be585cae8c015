import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/main/core/log';
import { dispatch } from '../../src/main/core/registry';
import { handlers } from '../../src/main/core/handlers';
import type { Ctx } from '../../src/main/core/context';
import { startCore, tempDir, type TestCore } from '../helpers/core';

const dirs: string[] = [];
const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('log file', () => {
  it('appends lines and rotates by size, keeping N old files', () => {
    const dir = tempDir();
    dirs.push(dir);
    const log = createLogger(dir, { maxBytes: 200, keep: 2 });
    for (let i = 0; i < 20; i++) log.info(`dòng số ${i} ${'x'.repeat(40)}`);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['tdkt.1.log', 'tdkt.2.log', 'tdkt.log']);
    for (const f of files) expect(readFileSync(join(dir, f)).length).toBeLessThanOrEqual(200);
    // The newest line is in the current file, the ones before in .1 — nothing rewritten, only appended.
    expect(readFileSync(join(dir, 'tdkt.log'), 'utf8')).toContain('dòng số 19');
    expect(readFileSync(join(dir, 'tdkt.1.log'), 'utf8')).not.toContain('dòng số 19');
    log.error('thử', new Error('lỗi có\nhai dòng'));
    const last = readFileSync(join(dir, 'tdkt.log'), 'utf8');
    expect(last).toMatch(/ERROR \[thử\] Error: lỗi có\n {4}hai dòng/);
  });

  it('never throws, even when the folder cannot be written', () => {
    const dir = tempDir();
    dirs.push(dir);
    const log = createLogger(join(dir, 'tdkt.log', 'not-a-dir'));
    writeFileSync(join(dir, 'tdkt.log'), 'file in the way');
    expect(() => log.error('x', 'y')).not.toThrow();
  });

  it('the registry writes INTERNAL errors of a handler to the data folder log', async () => {
    const core = await startCore();
    cores.push(core);
    const dir = tempDir();
    dirs.push(dir);
    const log = createLogger(dir);
    const broken = { ...handlers, 'app.info': () => { throw new Error('hỏng bất ngờ'); } } as typeof handlers;
    const ctx = { log } as unknown as Ctx;
    const original = console.error;
    console.error = () => {};
    try {
      const r = await dispatch(broken, ctx, 'app.info', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn: hỏng bất ngờ' } });
    } finally {
      console.error = original;
    }
    expect(readFileSync(log.file, 'utf8')).toMatch(/ERROR \[app\.info\] Error: hỏng bất ngờ/);
    // Expected errors (validation, not found) are not logged.
    await dispatch(broken, ctx, 'reports.get', { id: 'x' });
    expect(readFileSync(log.file, 'utf8').match(/ERROR/g)).toHaveLength(1);
    // createApp puts the log in <data>/logs.
    expect(existsSync(join(core.dir, 'logs'))).toBe(false);
  });
});
