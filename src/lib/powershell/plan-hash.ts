/**
 * The plan fingerprint printed in every script header: SHA-256 of a canonical JSON serialization.
 *
 * Canonical = `JSON.stringify` semantics with object keys sorted (so the same content gives the same
 * hash whatever order the keys were created in), and with `verification` left out: reading a
 * verification report back into the plan must not make the scripts look as if they came from a
 * different plan.
 *
 * The text is produced as a stream of pieces (`writeCanonicalJson`) rather than one string: a
 * 100,000-user plan is 39 MB of JSON, and hashing the pieces as they come avoids building that
 * string, its UTF-8 copy and a sorted copy of the whole plan (which the garbage collector then had
 * to move around), while keeping the serialization itself native.
 */
import type { Plan } from '../domain/model.js';
import { Sha256 } from './sha256.js';

// Canonical key order cached per key list: a plan has a few dozen object shapes, repeated up to
// 100,000 times (users).
const keyOrderCache = new Map<string, { keys: string[]; order: string[] }>();
const lastByCount = new Array<{ keys: string[]; order: string[] } | undefined>(64);

/**
 * The order in which the canonical JSON lists an object's keys: its keys inserted into a fresh
 * object in sorted order, read back. (JavaScript lists integer-like keys such as "12" first, in
 * numeric order, whatever the insertion order: still deterministic. A "__proto__" key does not
 * survive the insertion, so it is left out.)
 */
function canonicalKeyOrder(keys: string[]): string[] {
  // Objects of one shape usually come in runs (users, and each user's `source`): remember the last
  // key list per key count and compare it key by key before building a signature string.
  const last = lastByCount[keys.length];
  if (last !== undefined && sameOrder(last.keys, keys)) return last.order;
  const entry = lookUpKeyOrder(keys);
  if (keys.length < lastByCount.length) lastByCount[keys.length] = entry;
  return entry.order;
}

function lookUpKeyOrder(keys: string[]): { keys: string[]; order: string[] } {
  const signature = keys.join('\u0000');
  const cached = keyOrderCache.get(signature);
  // The check guards against two key lists with one signature (keys containing U+0000).
  if (cached && sameOrder(cached.keys, keys)) return cached;
  const probe: Record<string, true> = {};
  for (const k of [...keys].sort()) probe[k] = true;
  const entry = { keys, order: Object.keys(probe) };
  if (!cached && keyOrderCache.size < 10_000) keyOrderCache.set(signature, entry);
  return entry;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Plain data object (not a Date, Map, class instance…): safe to hand to JSON.stringify as is. */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * `value` with every object's keys in canonical order, for `JSON.stringify`. Objects and arrays
 * that are already canonical all the way down are returned as they are, not copied (a user's
 * `source: { file, row }` is); any other object becomes a plain copy of its own enumerable keys.
 */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const copy = sortedCopy(item);
      if (out === null && copy !== item) out = value.slice(0, i);
      if (out !== null) out[i] = copy;
    }
    return out ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const order = canonicalKeyOrder(keys);
  const out: Record<string, unknown> = {};
  let changed = !isPlainObject(record) || !sameOrder(keys, order);
  for (const k of order) {
    const item = record[k];
    const copy = sortedCopy(item);
    out[k] = copy;
    if (copy !== item) changed = true;
  }
  return changed ? out : record;
}

/** Array elements stringified per call: small enough to die young, large enough to stay native. */
const ARRAY_CHUNK = 512;

/** Write a (non-undefined-serializing) array as `[` + chunks of natively stringified items + `]`. */
function writeArray(items: readonly unknown[], write: (piece: string) => void): void {
  write('[');
  for (let start = 0; start < items.length; start += ARRAY_CHUNK) {
    const end = Math.min(items.length, start + ARRAY_CHUNK);
    const chunk = new Array<unknown>(end - start);
    for (let i = start; i < end; i++) chunk[i - start] = sortedCopy(items[i]);
    // "[a,b,c]" → "a,b,c": same items, same `null` for undefined, as one stringify of the array.
    const text = JSON.stringify(chunk);
    write(start === 0 ? text.slice(1, -1) : ',' + text.slice(1, -1));
  }
  write(']');
}

/** Write a plain object key by key, so that large arrays inside it are streamed too. */
function writeObject(record: Record<string, unknown>, write: (piece: string) => void): void {
  let first = true;
  write('{');
  for (const k of canonicalKeyOrder(Object.keys(record))) {
    const item = record[k];
    // JSON.stringify leaves out keys whose value it cannot serialize.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    write((first ? '' : ',') + JSON.stringify(k) + ':');
    first = false;
    writeValue(item, write);
  }
  write('}');
}

function writeValue(value: unknown, write: (piece: string) => void): void {
  if (Array.isArray(value)) writeArray(value, write);
  else if (value !== null && typeof value === 'object' && isPlainObject(value) && !('toJSON' in value)) {
    writeObject(value as Record<string, unknown>, write);
  } else write(JSON.stringify(sortedCopy(value)) ?? 'null');
}

/**
 * Canonical JSON of a value, written as consecutive pieces: `JSON.stringify` (no whitespace) of the
 * value with every object's keys in canonical order (see canonicalKeyOrder). Top-level objects are
 * walked key by key and arrays in chunks; everything below is serialized by `JSON.stringify`.
 */
export function writeCanonicalJson(value: unknown, write: (piece: string) => void): void {
  writeValue(value, write);
}

/** Canonical JSON of a value as one string (see writeCanonicalJson). */
export function canonicalJson(value: unknown): string {
  const pieces: string[] = [];
  writeCanonicalJson(value, (piece) => pieces.push(piece));
  return pieces.join('');
}

const hashCache = new WeakMap<Plan, string>();

/**
 * SHA-256 (hex) of the plan's canonical JSON without its verification results. Plans are immutable
 * values, so the hash is computed once per plan value (generateScripts and generateScriptBundle
 * ask for it in turn).
 */
export function planSha256(plan: Plan): string {
  const hit = hashCache.get(plan);
  if (hit !== undefined) return hit;
  const { verification: _ignored, ...rest } = plan;
  const hash = new Sha256();
  writeCanonicalJson(rest, (piece) => hash.updateText(piece));
  const hex = hash.hex();
  hashCache.set(plan, hex);
  return hex;
}
