import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sha256Hex, sha256HexOfText } from '../../../src/lib/powershell/sha256.js';
import { canonicalJson, planSha256 } from '../../../src/lib/powershell/plan-hash.js';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';

describe('sha256 (synchronous, FIPS 180-4)', () => {
  it('matches the NIST / FIPS 180-2 known vectors', () => {
    expect(sha256HexOfText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexOfText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256HexOfText('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256HexOfText('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu')).toBe(
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    );
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with node:crypto around every block boundary', () => {
    for (let len = 0; len <= 200; len++) {
      const data = new Uint8Array(len).map((_, i) => (i * 31 + len) & 0xff);
      expect(sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('agrees with node:crypto on arbitrary data, aligned or not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => {
        expect(sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
        expect(sha256Hex(data.subarray(1))).toBe(createHash('sha256').update(data.subarray(1)).digest('hex'));
      }),
      { numRuns: 200 },
    );
  });

  it('hashes text as UTF-8 across chunk boundaries (surrogate pairs, lone surrogates)', () => {
    const long = 'a'.repeat(16_383) + '\u{1F600}' + 'é'.repeat(20_000) + '\uD800' + 'z';
    for (const t of [long, long.slice(1), '\uD83D', 'x\uDE00y', 'José'.repeat(50_000)]) {
      expect(sha256HexOfText(t)).toBe(createHash('sha256').update(new TextEncoder().encode(t)).digest('hex'));
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (t) => {
        expect(sha256HexOfText(t)).toBe(createHash('sha256').update(new TextEncoder().encode(t)).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('plan hash', () => {
  it('is the SHA-256 of the canonical JSON (sorted keys), without verification results', () => {
    const plan = createSamplePlan();
    const { verification: _v, ...rest } = plan;
    expect(planSha256(plan)).toBe(createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex'));
    const withResult = { ...plan, verification: { 'user:x': { status: 'done' as const, detail: '', at: 'now' } } };
    expect(planSha256(withResult)).toBe(planSha256(plan));
  });

  it('does not depend on key order but does on content', () => {
    const plan = createSamplePlan();
    const reordered = Object.fromEntries(Object.entries(plan).reverse()) as typeof plan;
    expect(planSha256(reordered)).toBe(planSha256(plan));
    expect(planSha256({ ...plan, name: plan.name + ' ' })).not.toBe(planSha256(plan));
  });

  it('canonical JSON sorts keys at every depth and drops undefined like JSON.stringify', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ f: 1, e: 2 }], c: undefined }, é: null, Z: 'x' })).toBe('{"Z":"x","a":{"d":[{"e":2,"f":1}]},"b":1,"é":null}');
    expect(canonicalJson([undefined, 'a'])).toBe('[null,"a"]');
  });

  it('canonical JSON parses back to the same value', () => {
    const plan = createSamplePlan();
    expect(JSON.parse(canonicalJson(plan))).toEqual(JSON.parse(JSON.stringify(plan)));
  });
});
