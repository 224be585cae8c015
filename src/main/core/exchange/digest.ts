import * as crypto from 'node:crypto';

type OneShot = (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string;
/** crypto.hash (Node ≥ 20.12) skips the Hash object: imports hash 50,000 small records; older runtimes fall back. */
const oneShot: OneShot | undefined = typeof crypto.hash === 'function' ? crypto.hash : undefined;

export const sha256Hex = (data: string | Uint8Array): string => (oneShot ? oneShot('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex'));
