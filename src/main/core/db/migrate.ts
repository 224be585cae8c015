import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export function latestVersion(list: Migration[]): number {
  return list.length ? list[list.length - 1].version : 0;
}

export function tooNewError(found: number, supported: number): AppError {
  return new AppError(
    'DB_TOO_NEW',
    `Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của phần mềm (phiên bản dữ liệu ${found}, phần mềm này chỉ đọc được đến ${supported}). Hãy cập nhật phần mềm; dữ liệu không bị thay đổi.`,
  );
}

/**
 * Brings the database to the newest version. Each migration runs in its own transaction together
 * with its `user_version` bump, so a crash or an error leaves the database at the last complete step.
 * Returns the versions applied.
 */
export function migrate(db: Database.Database, list: Migration[]): number[] {
  for (let i = 1; i < list.length; i++) {
    if (list[i].version <= list[i - 1].version) throw new Error(`Migrations out of order at ${list[i].name}`);
  }
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(list);
  if (current > latest) throw tooNewError(current, latest);
  const applied: number[] = [];
  for (const m of list) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
