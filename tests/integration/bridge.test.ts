import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../src/bridge/server';
import { tempDir } from '../helpers/core';

let bridge: Bridge;
let port: number;
beforeAll(async () => {
  const dir = tempDir();
  bridge = await startBridge({ dataDir: dir, rendererDir: resolve(__dirname, '../fixtures/renderer'), exportDir: join(dir, 'exports') });
  port = Number(new URL(bridge.origin).port);
});
afterAll(() => bridge.close());

interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so Host and Origin can be forged the way a hostile page or DNS rebinding would. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Res> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (data += c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: data }));
    });
    req.on('error', fail);
    if (body) req.write(body);
    req.end();
  });
}

describe('loopback bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('trades the token for an HttpOnly SameSite cookie and then serves calls', async () => {
    const host = `127.0.0.1:${port}`;
    const wrong = await raw('GET', '/?t=sai', { host });
    expect(wrong.status).toBe(403);
    const login = await raw('GET', `/?t=${bridge.token}`, { host });
    expect(login.status).toBe(302);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await raw('GET', '/', { host, cookie: cookie.split(';')[0] });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="/__bridge.js"></script>');
    const call = await raw('POST', '/rpc/office.get', { host, cookie: cookie.split(';')[0], origin: `http://${host}`, 'content-type': 'application/json' }, '{}');
    expect(JSON.parse(call.body)).toEqual({ ok: true, value: null });
  });

  it('refuses calls without the cookie, from another origin or another Host', async () => {
    const host = `127.0.0.1:${port}`;
    const cookie = `tdkt_token=${bridge.token}`;
    expect((await raw('POST', '/rpc/office.get', { host, origin: `http://${host}` }, '{}')).status).toBe(403);
    expect((await raw('POST', '/rpc/office.get', { host, cookie, origin: 'http://evil.example' }, '{}')).status).toBe(403);
    expect((await raw('POST', '/rpc/office.get', { host, cookie }, '{}')).status).toBe(403);
    expect((await raw('POST', '/rpc/office.get', { host: `evil.example:${port}`, cookie, origin: `http://evil.example:${port}` }, '{}')).status).toBe(421);
    expect((await raw('GET', '/../../../etc/passwd', { host, cookie })).status).toBe(404);
  });

  it('answers bad JSON and bad payloads with Vietnamese errors', async () => {
    const host = `127.0.0.1:${port}`;
    const h = { host, cookie: `tdkt_token=${bridge.token}`, origin: `http://${host}` };
    const bad = await raw('POST', '/rpc/office.setup', h, '{không phải json');
    expect(JSON.parse(bad.body).error.message).toMatch(/không phải JSON/);
    const invalid = await raw('POST', '/rpc/office.setup', h, JSON.stringify({ level: 'province' }));
    const err = JSON.parse(invalid.body).error;
    expect(err.code).toBe('VALIDATION');
    expect(err.details.join(' ')).toMatch(/Tên đơn vị/);
  });

  it('answers 400, never 500, to a malformed URL or %-escape', async () => {
    const host = `127.0.0.1:${port}`;
    const h = { host, cookie: `tdkt_token=${bridge.token}`, origin: `http://${host}` };
    for (const path of ['/rpc/office.get%', '/rpc/office%E0%A4%A', '/rpc/%ZZ', '/rpc/%C0%AF']) {
      const res = await raw('POST', path, h, '{}');
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body).error.message).toMatch(/không hợp lệ/);
    }
    for (const path of ['/assets/%', '/%E0%A4%A', '/a%00b.js']) {
      const res = await raw('GET', path, { host, cookie: h.cookie });
      expect(res.status, path).toBe(400);
    }
    // The server is still up and serving.
    const ok = await raw('POST', '/rpc/office.get', h, '{}');
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: null });
  });
});
