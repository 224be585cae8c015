import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../src/bridge/server';
import { BAC_KAN_OFFICE, tempDir } from '../helpers/core';

let bridge: Bridge;
let port: number;
let cookie: string;
const js = Array.from({ length: 3000 }, (_, i) => `export const value${i} = "Thi đua khen thưởng ${i}";`).join('\n');

beforeAll(async () => {
  const dir = tempDir();
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  writeFileSync(join(renderer, 'assets', 'app.js'), js);
  bridge = await startBridge({ dataDir: join(dir, 'data'), rendererDir: renderer, exportDir: join(dir, 'exports') });
  port = Number(new URL(bridge.origin).port);
  cookie = `tdkt_token=${bridge.token}`;
});
afterAll(() => bridge.close());

function get(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, cookie, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    if (body) req.write(body);
    req.end();
  });
}

describe('bridge compression', () => {
  it('serves built files brotli- or gzip-compressed as the browser accepts, identical once decoded', async () => {
    const br = await get('GET', '/assets/app.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(js);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(js) / 5);

    const gz = await get('GET', '/assets/app.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(js);

    const plain = await get('GET', '/assets/app.js', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(js);
  });

  it('gzips a large call answer and leaves a small one alone', async () => {
    const rpc = (name: string, payload: unknown, enc: string) =>
      get('POST', `/rpc/${name}`, { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json', 'accept-encoding': enc }, JSON.stringify(payload));
    const setup = await rpc('office.setup', BAC_KAN_OFFICE, 'gzip');
    expect(setup.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(setup.body.toString('utf8')).ok).toBe(true);
    for (let i = 0; i < 200; i++) await bridge.app.dispatch('register.add', { kindAbbr: 'QĐ', date: '2026-02-01', subject: `Quyết định khen thưởng các tập thể, cá nhân có thành tích xuất sắc số ${i}` });
    const list = await rpc('register.list', { year: 2026 }, 'gzip, br');
    expect(list.headers['content-encoding']).toBe('gzip');
    const value = JSON.parse(gunzipSync(list.body).toString('utf8'));
    expect(value.ok).toBe(true);
    expect(value.value.entries).toHaveLength(200);
  });
});
