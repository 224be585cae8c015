import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from '../../src/main/core/spreadsheets/sheet-reader';
import { MAX_SHEET_ROWS } from '../../src/main/core/spreadsheets/workbook-limits';
import { startCore, tempDir, type TestCore } from '../helpers/core';
import { PEOPLE_HEADER, seedRegistrationWorld, sheetOf } from '../helpers/registrations';
import { bombXlsx, largeIndividualsSheet, zerosDeflated } from '../helpers/xlsx-fixtures';

let core: TestCore;
let world: Awaited<ReturnType<typeof seedRegistrationWorld>>;
beforeAll(async () => {
  core = await startCore();
  world = await seedRegistrationWorld(core);
});
afterAll(() => core.cleanup());

const preview = (file: { fileName: string; dataBase64: string }) =>
  core.app.dispatch('registrations.previewImport', { movementId: world.movement.id, phaseId: world.phase1, kind: 'individuals', file });

describe('.xlsx limits are checked before the spreadsheet library reads the file', () => {
  it('refuses a 1 MiB file that inflates to 1 GiB (honest header) with the package limits, unread', async () => {
    const bomb = zerosDeflated(1024);
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    const r = await preview(bombXlsx(bomb, 1024 * 1024 * 1024));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('BAD_FILE');
    expect(!r.ok && r.error.message).toMatch(/tệp Excel.*(quá lớn khi giải nén|bom nén)/);
  });

  it('refuses a bomb whose header lies about its size (zlib stops at the declared size)', async () => {
    const r = await preview(bombXlsx(zerosDeflated(64), 2000));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/tệp Excel bị hỏng \(kích thước không khớp\)|trong gói bị hỏng|tệp Excel/);
    expect(!r.ok && r.error.message).not.toMatch(/gói/);
  });

  it('refuses a file that is not a zip, and the directory import applies the same check', async () => {
    const r = await preview({ fileName: 'x.xlsx', dataBase64: Buffer.from('không phải excel').toString('base64') });
    expect(!r.ok && r.error.message).toMatch(/Không đọc được tệp Excel/);
    const d = await core.app.dispatch('organizations.importXlsx', bombXlsx(zerosDeflated(300), 300 * 1024 * 1024));
    expect(!d.ok && d.error.code).toBe('BAD_FILE');
  });

  it('states the row limit and refuses a sheet above it', async () => {
    const file = await sheetOf(PEOPLE_HEADER, Array.from({ length: 120 }, (_, i) => [i + 1, 'Liên đoàn Lao động huyện Ba Bể', `Người ${i}`, 1980, '', 'Lao động tiên tiến']));
    const err = await readSheet(Buffer.from(file.dataBase64, 'base64'), { maxRows: 100 }).catch((e) => e);
    expect(err.code).toBe('BAD_FILE');
    expect(err.message).toContain(`tối đa ${MAX_SHEET_ROWS.toLocaleString('vi-VN')} dòng`);
    expect(MAX_SHEET_ROWS).toBe(200_000);
  });
});

describe('a 200,000-row sheet', () => {
  const dir = tempDir('tdkt-xlsx-');
  let file: { fileName: string; dataBase64: string };
  beforeAll(async () => {
    file = { fileName: 'lon.xlsx', dataBase64: (await largeIndividualsSheet(join(dir, 'lon.xlsx'), 200_000)).toString('base64') };
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('previews with progress events while other calls are answered, then can be cancelled', async () => {
    const progress: number[] = [];
    const off = core.app.onEvent((event, payload) => {
      if (event === 'job.progress') progress.push((payload as { done: number }).done);
    });
    const t0 = performance.now();
    const running = preview(file);
    // The app stays responsive: a call made while the sheet is read is answered long before it ends.
    await new Promise((r) => setTimeout(r, 300));
    const t1 = performance.now();
    const office = await core.app.dispatch('office.get', {});
    const answeredMs = performance.now() - t1;
    const r = await running;
    const previewMs = performance.now() - t0;
    off();
    expect(office.ok).toBe(true);
    expect(r.ok, JSON.stringify(!r.ok && r.error)).toBe(true);
    const value = r.ok ? (r.value as { counts: Record<string, number>; errors: string[] }) : null;
    expect(value!.errors).toEqual([]);
    expect(value!.counts.new).toBe(200_000);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(answeredMs).toBeLessThan(previewMs / 2);
    console.log(`200,000-row preview: ${Math.round(previewMs)} ms; a call during it answered in ${Math.round(answeredMs)} ms; ${progress.length} progress events`);

    // Cancel: the second read stops at once with CANCELLED, nothing written.
    let cancelledAt = 0;
    const offCancel = core.app.onEvent((event) => {
      if (event === 'job.progress' && !cancelledAt) {
        cancelledAt = performance.now();
        void core.app.dispatch('app.cancelJob', { job: 'registrations.previewImport' });
      }
    });
    const second = await preview(file);
    offCancel();
    expect(second.ok).toBe(false);
    expect(!second.ok && second.error.code).toBe('CANCELLED');
    expect(performance.now() - cancelledAt).toBeLessThan(2000);
    expect(core.app.store.sqlite.prepare('SELECT count(*) FROM registration_individuals').pluck().get()).toBe(0);
  }, 180_000);
});
