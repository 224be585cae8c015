import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOnce } from '../../src/main/core/spreadsheets/kept-previews';
import { startCore, type TestCore } from '../helpers/core';
import { PEOPLE_HEADER, seedRegistrationWorld, sheetOf } from '../helpers/registrations';

let core: TestCore;
let w: Awaited<ReturnType<typeof seedRegistrationWorld>>;
beforeEach(async () => {
  core = await startCore();
  w = await seedRegistrationWorld(core);
});
afterEach(() => core.cleanup());

const scope = () => ({ movementId: w.movement.id, phaseId: w.phase1 });
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng'];

/** 130 people in Ba Bể; every 9th row has no title (a problem). */
function rows(family: string): (string | number)[][] {
  return Array.from({ length: 130 }, (_, i) => [i + 1, 'BABE', `${family} Văn ${GIVEN[i % 10]} ${String.fromCharCode(65 + Math.floor(i / 10))}`, 1970 + (i % 30), '', i % 9 === 4 ? '' : 'Lao động tiên tiến']);
}

describe('a sheet preview keeps its rows in the core', () => {
  it('sends a summary and the first page; the rest comes a page at a time, or only the rows with a problem', async () => {
    const file = await sheetOf(PEOPLE_HEADER, rows('Nông'));
    const p = await core.call('registrations.previewImport', { ...scope(), kind: 'individuals', file });
    expect(p.rowCount).toBe(130);
    expect(p.rows).toHaveLength(50);
    expect(p.rows[0].row).toBe(2);
    const bad = rows('Nông').filter((r) => r[5] === '').length;
    expect(p.errorCount).toBe(bad);
    expect(p.counts).toMatchObject({ new: 130 - bad, error: bad });

    const last = await core.call('registrations.previewRows', { previewId: p.previewId, limit: 50, offset: 100 });
    expect(last.total).toBe(130);
    expect(last.items.map((r) => r.row)).toEqual(Array.from({ length: 30 }, (_, i) => 102 + i));
    const errors = await core.call('registrations.previewRows', { previewId: p.previewId, onlyErrors: true, limit: 500 });
    expect(errors.total).toBe(bad);
    expect(errors.items.every((r) => r.action === 'error' && r.errors[0] === 'thiếu danh hiệu đăng ký.')).toBe(true);

    const gone = await core.app.dispatch('registrations.previewRows', { previewId: crypto.randomUUID() });
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.error.message).toMatch(/Bản xem trước không còn.*chọn lại tệp/);
  });

  it('imports what the file it is given says: the same bytes reuse the read, other bytes are read again', async () => {
    const fix = (list: (string | number)[][]) => list.map((r) => (r[5] === '' ? [...r.slice(0, 5), 'Lao động tiên tiến'] : r));
    const first = await sheetOf(PEOPLE_HEADER, fix(rows('Nông')));
    const p = await core.call('registrations.previewImport', { ...scope(), kind: 'individuals', file: first });
    expect(p.errorCount).toBe(0);
    // The clerk previewed one file, then the file changed on disk (same name) before "Nhập".
    const changed = await sheetOf(PEOPLE_HEADER, fix(rows('Triệu')).slice(0, 7));
    const r = await core.call('registrations.import', { ...scope(), kind: 'individuals', file: changed, mapping: p.mapping });
    expect(r).toMatchObject({ created: 7, peopleCreated: 7 });
    const names = core.app.store.sqlite.prepare('SELECT full_name FROM people WHERE deleted_at IS NULL').pluck().all() as string[];
    expect(names.filter((n) => n.startsWith('Triệu'))).toHaveLength(7);
    expect(names.some((n) => n.startsWith('Nông'))).toBe(false);
  });
});

describe('readOnce', () => {
  it('reads a content once, and again when one byte differs or another sheet is asked for', async () => {
    let reads = 0;
    const read = async () => ({ n: ++reads });
    const a = Uint8Array.from([1, 2, 3, 4]);
    expect(await readOnce(a, undefined, read)).toEqual({ n: 1 });
    expect(await readOnce(Uint8Array.from(a), undefined, read)).toEqual({ n: 1 });
    expect(await readOnce(Uint8Array.from([1, 2, 3, 5]), undefined, read)).toEqual({ n: 2 });
    expect(await readOnce(Uint8Array.from([1, 2, 3, 5]), 'Trang 2', read)).toEqual({ n: 3 });
    expect(await readOnce(a, undefined, read)).toEqual({ n: 4 });
  });
});
