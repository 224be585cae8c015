import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { PAGE_BEFORE_CLOSE_SCRIPT, createQuitSequence } from '../../../src/main/quit-sequence';

/** A fake core whose call queue is released by the test. */
function fakeWorld(options: { pageAnswers?: (boolean | Error)[]; coreFails?: boolean } = {}) {
  const events: string[] = [];
  let release!: () => void;
  const queue = new Promise<void>((r) => (release = r));
  const answers = [...(options.pageAnswers ?? [true])];
  const quit = createQuitSequence({
    async pageReadyToClose() {
      events.push('page');
      const a = answers.shift() ?? true;
      if (a instanceof Error) throw a;
      return a;
    },
    async shutdownCore() {
      events.push('core:wait');
      await queue;
      if (options.coreFails) throw new Error('disk gone');
      events.push('core:closed');
    },
    exit: (code) => events.push(`exit:${code}`),
    log: (scope) => events.push(`log:${scope}`),
  });
  return { events, release, quit };
}

describe('quit sequence', () => {
  it('exits only after the queued calls finished and the database closed', async () => {
    const w = fakeWorld();
    const done = w.quit.request();
    await new Promise((r) => setTimeout(r, 10));
    expect(w.events).toEqual(['page', 'core:wait']);
    expect(w.quit.running).toBe(true);
    w.release();
    await done;
    expect(w.events).toEqual(['page', 'core:wait', 'core:closed', 'exit:0']);
  });

  it('joins a second request (Alt+F4 then the ×) instead of running twice', async () => {
    const w = fakeWorld();
    const a = w.quit.request();
    const b = w.quit.request();
    expect(b).toBe(a);
    w.release();
    await Promise.all([a, b]);
    expect(w.events.filter((e) => e.startsWith('exit'))).toEqual(['exit:0']);
  });

  it('stays open when the page asks to, and quits on the next request', async () => {
    const w = fakeWorld({ pageAnswers: [false, true] });
    await w.quit.request();
    expect(w.events).toEqual(['page']);
    expect(w.quit.running).toBe(false);
    w.release();
    await w.quit.request();
    expect(w.events).toEqual(['page', 'page', 'core:wait', 'core:closed', 'exit:0']);
  });

  it('still closes the database when the page has crashed, and exits 1 when closing fails', async () => {
    const crashed = fakeWorld({ pageAnswers: [new Error('render process gone')] });
    crashed.release();
    await crashed.quit.request();
    expect(crashed.events).toEqual(['page', 'log:quit:page', 'core:wait', 'core:closed', 'exit:0']);
    const failing = fakeWorld({ coreFails: true });
    failing.release();
    await failing.quit.request();
    expect(failing.events).toEqual(['page', 'core:wait', 'log:quit:core', 'exit:1']);
  });
});

describe('what the quit sequence runs in the page', () => {
  function page(hook?: () => Promise<unknown>) {
    const fired: string[] = [];
    const window = {
      tdktBeforeClose: hook,
      dispatchEvent: (e: { type: string; cancelable: boolean }) => fired.push(`${e.type}:${e.cancelable}`),
    };
    class Event {
      constructor(
        public type: string,
        init: { cancelable?: boolean } = {},
        public cancelable = !!init.cancelable,
      ) {}
    }
    return { fired, run: () => runInNewContext(PAGE_BEFORE_CLOSE_SCRIPT, { window, Event }) as Promise<boolean> };
  }

  it('fires beforeunload so the page’s handlers start their pending saves', async () => {
    const p = page();
    expect(await p.run()).toBe(true);
    expect(p.fired).toEqual(['beforeunload:true']);
  });

  it('uses the page’s own hook when it has one, and stays open when it answers false', async () => {
    const stay = page(async () => false);
    expect(await stay.run()).toBe(false);
    expect(stay.fired).toEqual([]);
    expect(await page(async () => undefined).run()).toBe(true);
  });
});
