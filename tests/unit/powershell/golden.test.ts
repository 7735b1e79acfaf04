/**
 * Golden files: the exact bytes generated for the sample plan. After an intended change, rewrite
 * them with `UPDATE_GOLDEN=1 npx vitest run tests/unit/powershell/golden.test.ts` and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { generateScripts } from '../../../src/lib/powershell/index.js';

const DIR = fileURLToPath(new URL('./golden/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden files for the sample plan', () => {
  const files = generateScripts(createSamplePlan());
  if (update) {
    mkdirSync(DIR, { recursive: true });
    for (const f of files) writeFileSync(DIR + f.name, f.bytes);
  }
  for (const f of files) {
    it(`${f.name} matches golden/${f.name}`, () => {
      const path = DIR + f.name;
      expect(existsSync(path), `missing ${path}: run with UPDATE_GOLDEN=1`).toBe(true);
      const golden = new Uint8Array(readFileSync(path));
      if (!Buffer.from(golden).equals(Buffer.from(f.bytes))) {
        // Show a readable diff of the text.
        expect(f.text).toBe(new TextDecoder().decode(golden));
      }
      expect(Buffer.from(golden).equals(Buffer.from(f.bytes))).toBe(true);
    });
  }
});
