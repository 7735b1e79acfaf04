/**
 * Tiny structural validators for plan files. Each returns a fresh value holding only the known
 * fields, so a hostile file can neither smuggle extra properties in nor reach an object prototype
 * (records are rebuilt with Object.fromEntries and reserved keys are refused).
 */

export class PlanFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanFileError';
  }
}

export type Check<T> = (value: unknown, path: string) => T;

const fail = (path: string, what: string): never => {
  throw new PlanFileError(`This is not a valid plan file: ${path} ${what}.`);
};

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);

export const str =
  (max = 100_000): Check<string> =>
  (v, path) => {
    if (typeof v !== 'string') return fail(path, `should be text but is ${typeName(v)}`);
    if (v.length > max) return fail(path, `is longer than ${max} characters`);
    return v;
  };

export const num =
  (min = -Infinity, max = Infinity): Check<number> =>
  (v, path) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return fail(path, `should be a number but is ${typeName(v)}`);
    if (v < min || v > max) return fail(path, `should be between ${min} and ${max}`);
    return v;
  };

export const bool: Check<boolean> = (v, path) => (typeof v === 'boolean' ? v : fail(path, `should be true or false but is ${typeName(v)}`));

export const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (v, path) =>
    typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : fail(path, `should be one of ${values.join(', ')}`);

export const nullable =
  <T>(inner: Check<T>): Check<T | null> =>
  (v, path) =>
    v === null ? null : inner(v, path);

export const arr =
  <T>(inner: Check<T>, max = 1_000_000): Check<T[]> =>
  (v, path) => {
    if (!Array.isArray(v)) return fail(path, `should be a list but is ${typeName(v)}`);
    if (v.length > max) return fail(path, `has more than ${max} items`);
    const out = new Array<T>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = inner(v[i], `${path}[${i}]`);
    return out;
  };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Object.fromEntries defines own properties, so even `__proto__` could not reach a prototype here;
// it is refused anyway because later code may copy records with plain assignment.
const RESERVED = new Set(['__proto__']);

/** An object with exactly these fields (missing optional ones take their default). */
export const obj =
  <T>(shape: { [K in keyof T]-?: Check<T[K]> }, defaults: Partial<T> = {}): Check<T> =>
  (v, path) => {
    if (!isPlainObject(v)) return fail(path, `should be an object but is ${typeName(v)}`);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape) as (keyof T & string)[]) {
      const has = Object.prototype.hasOwnProperty.call(v, key);
      if (!has && key in defaults) {
        out[key] = structuredClone(defaults[key]);
        continue;
      }
      if (!has) return fail(`${path}.${key}`, 'is missing');
      out[key] = shape[key](v[key], `${path}.${key}`);
    }
    return out as T;
  };

/** A string-keyed record (checklist, mappings). The `__proto__` key is refused. */
export const record =
  <T>(inner: Check<T>, max = 1_000_000): Check<Record<string, T>> =>
  (v, path) => {
    if (!isPlainObject(v)) return fail(path, `should be an object but is ${typeName(v)}`);
    const keys = Object.keys(v);
    if (keys.length > max) return fail(path, `has more than ${max} entries`);
    return Object.fromEntries(
      keys.map((k) => {
        if (RESERVED.has(k)) fail(`${path}`, `uses the reserved key "${k}"`);
        return [k, inner(v[k], `${path}["${k}"]`)];
      }),
    );
  };

/** Optional-or-present partial object: every field optional. */
export const partial =
  <T>(shape: { [K in keyof T]-?: Check<T[K]> }): Check<Partial<T>> =>
  (v, path) => {
    if (!isPlainObject(v)) return fail(path, `should be an object but is ${typeName(v)}`);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape) as (keyof T & string)[]) {
      if (Object.prototype.hasOwnProperty.call(v, key) && v[key] !== undefined) {
        out[key] = shape[key](v[key], `${path}.${key}`);
      }
    }
    return out as Partial<T>;
  };
