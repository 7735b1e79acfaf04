/**
 * The number inventory's screen state (issue 12 item 2): search and filters, range grouping, which
 * ranges are open, how many rows are rendered, and the selection. Everything shown is `$derived`
 * from (plan, filters): the use map, the filter options and the ranges are computed once per plan
 * value, the filtered list once per (plan, filter), so typing over 10,000 numbers stays instant.
 */
import {
  countFreeNumbers,
  filterNumbers,
  numberFilterOptions,
  numberRanges,
  numberUses,
  type Id,
  type NumberFilter,
  type NumberKind,
  type NumberRange,
  type NumberUse,
  type PhoneNumber,
  type Plan,
} from '../../../lib/index.js';

/** The value of the "No site" choice in the Site filter (site ids are never empty). */
export const NO_SITE = '\u0000none';
/** Rows rendered at first and added by each "Show more". */
export const PAGE = 200;

export type InventoryRow =
  | { type: 'range'; key: string; range: NumberRange; open: boolean }
  /** `range`: the open range the number belongs to (shown indented under it), or null. */
  | { type: 'number'; key: string; number: PhoneNumber; range: NumberRange | null };

export class NumberInventory {
  search = $state('');
  kind = $state<NumberKind | ''>('');
  country = $state('');
  /** '' = every site, NO_SITE = numbers without a site, or a site id. */
  site = $state('');
  state = $state<'free' | 'used' | ''>('');
  role = $state<NumberUse | ''>('');
  grouped = $state(true);
  /** Selected number ids (replaced, never mutated). */
  selected = $state.raw<Set<Id>>(new Set());

  /** Ranges the person opened or closed (by their first number); the deep-linked one opens by itself. */
  #opened = $state.raw<Set<string>>(new Set());
  #closed = $state.raw<Set<string>>(new Set());
  /** "Show more" counts for one filter: a new filter starts at one page again (derived, not synced). */
  #more = $state.raw<{ key: string; pages: number }>({ key: '', pages: 1 });
  #plan: () => Plan;
  #detail: () => string;

  constructor(plan: () => Plan, detail: () => string) {
    this.#plan = plan;
    this.#detail = detail;
  }

  /** Once per plan value. */
  uses = $derived.by(() => numberUses(this.#plan()));
  byId = $derived.by(() => new Map(this.#plan().numbers.map((n) => [n.id, n])));
  options = $derived.by(() => numberFilterOptions(this.#plan()));

  filter = $derived<NumberFilter>({
    search: this.search,
    kind: this.kind,
    country: this.country,
    siteId: this.site === NO_SITE ? null : this.site,
    state: this.state,
    use: this.role,
  });
  filtering = $derived(this.search.trim() !== '' || this.kind !== '' || this.country !== '' || this.site !== '' || this.state !== '' || this.role !== '');
  #filterKey = $derived(JSON.stringify([this.filter, this.grouped]));

  /** Once per (plan, filter). */
  matching = $derived.by(() => filterNumbers(this.#plan(), this.filter, this.uses));
  ranges = $derived.by(() => numberRanges(this.#plan(), this.matching, this.uses));
  /** Top-level rows: ranges when grouped, numbers otherwise. */
  topRows = $derived(this.grouped ? this.ranges.length : this.matching.length);

  /** The range holding the deep-linked number (when grouped and it has more than one number). */
  #detailRange = $derived.by(() => {
    const id = this.#detail();
    if (!id || !this.grouped) return '';
    return this.ranges.find((r) => r.count > 1 && r.ids.includes(id))?.from ?? '';
  });

  isOpen(from: string): boolean {
    return this.#opened.has(from) || (from === this.#detailRange && !this.#closed.has(from));
  }

  toggleOpen(from: string): void {
    const open = this.isOpen(from);
    const opened = new Set(this.#opened);
    const closed = new Set(this.#closed);
    if (open) {
      opened.delete(from);
      closed.add(from);
    } else {
      opened.add(from);
      closed.delete(from);
    }
    this.#opened = opened;
    this.#closed = closed;
  }

  /** Every row in display order, open ranges followed by their numbers. */
  rows = $derived.by((): InventoryRow[] => {
    const byId = this.byId;
    const out: InventoryRow[] = [];
    for (const r of this.ranges) {
      const grouped = this.grouped && r.count > 1;
      const open = grouped && this.isOpen(r.from);
      if (grouped) out.push({ type: 'range', key: `range:${r.from}`, range: r, open });
      if (!grouped || open)
        for (const id of r.ids) {
          const number = byId.get(id);
          if (number) out.push({ type: 'number', key: id, number, range: grouped ? r : null });
        }
    }
    return out;
  });

  /** How many rows are rendered: whole pages, and always far enough to show the deep-linked number. */
  limit = $derived.by(() => {
    const pages = this.#more.key === this.#filterKey ? this.#more.pages : 1;
    const id = this.#detail();
    const at = id ? this.rows.findIndex((r) => r.type === 'number' && r.number.id === id) : -1;
    return Math.max(pages * PAGE, at + 1);
  });
  shown = $derived(this.rows.slice(0, this.limit));

  showMore(): void {
    const pages = this.#more.key === this.#filterKey ? this.#more.pages : 1;
    this.#more = { key: this.#filterKey, pages: pages + 1 };
  }

  clearFilters(): void {
    this.search = '';
    this.kind = '';
    this.country = '';
    this.site = '';
    this.state = '';
    this.role = '';
  }

  // Selection ----------------------------------------------------------------------------------

  /** Selected ids still in the plan (a delete or an undo may have removed some). */
  selectedIds = $derived([...this.selected].filter((id) => this.byId.has(id)));
  matchingSelected = $derived.by(() => {
    const sel = this.selected;
    if (sel.size === 0) return 0;
    let n = 0;
    for (const x of this.matching) if (sel.has(x.id)) n++;
    return n;
  });
  allSelected = $derived<boolean | 'mixed'>(
    this.matching.length > 0 && this.matchingSelected === this.matching.length ? true : this.matchingSelected > 0 ? 'mixed' : false,
  );
  /** Free and in-use numbers among the selection: what "Delete free numbers" removes and keeps. */
  freeSelected = $derived.by(() => countFreeNumbers(this.#plan(), this.selectedIds, this.uses));

  /** true, false or 'mixed' for a range row's box. */
  rangeSelected(r: NumberRange): boolean | 'mixed' {
    const sel = this.selected;
    let n = 0;
    for (const id of r.ids) if (sel.has(id)) n++;
    return n === 0 ? false : n === r.ids.length ? true : 'mixed';
  }

  /** Select or clear these ids: a range row's box selects all its numbers; a second click clears them. */
  toggle(ids: readonly Id[]): void {
    const next = new Set(this.selected);
    const all = ids.every((id) => next.has(id));
    for (const id of ids) {
      if (all) next.delete(id);
      else next.add(id);
    }
    this.selected = next;
  }

  /** The select-all box: every number matching the filter, or clear them when all are selected. */
  toggleAll(): void {
    const next = new Set(this.selected);
    const all = this.allSelected === true;
    for (const n of this.matching) {
      if (all) next.delete(n.id);
      else next.add(n.id);
    }
    this.selected = next;
  }

  clearSelection(): void {
    this.selected = new Set();
  }
}
