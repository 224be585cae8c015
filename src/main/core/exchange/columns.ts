import { z } from 'zod';

/**
 * The column checks every table spec uses (one home, so tables*.ts only say what is particular to them).
 * Records that travel carry `owned` (id, owning office, revision, tombstone) and `times`.
 */
export const uuid = z.string().uuid();
export const str = (max = 2000) => z.string().max(max);
export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const stamp = z.string().min(10).max(40);
export const bool01 = z.union([z.literal(0), z.literal(1)]);
export const int = z.number().int().min(-1_000_000_000).max(1_000_000_000);
export const year = z.number().int().min(1900).max(2200);
export const money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const owned = { id: uuid, owner_id: uuid, revision: z.number().int().min(1).max(1_000_000_000), deleted_at: stamp.nullable() };
export const times = { created_at: stamp, updated_at: stamp };
export const cols = (shape: Record<string, unknown>): string[] => Object.keys(shape);

/** Text that must parse as JSON (and, when given, pass `ok`), at most `max` characters. */
export const jsonText = (max: number, ok: (v: unknown) => boolean = () => true, message = 'không phải JSON hợp lệ') =>
  str(max).refine((s) => {
    try {
      return ok(JSON.parse(s));
    } catch {
      return false;
    }
  }, message);
