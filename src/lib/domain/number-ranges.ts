/**
 * The number inventory at scale (issue 12 item 2): contiguous numbers of the same kind, country, site
 * and use shown as one range row with a count; filters by kind, country, site, free or used, and role.
 * Linear after one sort: 10,000 numbers group in a few milliseconds.
 */
import type { Id, NumberKind, NumberUse, Plan, PhoneNumber } from './model.js';
import { numberUses } from './lookup.js';

export interface NumberRange {
  /** First and last number (equal for a single number). */
  from: string;
  to: string;
  count: number;
  kind: NumberKind;
  country: string;
  siteId: Id | null;
  use: NumberUse;
  ids: Id[];
}

export interface NumberFilter {
  search?: string;
  kind?: NumberKind | '';
  country?: string;
  siteId?: Id | '' | null;
  /** 'free' or 'used'; '' = both. */
  state?: 'free' | 'used' | '';
  /** Role: what the number is used for. */
  use?: NumberUse | '';
}

/**
 * `uses`: numberUses(plan), when the caller has it already (the inventory screen derives it once per
 * plan value and filters on every keystroke). The role filter matches any of a number's uses (a number
 * used twice is a finding, EN6/EN7, and shows under both roles).
 */
export function filterNumbers(plan: Plan, f: NumberFilter, uses: ReadonlyMap<Id, readonly NumberUse[]> = numberUses(plan)): PhoneNumber[] {
  const raw = (f.search ?? '').trim().toLowerCase();
  // Digits with or without spaces, dashes, brackets or "+": "+1 206 555-01" finds +1206555010x.
  const digits = raw.replace(/[\s()+.-]/g, '');
  const q = /^\d+$/.test(digits) ? digits : raw;
  const country = (f.country ?? '').toUpperCase();
  return plan.numbers.filter((n) => {
    const all = uses.get(n.id);
    const use = all?.[0] ?? 'free';
    if (f.kind && n.kind !== f.kind) return false;
    if (country && n.country !== country) return false;
    if (f.siteId !== undefined && f.siteId !== '' && n.siteId !== f.siteId) return false;
    if (f.state === 'free' && use !== 'free') return false;
    if (f.state === 'used' && use === 'free') return false;
    if (f.use && (f.use === 'free' ? use !== 'free' : !all?.includes(f.use))) return false;
    if (q && !n.e164.includes(q) && !n.note.toLowerCase().includes(raw)) return false;
    return true;
  });
}

/** What the filter lists offer: the countries and sites the inventory holds, and whether some number has no site. */
export function numberFilterOptions(plan: Plan): { countries: string[]; siteIds: Id[]; noSite: boolean } {
  const countries = new Set<string>();
  const sites = new Set<Id>();
  let noSite = false;
  for (const n of plan.numbers) {
    countries.add(n.country);
    if (n.siteId) sites.add(n.siteId);
    else noSite = true;
  }
  // Sites in the plan's order; a site id with no site (a broken reference) still shows so it can be filtered.
  const siteIds = [...plan.sites.map((s) => s.id).filter((id) => sites.has(id)), ...[...sites].filter((id) => !plan.sites.some((s) => s.id === id))];
  return { countries: [...countries].sort(), siteIds, noSite };
}

/** Free and in-use numbers among `ids` (what a bulk delete would remove and keep). */
export function countFreeNumbers(
  plan: Plan,
  ids: Iterable<Id>,
  uses: ReadonlyMap<Id, readonly NumberUse[]> = numberUses(plan),
): { free: number; used: number } {
  let free = 0;
  let used = 0;
  const known = new Set(plan.numbers.map((n) => n.id));
  for (const id of new Set(ids)) {
    if (!known.has(id)) continue;
    if ((uses.get(id)?.[0] ?? 'free') === 'free') free++;
    else used++;
  }
  return { free, used };
}

/** Group numbers into contiguous ranges (same kind, country, site and use; consecutive digits). */
export function numberRanges(
  plan: Plan,
  numbers: readonly PhoneNumber[] = plan.numbers,
  uses: ReadonlyMap<Id, readonly NumberUse[]> = numberUses(plan),
): NumberRange[] {
  const sorted = [...numbers].sort((a, b) => a.e164.length - b.e164.length || (a.e164 < b.e164 ? -1 : a.e164 > b.e164 ? 1 : 0));
  const out: NumberRange[] = [];
  let cur: NumberRange | null = null;
  let last = 0n;
  for (const n of sorted) {
    const use = uses.get(n.id)?.[0] ?? 'free';
    const v = BigInt(n.e164.slice(1));
    if (
      cur &&
      cur.kind === n.kind &&
      cur.country === n.country &&
      cur.siteId === n.siteId &&
      cur.use === use &&
      cur.to.length === n.e164.length &&
      v === last + 1n
    ) {
      cur.to = n.e164;
      cur.count++;
      cur.ids.push(n.id);
    } else {
      cur = { from: n.e164, to: n.e164, count: 1, kind: n.kind, country: n.country, siteId: n.siteId, use, ids: [n.id] };
      out.push(cur);
    }
    last = v;
  }
  return out;
}

/** Bulk edits: set the site of many numbers, or delete free ones (numbers in use are kept). One plan value each. */
export function setNumbersSite(plan: Plan, ids: Iterable<Id>, siteId: Id | null): { plan: Plan; changed: number } {
  const want = new Set(ids);
  let changed = 0;
  const numbers = plan.numbers.map((n) => (want.has(n.id) && n.siteId !== siteId ? (changed++, { ...n, siteId }) : n));
  return { plan: changed ? { ...plan, numbers } : plan, changed };
}

export function deleteFreeNumbers(plan: Plan, ids: Iterable<Id>): { plan: Plan; deleted: number; kept: number } {
  const want = new Set(ids);
  const uses = numberUses(plan);
  let kept = 0;
  const numbers = plan.numbers.filter((n) => {
    if (!want.has(n.id)) return true;
    if ((uses.get(n.id)?.[0] ?? 'free') !== 'free') {
      kept++;
      return true;
    }
    return false;
  });
  const deleted = plan.numbers.length - numbers.length;
  return { plan: deleted ? { ...plan, numbers } : plan, deleted, kept };
}
