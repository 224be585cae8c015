/** What the core needs from its surroundings; Electron and the bridge each implement it. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * Seals this office's private signing key at rest. Electron: safeStorage (DPAPI, Keychain, libsecret); the
 * bridge and tests: unchanged bytes in a file only the user can read (exchange/key-store.ts).
 */
export interface KeyVault {
  readonly kind: string;
  seal(plain: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

export interface Host {
  transport: 'electron' | 'bridge';
  appVersion: string;
  /** Protects the office's private key file in the data folder. */
  keyVault: KeyVault;
  /** Asks where to save; null when the clerk cancels. The core writes the bytes. */
  chooseSavePath(suggestedName: string, filters: FileFilter[]): Promise<string | null>;
  /** Opens a file with its default program (Word for .docx); resolves with an error text, '' when it opened. */
  openPath(path: string): Promise<string>;
  /** Shows the file selected in the system file manager. */
  showInFolder(path: string): Promise<void>;
  /** Prints the app window through the system print dialog; false when the clerk cancelled. */
  printWindow(): Promise<boolean>;
}
