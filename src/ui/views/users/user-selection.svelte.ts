/**
 * The Users table's selection: selected user keys (replaced, never mutated, so that `$state.raw`
 * stays cheap at 100,000 keys), the anchor of a Shift range, and what the select-all box shows for
 * the rows on screen.
 */
import { userKey, type Plan, type User } from '../../../lib/index.js';

export class UserSelection {
  /** Selected user keys. */
  keys = $state.raw<Set<string>>(new Set());
  #anchor: number | null = null;
  #plan: () => Plan;
  #rows: () => Int32Array;

  /** `rows`: the indices of plan.users shown, in display order. */
  constructor(plan: () => Plan, rows: () => Int32Array) {
    this.#plan = plan;
    this.#rows = rows;
  }

  #keyAt(i: number): string {
    const rows = this.#rows();
    return userKey((this.#plan().users[rows[i] ?? 0] as User).upn);
  }

  /** How many of the rows shown are selected: decides the select-all box. */
  shownSelected = $derived.by(() => {
    const keys = this.keys;
    if (keys.size === 0) return 0;
    const users = this.#plan().users;
    let n = 0;
    for (const i of this.#rows()) if (keys.has(userKey((users[i] as User).upn))) n++;
    return n;
  });

  allSelected = $derived.by((): boolean | 'mixed' => {
    const shown = this.#rows().length;
    return shown > 0 && this.shownSelected === shown ? true : this.shownSelected > 0 ? 'mixed' : false;
  });

  isSelected(i: number): boolean {
    return this.keys.has(this.#keyAt(i));
  }

  /** Click or Space on row `i` (position in the rows shown); `range`: Shift, from the anchor. */
  toggle(i: number, range: boolean): void {
    const next = new Set(this.keys);
    const anchor = this.#anchor;
    if (range && anchor !== null && anchor < this.#rows().length) {
      const [a, b] = anchor < i ? [anchor, i] : [i, anchor];
      for (let k = a; k <= b; k++) next.add(this.#keyAt(k));
    } else {
      const key = this.#keyAt(i);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      this.#anchor = i;
    }
    this.keys = next;
  }

  /** The select-all box: select every row shown, or clear them when all are selected. */
  toggleAll(): void {
    const next = new Set(this.keys);
    const users = this.#plan().users;
    const all = this.allSelected === true;
    for (const i of this.#rows()) {
      const key = userKey((users[i] as User).upn);
      if (all) next.delete(key);
      else next.add(key);
    }
    this.keys = next;
  }
}
