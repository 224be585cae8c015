/**
 * Long jobs (reading a large sheet): one running job per name, its progress pushed as `job.progress`
 * events (at most once per percent) and a cancel that aborts it. `jobs.cancel` runs outside the call
 * queue, so it reaches a job that is still running.
 */
import type { AppEvents, EventName } from '../../shared/contract';

export interface Job {
  readonly signal: AbortSignal;
  /** fraction 0..1 of the whole job */
  progress(fraction: number, label: string): void;
}

export class Jobs {
  private running = new Map<string, AbortController>();

  constructor(private emit: <E extends EventName>(event: E, payload: AppEvents[E]) => void) {}

  async run<T>(name: string, body: (job: Job) => Promise<T>): Promise<T> {
    this.running.get(name)?.abort();
    const controller = new AbortController();
    this.running.set(name, controller);
    let last = -1;
    const job: Job = {
      signal: controller.signal,
      progress: (fraction, label) => {
        const done = Math.max(0, Math.min(100, Math.floor(fraction * 100)));
        if (done === last) return;
        last = done;
        this.emit('job.progress', { job: name, done, total: 100, label });
      },
    };
    try {
      return await body(job);
    } finally {
      if (this.running.get(name) === controller) this.running.delete(name);
    }
  }

  cancel(name: string): boolean {
    const controller = this.running.get(name);
    if (!controller) return false;
    controller.abort();
    this.running.delete(name);
    return true;
  }
}
