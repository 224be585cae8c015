import type { z } from 'zod';

/** True when the value certainly passes the schema it was compiled from. */
export type FastCheck = (value: unknown) => boolean;

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, { _zod: { def: Def } }>;
  catchall?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  options?: { _zod: { def: Def } }[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  coerce?: boolean;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  maximum?: number;
  minimum?: number;
  value?: number;
  inclusive?: boolean;
}

/**
 * A plain function equivalent to a table's zod schema, for the hot path of an import (50,000 records ran
 * zod at 5 µs each). Only what the exchange columns use is understood — strict objects, strings with length
 * and pattern checks, safe integers with bounds, enums, literals, unions, nullable; anything else (a refine,
 * a transform, coercion) gives null and the table keeps zod. The check may only be stricter than zod, never
 * looser: a record it does not pass goes through zod, which accepts it or words the refusal as before.
 */
export function compileCheck(schema: z.ZodType): FastCheck | null {
  return compile((schema as unknown as { _zod: { def: Def } })._zod.def);
}

function compile(def: Def): FastCheck | null {
  if (def.coerce) return null;
  switch (def.type) {
    case 'string': {
      const checks = (def.checks ?? []).map((c) => stringCheck(c._zod.def));
      if (checks.some((c) => c === null)) return null;
      const all = checks as ((s: string) => boolean)[];
      // The usual one or two checks called directly (a loop over closures showed in the import's profile).
      if (all.length === 0) return (v) => typeof v === 'string';
      if (all.length === 1) {
        const [a] = all;
        return (v) => typeof v === 'string' && a(v);
      }
      if (all.length === 2) {
        const [a, b] = all;
        return (v) => typeof v === 'string' && a(v) && b(v);
      }
      return (v) => typeof v === 'string' && all.every((c) => c(v));
    }
    case 'number': {
      const checks = (def.checks ?? []).map((c) => numberCheck(c._zod.def));
      if (checks.some((c) => c === null)) return null;
      const all = checks as ((n: number) => boolean)[];
      return (v) => typeof v === 'number' && Number.isFinite(v) && all.every((c) => c(v));
    }
    case 'nullable': {
      const inner = def.innerType ? compile(def.innerType._zod.def) : null;
      return inner && ((v) => v === null || inner(v));
    }
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return def.checks?.length ? null : (v) => allowed.has(v);
    }
    case 'literal': {
      const allowed = new Set(def.values ?? []);
      return def.checks?.length ? null : (v) => allowed.has(v);
    }
    case 'union': {
      const options = (def.options ?? []).map((o) => compile(o._zod.def));
      if (!options.length || options.some((o) => o === null) || def.checks?.length) return null;
      const all = options as FastCheck[];
      return (v) => all.some((o) => o(v));
    }
    case 'object': {
      // Strict objects only (catchall never): a key outside the shape is a refusal zod words.
      if (def.catchall?._zod.def.type !== 'never' || def.checks?.length || !def.shape) return null;
      const fields = Object.entries(def.shape).map(([k, s]) => [k, compile(s._zod.def)] as const);
      if (fields.some(([, c]) => c === null)) return null;
      const names = fields.map(([k]) => k);
      const checks = fields.map(([, c]) => c!);
      const hasOwn = Object.prototype.hasOwnProperty;
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
        // A plain object (as JSON.parse makes): no inherited keys that zod's for-in would see and refuse.
        if (Object.getPrototypeOf(v) !== Object.prototype) return false;
        const o = v as Record<string, unknown>;
        // As many own keys as the shape has fields, and every field an own key: exactly the shape's keys.
        const own = Object.keys(o);
        if (own.length !== names.length) return false;
        for (let i = 0; i < names.length; i++) {
          const k = names[i];
          if ((own[i] !== k && !hasOwn.call(o, k)) || !checks[i](o[k])) return false;
        }
        return true;
      };
    }
    default:
      return null;
  }
}

function stringCheck(c: CheckDef): ((s: string) => boolean) | null {
  switch (c.check) {
    case 'max_length':
      return typeof c.maximum === 'number' ? (s) => s.length <= c.maximum! : null;
    case 'min_length':
      return typeof c.minimum === 'number' ? (s) => s.length >= c.minimum! : null;
    case 'string_format': {
      // uuid and regex are tested by their pattern alone (other formats add checks of their own).
      const p = c.pattern;
      if ((c.format !== 'uuid' && c.format !== 'regex') || !(p instanceof RegExp) || p.global || p.sticky) return null;
      return (s) => p.test(s);
    }
    default:
      return null;
  }
}

function numberCheck(c: CheckDef): ((n: number) => boolean) | null {
  switch (c.check) {
    case 'number_format':
      return c.format === 'safeint' ? (n) => Number.isSafeInteger(n) : null;
    case 'greater_than':
      return typeof c.value === 'number' ? (c.inclusive ? (n) => n >= c.value! : (n) => n > c.value!) : null;
    case 'less_than':
      return typeof c.value === 'number' ? (c.inclusive ? (n) => n <= c.value! : (n) => n < c.value!) : null;
    default:
      return null;
  }
}
