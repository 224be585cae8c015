import { existsSync, mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Host } from '../main/core/host';

/** Browser/test host: "save" dialogs write into one export folder (tests read files from it). */
export function bridgeHost(exportDir: string, appVersion: string): Host {
  return {
    transport: 'bridge',
    appVersion,
    async chooseSavePath(suggestedName) {
      mkdirSync(exportDir, { recursive: true });
      const safe = basename(suggestedName).replace(/[^\p{L}\p{N}._ -]/gu, '_');
      const ext = extname(safe);
      const stem = safe.slice(0, safe.length - ext.length);
      let path = join(exportDir, safe);
      for (let i = 2; existsSync(path); i++) path = join(exportDir, `${stem} (${i})${ext}`);
      return path;
    },
  };
}
