/**
 * Words for the status model (src/lib/status): the badge beside an object, the Users table's
 * Findings column (filter and sort over 100,000 users without a lookup per row) and deployment
 * words. Pure; no markup.
 */
import type { DeploymentProgress, DeploymentState, Level, ObjectStatus, Readiness, Tally } from '../status/index.js';
import { plural } from '../callflow/text.js';

export interface StatusBadgeText {
  /** CSS class and icon: error, warning, info, ok. */
  kind: Level | 'ok';
  /** Visible words: "3 errors", "Policy blocked", "1 note", "Ready". */
  text: string;
}

/**
 * What a badge says about an object: the counts over its scope (own findings; for a policy or a
 * site also those of what it depends on and its users), worst first. A user whose own findings are
 * fine but whose policy is blocked says so.
 */
export function statusBadge(s: ObjectStatus): StatusBadgeText {
  const t = s.tally;
  if (t.errors) return { kind: 'error', text: plural(t.errors, 'error') };
  if (s.via && s.readiness === 'blocked') return { kind: 'error', text: 'Policy blocked' };
  if (t.warnings) return { kind: 'warning', text: plural(t.warnings, 'warning') };
  if (s.via && s.readiness === 'warnings') return { kind: 'warning', text: 'Policy warnings' };
  if (t.notes) return { kind: 'info', text: plural(t.notes, 'note') };
  return { kind: 'ok', text: 'Ready' };
}

/**
 * The badge of a group of objects shown as one row (a range of numbers in the inventory): the sum of
 * their tallies, worst first, and how many of them have findings. Reads the status model only.
 */
export function groupBadge(items: Iterable<ObjectStatus>): StatusBadgeText & { tally: Tally; withFindings: number } {
  const tally: Tally = { errors: 0, warnings: 0, notes: 0 };
  let withFindings = 0;
  for (const s of items) {
    tally.errors += s.tally.errors;
    tally.warnings += s.tally.warnings;
    tally.notes += s.tally.notes;
    if (s.scope.length) withFindings++;
  }
  const text = tally.errors
    ? { kind: 'error' as const, text: plural(tally.errors, 'error') }
    : tally.warnings
      ? { kind: 'warning' as const, text: plural(tally.warnings, 'warning') }
      : tally.notes
        ? { kind: 'info' as const, text: plural(tally.notes, 'note') }
        : { kind: 'ok' as const, text: 'Ready' };
  return { ...text, tally, withFindings };
}

export const READINESS_LABEL: Record<Readiness, string> = { ready: 'Ready', warnings: 'Warnings', blocked: 'Blocked' };

/** The Findings column's words per user level code (0 ready … 3 errors), as filtered and sorted. */
export const LEVEL_WORD = ['Ready', 'Notes', 'Warnings', 'Errors'] as const;

/**
 * A Findings column filter, with the syntax of the other columns: text = contains, `=text` = is
 * exactly, case-insensitive, over the level words (Ready, Notes, Warnings, Errors; "blocked" = Errors).
 * Returns a test on level codes, or null when the filter is empty.
 */
export function levelFilter(text: string): ((code: number) => boolean) | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  const exact = t.startsWith('=');
  const value = (exact ? t.slice(1) : t).trim();
  const words = LEVEL_WORD.map((w, code) =>
    code === 3
      ? [w.toLowerCase(), 'blocked', 'error']
      : code === 2
        ? [w.toLowerCase(), 'warning']
        : code === 1
          ? [w.toLowerCase(), 'note', 'info']
          : [w.toLowerCase()],
  );
  const ok = words.map((ws) => ws.some((w) => (exact ? w === value : w.includes(value))));
  return (code) => ok[code] ?? false;
}

/**
 * Keep the rows (indices of users) whose level passes the filter, then optionally sort them by
 * level (ascending: ready first; descending: errors first). Stable and linear (counting sort).
 */
export function applyLevelQuery(rows: Int32Array, levels: Uint8Array, filter: string, sort: 'asc' | 'desc' | null): Int32Array {
  const test = levelFilter(filter);
  let out = rows;
  if (test) {
    const kept = new Int32Array(rows.length);
    let n = 0;
    for (const i of rows) if (test(levels[i] ?? 0)) kept[n++] = i;
    out = kept.subarray(0, n);
  }
  if (!sort) return out;
  const rank = (i: number) => {
    const c = levels[i] ?? 0;
    return sort === 'asc' ? c : 3 - c;
  };
  const start = [0, 0, 0, 0];
  for (const i of out) for (let r = rank(i) + 1; r < 4; r++) start[r] = (start[r] ?? 0) + 1;
  const sorted = new Int32Array(out.length);
  for (const i of out) {
    const r = rank(i);
    const at = start[r] ?? 0;
    sorted[at] = i;
    start[r] = at + 1;
  }
  return sorted;
}

export const DEPLOYMENT_LABEL: Record<DeploymentState['status'], string> = { done: 'Deployed', failed: 'Failed', missing: 'Missing' };

/** "Missing in the tenant", "Deployed (stale: changed since the report)". */
export function deploymentText(d: DeploymentState): string {
  const word = d.status === 'missing' ? 'Missing in the tenant' : d.status === 'failed' ? 'Failed: differs from the plan' : 'Deployed';
  return d.stale ? `${word} (stale: changed since the report)` : word;
}

/** "12 deployed · 1 failed · 2 missing · 3 stale · 40 not verified" (zero parts left out, except deployed). */
export function progressText(p: DeploymentProgress): string {
  const parts = [`${p.deployed.toLocaleString('en-US')} deployed`];
  if (p.failed) parts.push(`${p.failed.toLocaleString('en-US')} failed`);
  if (p.missing) parts.push(`${p.missing.toLocaleString('en-US')} missing`);
  if (p.stale) parts.push(`${p.stale.toLocaleString('en-US')} stale`);
  if (p.unverified) parts.push(`${p.unverified.toLocaleString('en-US')} not verified`);
  return parts.join(' · ');
}
