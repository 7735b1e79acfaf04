/**
 * The plan fingerprint printed in every script header: SHA-256 of a canonical JSON serialization.
 *
 * Canonical = `JSON.stringify` semantics with object keys sorted (so the same content gives the same
 * hash whatever order the keys were created in), and with `verification` left out: reading a
 * verification report back into the plan must not make the scripts look as if they came from a
 * different plan.
 */
import type { Plan } from '../domain/model.js';
import { sha256HexOfText } from './sha256.js';

// Sorted key lists cached per key set: a plan has a few dozen object shapes, repeated up to
// 100,000 times (users).
const sortedKeyCache = new Map<string, string[]>();

/** A copy of `value` whose objects have their keys inserted in sorted order. */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = sortedCopy(value[i]);
    return out;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const signature = keys.join('\u0000');
  let sorted = sortedKeyCache.get(signature);
  if (!sorted) {
    sorted = [...keys].sort();
    if (sortedKeyCache.size < 10_000) sortedKeyCache.set(signature, sorted);
  }
  const out: Record<string, unknown> = {};
  for (const k of sorted) out[k] = sortedCopy(record[k]);
  return out;
}

/**
 * Canonical JSON of a value: `JSON.stringify` (no whitespace) of a copy whose object keys are
 * inserted in sorted order, so the result does not depend on the order keys were created in.
 * (JavaScript lists integer-like keys such as "12" first, in numeric order, whatever the insertion
 * order: still deterministic.) Copy-then-stringify keeps the serialization native, about 3× faster
 * than building the string in script for a 100,000-user plan.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedCopy(value)) ?? 'null';
}

/** SHA-256 (hex) of the plan's canonical JSON without its verification results. */
export function planSha256(plan: Plan): string {
  const { verification: _ignored, ...rest } = plan;
  return sha256HexOfText(canonicalJson(rest));
}
