import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BAC_KAN_OFFICE, startCore, type TestCore } from '../helpers/core';

let core: TestCore;
beforeEach(async () => {
  core = await startCore();
  await core.call('office.setup', BAC_KAN_OFFICE);
});
afterEach(() => core.cleanup());

const count = () => (core.app.store.sqlite.prepare('SELECT count(*) n FROM register_entries').get() as { n: number }).n;

describe('register.preview: the number a clerk confirms before taking it', () => {
  it('names number, ký hiệu and year of the date, takes nothing, and matches what is then taken', async () => {
    await core.call('register.add', { kindAbbr: 'KH', date: '2019-03-02', subject: 'A', number: 30 });
    await core.call('register.add', { kindAbbr: 'QĐ', date: '2026-03-02', subject: 'B' });
    const p = await core.call('register.preview', { kindAbbr: 'KH', date: '2019-11-13', number: null });
    expect(p).toEqual({ year: 2019, number: 31, symbol: 'KH-LĐLĐ', numberText: '31/KH-LĐLĐ', date: '2019-11-13' });
    expect(count()).toBe(2);
    const taken = await core.call('register.add', { kindAbbr: 'KH', date: '2019-11-13', subject: 'C', number: p.number });
    expect(taken.numberText).toBe(p.numberText);
    // Another year has its own sequence.
    expect((await core.call('register.preview', { kindAbbr: 'QĐ', date: '2026-01-05', number: null })).numberText).toBe('02/QĐ-LĐLĐ');
  });

  it('refuses a chosen number already taken, naming the document that has it', async () => {
    await core.call('register.add', { kindAbbr: 'KH', date: '2019-03-02', subject: 'Kế hoạch A', number: 7 });
    const err = await core.fail('register.preview', { kindAbbr: 'BC', date: '2019-12-01', number: 7 });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('07/KH-LĐLĐ');
    expect((await core.call('register.preview', { kindAbbr: 'BC', date: '2019-12-01', number: 3 })).numberText).toBe('03/BC-LĐLĐ');
  });
});
