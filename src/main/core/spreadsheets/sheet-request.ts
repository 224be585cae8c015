/** What every sheet import gets from its contract input: the file's bytes and how the clerk read it. */
export interface SheetRequest {
  bytes: Uint8Array;
  fileName: string;
  sheet?: string;
  headerRow?: number;
  mapping?: Record<string, string>;
  /** sheet row → an existing person's id or 'new' (personChoices in the shared schema) */
  personChoices?: Record<string, string>;
}

/** The contract's sheet input (the file as base64) turned into a SheetRequest. */
export function sheetRequest(input: { file: { fileName: string; dataBase64: string }; sheet?: string; headerRow?: number; mapping?: Record<string, string>; personChoices?: Record<string, string> }): SheetRequest {
  return { bytes: Buffer.from(input.file.dataBase64, 'base64'), fileName: input.file.fileName, sheet: input.sheet, headerRow: input.headerRow, mapping: input.mapping, personChoices: input.personChoices };
}
