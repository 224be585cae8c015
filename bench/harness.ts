/** Tiny benchmark harness: warm up, time N runs, print median/p95 beside the target. */
export interface Stats {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

export async function measure(fn: () => unknown | Promise<unknown>, runs = 20, warmup = 2): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { runs, medianMs: at(0.5), p95Ms: at(0.95), minMs: times[0] };
}

/** Stats of times measured by hand (runs that cannot repeat one function). */
export function statsOf(times: number[]): Stats {
  const t = times.slice().sort((a, b) => a - b);
  return { runs: t.length, medianMs: t[Math.floor(t.length / 2)], p95Ms: t[Math.min(t.length - 1, Math.floor(0.95 * t.length))], minMs: t[0] };
}

export const results: string[] = [];

/** Prints one line: name, median, p95, target and whether the target holds. */
export function report(name: string, stats: Stats, targetMs?: number, extra = ''): string {
  const verdict = targetMs === undefined ? '' : stats.medianMs < targetMs ? `  ĐẠT (< ${targetMs} ms)` : `  CHƯA ĐẠT (mục tiêu < ${targetMs} ms)`;
  const line = `BENCH ${name}: median ${stats.medianMs.toFixed(2)} ms, p95 ${stats.p95Ms.toFixed(2)} ms, min ${stats.minMs.toFixed(2)} ms over ${stats.runs} runs${verdict}${extra ? `  ${extra}` : ''}`;
  console.log(line);
  results.push(line);
  return line;
}
