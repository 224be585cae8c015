/**
 * Every way out (Thoát, Alt+F4, the window's ×, Windows logging off) goes through one sequence: let the
 * page finish its pending saves, let the core finish its queued calls and close the database, then exit.
 * A second request while it runs joins the first instead of starting again.
 */
export interface QuitSteps {
  /** Resolves when the page has no save in flight (false: the page asked to stay open). */
  pageReadyToClose(): Promise<boolean>;
  /** Waits for the call queue, closes the database, removes an unfinished backup. */
  shutdownCore(): Promise<void>;
  /** Ends the process for real (app.exit). */
  exit(code: number): void;
  log(scope: string, error: unknown): void;
}

export function createQuitSequence(steps: QuitSteps): { request(): Promise<void>; readonly running: boolean } {
  let current: Promise<void> | null = null;
  return {
    get running() {
      return current !== null;
    },
    request() {
      current ??= (async () => {
        let code = 0;
        try {
          if (!(await steps.pageReadyToClose())) {
            current = null;
            return;
          }
        } catch (e) {
          steps.log('quit:page', e); // a crashed page has nothing left to save
        }
        try {
          await steps.shutdownCore();
        } catch (e) {
          steps.log('quit:core', e);
          code = 1;
        }
        steps.exit(code);
      })();
      return current;
    },
  };
}

/**
 * Run in the page when quitting (the app exits without unloading it, so Chromium would not fire
 * beforeunload): the page's own hook when it has one (window.tdktBeforeClose: resolves when its saves have
 * settled, false to stay open), else a beforeunload event, whose handlers start their pending saves; those
 * calls join the core's queue, which the shutdown waits for.
 */
export const PAGE_BEFORE_CLOSE_SCRIPT = `(async () => {
  if (typeof window.tdktBeforeClose === 'function') return (await window.tdktBeforeClose()) !== false;
  window.dispatchEvent(new Event('beforeunload', { cancelable: true }));
  return true;
})()`;
