import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text worth compressing; images and fonts are already compressed. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json)|image\/svg)/;
/** Below this, headers cost more than compression saves. */
const MIN_BYTES = 1024;

type Encoding = 'br' | 'gzip' | null;

export function acceptedEncoding(req: IncomingMessage): Encoding {
  const accept = String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return null;
}

// Built files do not change while the bridge runs (except on a rebuild): compress each once, keyed by mtime.
const cache = new Map<string, { mtime: number; raw: Buffer; br?: Buffer; gzip?: Buffer }>();

/** Sends a built renderer file, brotli-compressed (quality 6: fast enough for the first request, once per file) or gzipped when the browser accepts it. */
export function sendStaticFile(req: IncomingMessage, res: ServerResponse, file: string, type: string): void {
  const mtime = statSync(file).mtimeMs;
  let c = cache.get(file);
  if (!c || c.mtime !== mtime) {
    c = { mtime, raw: readFileSync(file) };
    cache.set(file, c);
  }
  const enc = COMPRESSIBLE.test(type) && c.raw.length >= MIN_BYTES ? acceptedEncoding(req) : null;
  let body = c.raw;
  if (enc === 'br') body = c.br ??= brotliCompressSync(c.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: c.raw.length } });
  if (enc === 'gzip') body = c.gzip ??= gzipSync(c.raw, { level: 9 });
  res.writeHead(200, {
    'content-type': type,
    'content-length': body.length,
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
    ...(enc ? { 'content-encoding': enc } : {}),
  });
  res.end(body);
}

/** Sends a call's JSON answer; large ones (a document preview, a 2,000-row list) gzipped fast (level 1: a call is made once). */
export function sendJson(req: IncomingMessage, res: ServerResponse, json: string): void {
  const raw = Buffer.from(json, 'utf8');
  const enc = raw.length >= 16 * 1024 && acceptedEncoding(req) ? 'gzip' : null;
  const body = enc ? gzipSync(raw, { level: 1 }) : raw;
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': body.length,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    vary: 'accept-encoding',
    ...(enc ? { 'content-encoding': enc } : {}),
  });
  res.end(body);
}
