/** Plans for the generator tests. */
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import type { Plan } from '../../../src/lib/domain/model.js';

/** The sample plan with only `perSite` users per site (keeps fuzzing fast). */
export function smallPlan(perSite = 2): Plan {
  const p = createSamplePlan();
  const seen = new Map<string, number>();
  p.users = p.users.filter((u) => {
    const k = u.siteId ?? '';
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return n < perSite;
  });
  return p;
}

/** Fields holding ids or references: replaced consistently so references still resolve. */
const ID_FIELDS = new Set([
  'id',
  'siteId',
  'numberId',
  'resourceAccountId',
  'voiceRoutingPolicyId',
  'sharedCallingPolicyId',
  'emergencyPolicyId',
  'callbackNumberIds',
  'siteIds',
]);
/** Enumerations: left alone (they select code paths in TypeScript, not text). */
const ENUM_FIELDS = new Set(['kind', 'licence', 'teamsPhone', 'enterpriseVoice', 'globalVoiceRoutingHasUsages', 'mode', 'model', 'field']);
/** Maps and bookkeeping that the generator does not read. */
const SKIP_FIELDS = new Set(['checklist', 'importMapping', 'verification', 'assignmentRules', 'source', 'sizingDefaults', 'sizing']);

/**
 * Replace every text field of the plan with values from `texts` (cycled), and every id with a
 * value from `texts` plus a unique suffix (consistently, so references still resolve).
 */
export function replaceTexts(plan: Plan, texts: readonly string[]): Plan {
  if (texts.length === 0) return plan;
  let k = 0;
  const next = () => texts[k++ % texts.length] as string;
  const ids = new Map<string, string>();
  const id = (old: string) => {
    let v = ids.get(old);
    if (v === undefined) {
      v = `${next()}#${ids.size}`;
      ids.set(old, v);
    }
    return v;
  };
  const visit = (value: unknown, key: string): unknown => {
    if (SKIP_FIELDS.has(key)) return value;
    if (typeof value === 'string') {
      if (ID_FIELDS.has(key)) return id(value);
      if (ENUM_FIELDS.has(key)) return value;
      return next();
    }
    if (Array.isArray(value)) return value.map((v) => visit(v, key));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [kk, v] of Object.entries(value)) out[kk] = visit(v, kk);
      return out;
    }
    return value;
  };
  return visit(plan, '') as Plan;
}

/** Strings that try to escape a PowerShell literal, a comment or the reviewer's eye. */
export const HOSTILE: readonly string[] = [
  "o'brien@contoso.com",
  'o\u2018brien\u2019s \u201Aquote\u201B@contoso.com',
  "'; Remove-Item -Recurse C:\\ ; '",
  '"; Remove-Item -Recurse C:\\ ; "',
  '$(Remove-Item C:\\ -Recurse)',
  '${env:USERPROFILE}',
  '`n`r`0 backtick` escapes`',
  'line1\nline2\r\nline3\u2028line4\u2029line5\u0085end',
  'nul\u0000byte',
  '#> <# comment terminators #>',
  '@" here-string "@ @\' here \'@',
  '\u202Eevil RLO \u2066isolate\u2069 \u200Fmark \u200Eltr',
  '{ script block } & | ; ( ) @{ } @( )',
  "''''",
  '\u2019',
  '',
  'Jos\u00e9 Garc\u00eda \u4e2d\u6587 \uD83D\uDE00 \uD800 lone',
  '-Confirm:$false -Force',
];
