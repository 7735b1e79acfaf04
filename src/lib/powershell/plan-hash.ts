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

function write(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify gives undefined for undefined/functions/symbols; as array items they become null.
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      write(value[i], out);
    }
    out.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  out.push('{');
  let first = true;
  for (const key of keys) {
    const v = record[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    write(v, out);
  }
  out.push('}');
}

/** Canonical JSON of a value: sorted keys, no whitespace. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

/** SHA-256 (hex) of the plan's canonical JSON without its verification results. */
export function planSha256(plan: Plan): string {
  const { verification: _ignored, ...rest } = plan;
  return sha256HexOfText(canonicalJson(rest));
}
