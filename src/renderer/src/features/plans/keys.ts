/** Keys for list items the clerk can add, move and delete (React needs stable ones). */
let n = 0;
export function newKey(): string {
  n += 1;
  return `k${Date.now().toString(36)}${n.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Base64 → bytes, for the generated .docx. */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
