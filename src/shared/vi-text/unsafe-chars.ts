/**
 * Characters that must never reach the database or a document. Control characters (C0 except tab and line
 * breaks, DEL, C1), bidi embeddings/overrides/isolates (U+202A–202E, U+2066–2069: "Trojan source" text that
 * prints in another order than it is stored) and lone surrogates are refused: they are never typed on
 * purpose, and silently dropping them would change what the clerk sees. Invisible format characters
 * (zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks) are stripped: Word and PDF paste
 * them into names, where they break search, sorting and duplicate detection without being visible.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const REFUSED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|\p{Cs}/u;
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;

/** The first refused character as "U+202E", or null when the text is clean. */
export function findRefusedChar(s: string): string | null {
  const m = REFUSED.exec(s);
  if (!m) return null;
  return `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Removes invisible format characters (see above); everything else is kept as is. */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}
