import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from '../../src/main/core/context';
import { openStore, type Store } from '../../src/main/core/db/open';
import { handlers } from '../../src/main/core/handlers';
import { mutator, stagedMutator, writeAreasOf } from '../../src/main/core/registry';
import { contract, type AppEvents, type CallName } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import { tempDir } from '../helpers/core';

/**
 * The last segment of a call that only reads (or writes a file the clerk chose, not the database).
 * A new call is a write unless its verb is here, so a write that skips the wrapper fails this test.
 */
const READ_VERB = /^(list\w*|get\w*|search|tree|info|catalogue|money|check\w*|history|statistics|export\w*|preview\w*|tracker|works|personHistory|figures|byPhase|summary|open|showInFolder|print|printJobs|anniversaries|templates|years|options|meetings)$/;
/** backup.create copies the database file; nothing in it changes. */
const FILE_ONLY = new Set<CallName>(['backup.create']);

describe('every write handler goes through the one wrapper', () => {
  const names = (Object.keys(contract) as CallName[]).filter((n) => !n.startsWith('exchange.'));

  it('declares each write call with its data areas, and no read call', () => {
    const misdeclared: string[] = [];
    for (const name of names) {
      const verb = name.split('.').at(-1)!;
      const isRead = READ_VERB.test(verb) || FILE_ONLY.has(name);
      const areas = writeAreasOf(handlers[name]);
      if (isRead && areas) misdeclared.push(`${name}: a read declared as a write`);
      if (!isRead && !areas) misdeclared.push(`${name}: a write not declared through mutator`);
    }
    expect(misdeclared).toEqual([]);
    expect(writeAreasOf(handlers['plans.issue'])).toEqual(['plans', 'register']);
    expect(writeAreasOf(handlers['registrations.import'])).toEqual(['registrations', 'people']);
    expect(writeAreasOf(handlers['plans.save'])).toEqual([]);
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
});
