import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../../src/main/core/documents');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('documents/ is a pure engine (model → layout → docx)', () => {
  it('imports nothing from services, the database or the handlers', () => {
    const offenders: string[] = [];
    for (const f of files(ROOT)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/from '([^']+)'/g)) {
        if (/\/(services|db|handlers|exchange)\/|^kysely$|^better-sqlite3$|^node:fs/.test(m[1])) offenders.push(`${relative(ROOT, f)} → ${m[1]}`);
      }
    }
    expect(files(ROOT).length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});
