/**
 * The Checks screen's state: the filter choices and what they derive (counts, options, the listed
 * findings and their groups), from the findings the screen shows (all, or one object's scope).
 */
import type { Finding, Severity, SubjectKind } from '../../../lib/index.js';
import { filterFindings, groupFindings } from '../../../lib/view/index.js';

/** Items rendered at once; "Show more" adds as many again. */
export const PAGE = 200;

export class ChecksFilter {
  query = $state('');
  severity = $state<'all' | Severity>('all');
  rule = $state('all');
  kind = $state<'all' | SubjectKind>('all');
  groupBy = $state<'rule' | 'subject'>('rule');
  limit = $state(PAGE);

  #source: () => readonly Finding[];

  constructor(source: () => readonly Finding[]) {
    this.#source = source;
  }

  get findings(): readonly Finding[] {
    return this.#source();
  }

  ruleOptions = $derived([...new Set(this.findings.map((f) => f.rule))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  kindOptions = $derived([...new Set(this.findings.map((f) => f.subjectKind))]);
  listed = $derived(filterFindings(this.findings, { query: this.query, severity: this.severity, rule: this.rule, kind: this.kind }));
  sections = $derived(groupFindings(this.listed, this.groupBy, this.limit));
  shown = $derived(Math.min(this.limit, this.listed.length));
  filtered = $derived(this.query.trim() !== '' || this.severity !== 'all' || this.rule !== 'all' || this.kind !== 'all');

  /** A filter changed: start again at the first page. */
  firstPage(): void {
    this.limit = PAGE;
  }

  more(): void {
    this.limit += PAGE;
  }

  clear(): void {
    this.query = '';
    this.severity = 'all';
    this.rule = 'all';
    this.kind = 'all';
    this.limit = PAGE;
  }
}
