import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createApp, type CoreApp } from '../main/core/app';
import { BRIDGE_CLIENT_JS } from './client-script';
import { sendJson, sendStaticFile } from './compress';
import { bridgeHost } from './host-bridge';

/**
 * Loopback transport over the same handler registry the Electron IPC uses: serves the built
 * renderer and POST /rpc/<name> on 127.0.0.1 only. A random per-run token (exchanged once for an
 * HttpOnly SameSite cookie) plus Host/Origin checks keep other pages and DNS rebinding out.
 */
export interface BridgeOptions {
  dataDir: string;
  rendererDir: string;
  exportDir: string;
  port?: number;
  appVersion?: string;
}

export interface Bridge {
  /** Base URL without the token. */
  origin: string;
  /** Open this in the browser: it carries the token. */
  url: string;
  token: string;
  app: CoreApp;
  close(): Promise<void>;
}

const COOKIE = 'tdkt_token';
const MAX_BODY = 32 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

function sameToken(a: string | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
}

/** decodeURIComponent that answers null instead of throwing on a malformed %-escape. */
function decodePath(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

const BAD_URL = 'Địa chỉ yêu cầu không hợp lệ.';

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const app = await createApp(options.dataDir, bridgeHost(options.exportDir, options.appVersion ?? '0.0.0-bridge'));
  const token = randomBytes(24).toString('hex');
  const rendererDir = resolve(options.rendererDir);
  const indexPath = join(rendererDir, 'index.html');
  const sse = new Set<ServerResponse>();
  app.onEvent((event, payload) => {
    const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const res of sse) res.write(data);
  });
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  const server = createServer(async (req, res) => {
    try {
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://127.0.0.1');
      } catch {
        return send(res, 400, BAD_URL);
      }
      if (!allowedHosts().includes(req.headers.host ?? '')) return send(res, 421, 'Sai địa chỉ máy chủ.');
      // The one unauthenticated request: trade the token in the URL for a cookie.
      if (req.method === 'GET' && url.searchParams.has('t')) {
        if (!sameToken(url.searchParams.get('t') ?? '', token)) return send(res, 403, 'Mã truy cập không đúng.');
        res.writeHead(302, { 'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`, location: '/' });
        return res.end();
      }
      if (!sameToken(cookieToken(req), token)) {
        return send(res, 403, 'Hãy mở bằng đường dẫn có mã truy cập được in ra khi khởi động.');
      }
      if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
        const name = decodePath(url.pathname.slice('/rpc/'.length));
        if (name === null) return send(res, 400, JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: BAD_URL } }), 'application/json');
        const origin = req.headers.origin;
        if (!origin || !allowedHosts().map((h) => `http://${h}`).includes(origin)) return send(res, 403, 'Nguồn yêu cầu không hợp lệ.');
        const body = await readBody(req);
        if (body === null) return send(res, 413, JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'Dữ liệu gửi lên quá lớn.' } }), 'application/json');
        let payload: unknown;
        try {
          payload = body ? JSON.parse(body) : {};
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' } }), 'application/json');
        }
        const result = await app.dispatch(name, payload);
        return sendJson(req, res, JSON.stringify(result));
      }
      if (req.method === 'GET' && url.pathname === '/events') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': ok\n\n');
        sse.add(res);
        req.on('close', () => sse.delete(res));
        return;
      }
      if (req.method !== 'GET') return send(res, 405, 'Phương thức không được hỗ trợ.');
      if (url.pathname === '/favicon.ico') return send(res, 204, '');
      if (url.pathname === '/__bridge.js') return send(res, 200, BRIDGE_CLIENT_JS, TYPES['.js']);
      if (url.pathname === '/' || url.pathname === '/index.html') {
        const html = readFileSync(indexPath, 'utf8').replace('<head>', '<head>\n    <script src="/__bridge.js"></script>');
        return send(res, 200, html, TYPES['.html']);
      }
      const path = decodePath(url.pathname);
      if (path === null || path.includes('\0')) return send(res, 400, BAD_URL);
      const file = normalize(join(rendererDir, path));
      if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'Không tìm thấy.');
      return sendStaticFile(req, res, file, TYPES[extname(file)] ?? 'application/octet-stream');
    } catch (e) {
      console.error(e);
      if (!res.headersSent) send(res, 500, 'Lỗi máy chủ cục bộ.');
      else res.end();
    }
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/?t=${token}`,
    token,
    app,
    async close() {
      for (const res of sse) res.end();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await app.close();
    },
  };
}
