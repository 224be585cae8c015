import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type CoreApp } from '../../src/main/core/app';
import type { CallInput, CallName, CallOutput } from '../../src/shared/contract';
import type { ErrorInfo } from '../../src/shared/errors';
import { bridgeHost } from '../../src/bridge/host-bridge';

export interface TestCore {
  app: CoreApp;
  dir: string;
  exportDir: string;
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  fail(name: CallName, input: unknown): Promise<ErrorInfo>;
  cleanup(): Promise<void>;
}

export function tempDir(prefix = 'tdkt-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real core over a temp data folder; results pass structuredClone as they would over IPC. */
export async function startCore(dir = tempDir()): Promise<TestCore> {
  const exportDir = join(dir, 'exports');
  const app = await createApp(dir, bridgeHost(exportDir, 'test'));
  return {
    app,
    dir,
    exportDir,
    async call(name, input) {
      const result = structuredClone(await app.dispatch(name, structuredClone(input)));
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message} ${(result.error.details ?? []).join(' | ')}`);
      return result.value as never;
    },
    async fail(name, input) {
      const result = await app.dispatch(name, input);
      if (result.ok) throw new Error(`${name} should have failed`);
      return result.error;
    },
    async cleanup() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const BAC_KAN_OFFICE = {
  level: 'province' as const,
  name: 'Liên đoàn Lao động tỉnh Bắc Kạn',
  shortName: 'LĐLĐ tỉnh Bắc Kạn',
  abbreviation: 'LĐLĐ',
  placeName: 'Bắc Kạn',
  parentLine: 'TỔNG LĐLĐ VIỆT NAM',
  signerAuthority: 'TM. BAN THƯỜNG VỤ',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Vi Văn Nghĩa',
};
