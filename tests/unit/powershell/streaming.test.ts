/**
 * The generator streams its large outputs (plan hash, users data section) in pieces for speed.
 * These tests pin that the pieces add up to exactly what the one-piece definitions give, on inputs
 * large enough to span several pieces (the sample plan and the goldens fit in one).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import type { Plan, User } from '../../../src/lib/domain/model.js';
import { Sha256, sha256Hex } from '../../../src/lib/powershell/sha256.js';
import { canonicalJson, planSha256, writeCanonicalJson } from '../../../src/lib/powershell/plan-hash.js';
import { generateScripts } from '../../../src/lib/powershell/index.js';
import { psQuote } from '../../../src/lib/powershell/quote.js';
import { buildScriptData } from '../../../src/lib/powershell/script-data.js';

const nodeHex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** The canonical JSON as first defined: JSON.stringify of a copy with keys inserted sorted. */
function referenceCanonicalJson(value: unknown): string {
  const sortedCopy = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(sortedCopy);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortedCopy((v as Record<string, unknown>)[k]);
    return out;
  };
  return JSON.stringify(sortedCopy(value)) ?? 'null';
}

function bigPlan(n: number, name = (i: number) => `user${i}`): Plan {
  const plan = createSamplePlan();
  const base = plan.users;
  const users: User[] = [];
  for (let i = 0; i < n; i++) {
    const u = base[i % base.length]!;
    users.push({ ...u, upn: `${name(i)}@contoso.com`, displayName: name(i), source: u.source ? { ...u.source, row: i + 2 } : null });
  }
  return { ...plan, users };
}

describe('Sha256 (incremental)', () => {
  it('gives the same digest however bytes and text are split', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 })), { maxLength: 12 }), (parts) => {
        const hash = new Sha256();
        const node = createHash('sha256');
        let text = '';
        const flushText = () => {
          // Text pieces are hashed as the UTF-8 of their concatenation (pairs split across pieces rejoin).
          node.update(new TextEncoder().encode(text));
          text = '';
        };
        for (const p of parts) {
          if (typeof p === 'string') {
            hash.updateText(p);
            text += p;
          } else {
            flushText();
            hash.update(p);
            node.update(p);
          }
        }
        flushText();
        expect(hash.hex()).toBe(node.digest('hex'));
      }),
      { numRuns: 300 },
    );
  });

  it('rejoins a surrogate pair split across two text pieces, and encodes a lone one as U+FFFD', () => {
    expect(new Sha256().updateText('a\uD83D').updateText('\uDE00b').hex()).toBe(nodeHex('a\u{1F600}b'));
    expect(new Sha256().updateText('a\uD83D').hex()).toBe(nodeHex(new TextEncoder().encode('a\uFFFD')));
    expect(
      new Sha256()
        .updateText('\uD83D')
        .update(new Uint8Array([1]))
        .hex(),
    ).toBe(nodeHex(new Uint8Array([0xef, 0xbf, 0xbd, 1])));
  });

  it('matches node:crypto on megabytes fed in odd-sized, unaligned pieces', () => {
    const data = new Uint8Array(3_000_001).map((_, i) => (i * 7919) >>> 3);
    const hash = new Sha256();
    for (let at = 0, step = 1; at < data.length; at += step, step = (step * 5 + 3) % 70_001) {
      hash.update(data.subarray(at, at + step));
    }
    expect(hash.hex()).toBe(nodeHex(data));
    expect(sha256Hex(data)).toBe(nodeHex(data));
  });

  it('refuses input after the digest', () => {
    const hash = new Sha256();
    hash.digest();
    expect(() => hash.updateText('x')).toThrow();
  });
});

describe('canonical JSON, streamed', () => {
  it('equals the copy-then-stringify definition on arbitrary JSON-like values', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, undefined, true, false, 0, -0, 1.5, Number.NaN, Infinity),
        fc.string({ unit: 'binary', maxLength: 8 }),
        fc.array(tie('any'), { maxLength: 6 }),
        fc.dictionary(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('1', '10', '2', '__proto__')), tie('any'), {
          maxKeys: 6,
        }),
      ),
    })).any;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(referenceCanonicalJson(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('streams large arrays in chunks that join to the same text, including holes and undefined', () => {
    const items: unknown[] = [];
    for (let i = 0; i < 2_000; i++) items.push(i % 7 === 0 ? undefined : { z: i, a: [i, { y: 'é', b: null }], m: () => 1 });
    items.length = 2_100; // trailing holes
    const value = { list: items, empty: [], nested: { big: items.slice(0, 1_500) }, date: new Date(0) };
    expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
    const pieces: string[] = [];
    writeCanonicalJson(value, (p) => pieces.push(p));
    expect(pieces.length).toBeGreaterThan(5);
  });

  it('hashes a plan with thousands of users like SHA-256 of the reference canonical JSON', () => {
    const plan = bigPlan(3_001, (i) => (i % 3 === 0 ? `jos\u00e9.${i}` : i % 3 === 1 ? `\u{1F600}${i}` : `u${i}`));
    const { verification: _v, ...rest } = plan;
    expect(planSha256(plan)).toBe(nodeHex(referenceCanonicalJson(rest)));
  });
});

describe('users data section, rendered in pieces', () => {
  it('renders every user once, in order, one line each, with non-ASCII names encoded correctly', () => {
    const plan = bigPlan(2_345, (i) => (i % 2 ? `Zoë.${i}` : `\u{1F600}'${i}`));
    const files = generateScripts(plan);
    const data = buildScriptData(plan, planSha256(plan), 'x');
    const expected = [
      '    Users = @(',
      ...data.users.map(
        (u) =>
          `        @{ Key = ${psQuote(u.key)}; Upn = ${psQuote(u.upn)}; SharedCallingPolicy = ${psQuote(u.sharedCallingPolicy)}; ` +
          `EmergencyPolicy = ${psQuote(u.emergencyPolicy)}; VoiceRoutingPolicy = ${psQuote(u.voiceRoutingPolicy)}; ` +
          `ExtensionNumber = ${psQuote(u.extensionNumber)}; ExtensionNote = ${psQuote(u.extensionNote)}; ` +
          `EnterpriseVoiceBefore = ${psQuote(u.enterpriseVoiceBefore)} }`,
      ),
      '    )',
      '',
    ].join('\r\n');
    const withUsers = files.filter((f) => f.text.includes('    Users = @('));
    expect(withUsers.map((f) => f.name)).toEqual(['07-users.ps1', '08-verify.ps1', '09-rollback.ps1']);
    for (const f of withUsers) {
      expect(f.text).toContain(expected);
      expect(new TextDecoder('utf-8', { ignoreBOM: false }).decode(f.bytes)).toBe(f.text);
    }
  });
});
