import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from '../../src/main/core/context';
import { openStore, type Store } from '../../src/main/core/db/open';
import { handlers } from '../../src/main/core/handlers';
import { mutator, ownTransactionMutator, stagedMutator, writeAreasOf } from '../../src/main/core/registry';
import { contract, type AppEvents, type CallName } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import { tempDir } from '../helpers/core';

/**
 * The last segment of a call that only reads (or writes a file the clerk chose, not the database).
 * A new call is a write unless its verb is here, so a write that skips the wrapper fails this test.
 */
const READ_VERB = /^(list\w*|get\w*|search|tree|info|catalogue|money|check\w*|history|statistics|export\w*|preview\w*|tracker|works|personHistory|figures|byPhase|summary|open|showInFolder|print|printJobs|anniversaries|templates|years|options)$/;
/** backup.create copies the database file; nothing in it changes. exchange.exportKey/exportSecretKey write the clerk's file. */
const FILE_ONLY = new Set<CallName>(['backup.create']);
/** Exchange reads whose verb is not a read verb. */
const EXCHANGE_READS = new Set<CallName>(['exchange.ownKey', 'exchange.inspectKey', 'exchange.partners', 'exchange.ownership', 'exchange.kinds', 'exchange.journal']);
/** Writes named like reads: an export records what was sent to whom; a preview is stored for the dashboard. */
const BOOKKEEPING_WRITES = new Set<CallName>(['exchange.export', 'exchange.preview']);

describe('every write handler goes through the one wrapper', () => {
  const names = Object.keys(contract) as CallName[];

  it('declares each write call with its data areas, and no read call', () => {
    const misdeclared: string[] = [];
    for (const name of names) {
      const verb = name.split('.').at(-1)!;
      const isRead = !BOOKKEEPING_WRITES.has(name) && (READ_VERB.test(verb) || FILE_ONLY.has(name) || EXCHANGE_READS.has(name));
      const areas = writeAreasOf(handlers[name]);
      if (isRead && areas) misdeclared.push(`${name}: a read declared as a write`);
      if (!isRead && !areas) misdeclared.push(`${name}: a write not declared through mutator`);
    }
    expect(misdeclared).toEqual([]);
    expect(writeAreasOf(handlers['plans.issue'])).toEqual(['plans', 'register']);
    expect(writeAreasOf(handlers['registrations.import'])).toEqual(['registrations', 'people']);
    expect(writeAreasOf(handlers['plans.save'])).toEqual([]);
    expect(writeAreasOf(handlers['exchange.apply'])).toEqual(['all']);
    expect(writeAreasOf(handlers['exchange.undo'])).toEqual(['all']);
    expect(writeAreasOf(handlers['exchange.rotateKey'])).toEqual(['exchange']);
  });

  it('no handler, service or exchange module emits data.changed by hand (only the wrappers in the registry do)', () => {
    const root = join(__dirname, '../../src/main/core');
    const offenders: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('registry.ts') && /emit\(\s*['"]data\.changed/.test(readFileSync(p, 'utf8'))) offenders.push(p.slice(root.length + 1));
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});

describe('mutator and stagedMutator', () => {
  let dir: string;
  let store: Store;
  let events: AppEvents['data.changed'][];
  let ctx: Ctx;

  beforeEach(async () => {
    dir = tempDir();
    store = await openStore(join(dir, 'db.sqlite'));
    events = [];
    ctx = {
      db: store.db,
      store,
      refusal: null,
      host: {} as Ctx['host'],
      dataDir: dir,
      backupsDir: join(dir, 'backups'),
      emit: (_event, payload) => void events.push(payload as AppEvents['data.changed']),
      reopen: async () => undefined,
    };
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const meta = () => store.sqlite.prepare("SELECT key, value FROM app_meta WHERE key LIKE 'test.%' ORDER BY key").all();

  it('commits kysely and raw writes together, then emits each area once', async () => {
    const handler = mutator<'app.info'>(['plans', 'register'], async (_input, c) => {
      await c.db.insertInto('app_meta').values({ key: 'test.a', value: '1' }).execute();
      c.store.sqlite.prepare("INSERT INTO app_meta (key, value) VALUES ('test.b', '2')").run();
      expect(events).toEqual([]); // nothing is announced before the commit
      return { version: '', schemaVersion: 0, dataDir: '', transport: 'bridge' as const };
    });
    await handler({} as never, ctx);
    expect(meta()).toEqual([{ key: 'test.a', value: '1' }, { key: 'test.b', value: '2' }]);
    expect(events).toEqual([{ area: 'plans' }, { area: 'register' }]);
  });

  it('rolls back every write of a refused call and emits nothing', async () => {
    const handler = mutator<'app.info'>('plans', async (_input, c) => {
      await c.db.insertInto('app_meta').values({ key: 'test.a', value: '1' }).execute();
      c.store.sqlite.prepare("INSERT INTO app_meta (key, value) VALUES ('test.b', '2')").run();
      throw new AppError('VALIDATION', 'Không hợp lệ');
    });
    await expect(handler({} as never, ctx)).rejects.toThrow('Không hợp lệ');
    expect(meta()).toEqual([]);
    expect(events).toEqual([]);
  });

  it('runs prepare outside the transaction and hands its result to the write; a refusal in prepare writes nothing', async () => {
    const seen: boolean[] = [];
    const handler = stagedMutator<'app.info', string>(
      'settings',
      (_input, c) => {
        seen.push(c.store.sqlite.inTransaction);
        return 'chuẩn bị';
      },
      async (prepared, _input, c) => {
        seen.push(c.store.sqlite.inTransaction);
        await c.db.insertInto('app_meta').values({ key: 'test.p', value: prepared }).execute();
        return { version: '', schemaVersion: 0, dataDir: '', transport: 'bridge' as const };
      },
    );
    await handler({} as never, ctx);
    expect(seen).toEqual([false, true]);
    expect(meta()).toEqual([{ key: 'test.p', value: 'chuẩn bị' }]);
    expect(events).toEqual([{ area: 'settings' }]);

    const refused = stagedMutator<'app.info', string>(
      'settings',
      () => {
        throw new AppError('BAD_FILE', 'Tệp hỏng');
      },
      async () => {
        throw new Error('never reached');
      },
    );
    await expect(refused({} as never, ctx)).rejects.toThrow('Tệp hỏng');
    expect(meta()).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('ownTransactionMutator: the handler owns its transaction; areas are emitted after it returned, never for a refusal or inside a transaction', async () => {
    const seen: boolean[] = [];
    const handler = ownTransactionMutator<'app.info'>(['exchange', 'all'], (_input, c) => {
      seen.push(c.store.sqlite.inTransaction);
      // As exchange/transaction.ts: a raw transaction of its own, with deferred foreign keys.
      c.store.sqlite.transaction(() => {
        c.store.sqlite.pragma('defer_foreign_keys = ON');
        c.store.sqlite.prepare("INSERT INTO app_meta (key, value) VALUES ('test.own', '1')").run();
      })();
      expect(events).toEqual([]);
      return { version: '', schemaVersion: 0, dataDir: '', transport: 'bridge' as const };
    });
    await handler({} as never, ctx);
    expect(seen).toEqual([false]);
    expect(meta()).toEqual([{ key: 'test.own', value: '1' }]);
    expect(events).toEqual([{ area: 'exchange' }, { area: 'all' }]);
    expect(writeAreasOf(handler)).toEqual(['exchange', 'all']);

    const refused = ownTransactionMutator<'app.info'>('exchange', () => {
      throw new AppError('CONFLICT', 'Hãy xem trước lại');
    });
    await expect(refused({} as never, ctx)).rejects.toThrow('Hãy xem trước lại');
    expect(events).toHaveLength(2);

    // Called inside a kysely transaction (nested by mistake): refused before it runs, nothing emitted.
    let ran = false;
    const nested = ownTransactionMutator<'app.info'>('exchange', () => {
      ran = true;
      return { version: '', schemaVersion: 0, dataDir: '', transport: 'bridge' as const };
    });
    const outer = mutator<'app.info'>('plans', (input, c) => nested(input, c));
    await expect(outer({} as never, ctx)).rejects.toThrow(/own its transaction/);
    expect(ran).toBe(false);
    expect(events).toHaveLength(2);
  });
});
