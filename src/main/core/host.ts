/** What the core needs from its surroundings; Electron and the bridge each implement it. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Host {
  transport: 'electron' | 'bridge';
  appVersion: string;
  /** Asks where to save; null when the clerk cancels. The core writes the bytes. */
  chooseSavePath(suggestedName: string, filters: FileFilter[]): Promise<string | null>;
}
