import { existsSync, mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileOnlyVault } from '../main/core/exchange/key-store';
import type { Host } from '../main/core/host';

/** A desktop request the bridge cannot carry out (no shell, no printer): recorded so tests can assert it. */
export interface HostRequest {
  action: 'openPath' | 'showInFolder' | 'printWindow';
  path?: string;
  at: string;
}

export interface BridgeHost extends Host {
  readonly requests: HostRequest[];
}

/** Browser/test host: "save" dialogs write into one export folder (tests read files from it). */
export function bridgeHost(exportDir: string, appVersion: string): BridgeHost {
  const requests: HostRequest[] = [];
  const record = (action: HostRequest['action'], path?: string) => requests.push({ action, ...(path ? { path } : {}), at: new Date().toISOString() });
  return {
    transport: 'bridge',
    appVersion,
    keyVault: fileOnlyVault,
    requests,
    async chooseSavePath(suggestedName) {
      mkdirSync(exportDir, { recursive: true });
      const safe = basename(suggestedName).replace(/[^\p{L}\p{N}._ -]/gu, '_');
      const ext = extname(safe);
      const stem = safe.slice(0, safe.length - ext.length);
      let path = join(exportDir, safe);
      for (let i = 2; existsSync(path); i++) path = join(exportDir, `${stem} (${i})${ext}`);
      return path;
    },
    async openPath(path) {
      record('openPath', path);
      return '';
    },
    async showInFolder(path) {
      record('showInFolder', path);
    },
    async printWindow() {
      record('printWindow');
      return true;
    },
  };
}
