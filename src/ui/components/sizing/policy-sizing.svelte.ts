/**
 * State of one policy's sizing panel: its inputs (plan defaults or its own), the core's pool
 * status, the numbers "apply" would add, and the edits (each one workspace update, one undo step).
 * Every figure comes from the core (poolStatus, callbackNumbersToAdd, applyRecommendedCallbacks).
 */
import {
  DEFAULT_SIZING,
  applyRecommendedCallbacks,
  callbackNumbersToAdd,
  effectiveSizing,
  planIndex,
  policyUserCounts,
  poolStatus,
  requiredCallbackKind,
  sizingInputProblems,
  type SharedCallingPolicy,
  type SizingInputs,
} from '../../../lib/index.js';
import type { Workspace } from '../../state/workspace.svelte.js';

export class PolicySizingState {
  #ws: () => Workspace;
  #policyId: () => string;
  /** What the last "apply" added, for the live region. */
  announcement = $state('');

  constructor(ws: () => Workspace, policyId: () => string) {
    this.#ws = ws;
    this.#policyId = policyId;
  }

  get plan() {
    return this.#ws().plan;
  }
  get policyId(): string {
    return this.#policyId();
  }
  idx = $derived(planIndex(this.plan));
  policy = $derived(this.idx.sharedCallingPolicies.get(this.policyId));
  users = $derived(policyUserCounts(this.plan).get(this.policyId) ?? 0);
  inputs = $derived<SizingInputs>(this.policy ? effectiveSizing(this.plan, this.policy) : DEFAULT_SIZING);
  problems = $derived(sizingInputProblems(this.inputs));
  /** The core's pool status: the same figures as the EN9 check and the sizing overview. */
  pool = $derived(this.policy ? poolStatus(this.plan, this.policy, this.users) : null);
  /** A field holds an invalid value (issue 14): the last result must not stand in for it. */
  draftInvalid = $state(false);
  sizing = $derived(this.draftInvalid ? null : (this.pool?.sizing ?? null));
  error = $derived(this.pool?.inputError ?? '');
  usesDefaults = $derived(this.policy?.sizing == null);
  overridden = $derived(
    new Set(
      Object.entries(this.policy?.sizing ?? {})
        .filter(([, v]) => v !== undefined)
        .map(([k]) => k as keyof SizingInputs), // keys of Partial<SizingInputs>
    ),
  );
  /** Distinct callback numbers that exist in the inventory (what the EN9 check counts). */
  current = $derived(this.pool?.configured ?? 0);
  recommended = $derived(this.sizing ? (this.pool?.recommended ?? 0) : 0);
  short = $derived(this.sizing ? (this.pool?.short ?? 0) : 0);
  toAdd = $derived(this.policy && this.sizing ? callbackNumbersToAdd(this.plan, this.policy, this.sizing.recommended) : []);
  stillMissing = $derived(Math.max(0, this.short - this.toAdd.length));
  ra = $derived(this.policy?.resourceAccountId ? this.idx.resourceAccounts.get(this.policy.resourceAccountId) : undefined);
  raNumber = $derived(this.ra?.numberId ? this.idx.numbers.get(this.ra.numberId) : undefined);
  neededKind = $derived(this.raNumber ? requiredCallbackKind(this.raNumber.kind) : null);
  modelName = $derived(this.inputs.model === 'erlang-b' ? 'Erlang B' : 'Poisson upper bound');

  rowAt(n: number) {
    return this.sizing?.rows.find((r) => r.n === n);
  }

  #updatePolicy(label: string, fn: (p: SharedCallingPolicy) => SharedCallingPolicy) {
    const id = this.#policyId();
    this.#ws().update(label, (pl) => ({ ...pl, sharedCallingPolicies: pl.sharedCallingPolicies.map((p) => (p.id === id ? fn(p) : p)) }));
  }

  change(patch: Partial<SizingInputs>) {
    this.#updatePolicy(`sizing of ${this.policy?.name ?? 'policy'}`, (p) => ({ ...p, sizing: { ...(p.sizing ?? {}), ...patch } }));
  }

  reset(field: keyof SizingInputs) {
    this.#updatePolicy(`sizing of ${this.policy?.name ?? 'policy'}`, (p) => {
      const next: Partial<SizingInputs> = { ...(p.sizing ?? {}) };
      delete next[field];
      return { ...p, sizing: next };
    });
  }

  /** Custom starts from the plan defaults with nothing overridden; back to defaults drops the overrides. */
  setUseDefaults(useDefaults: boolean) {
    const name = this.policy?.name ?? 'policy';
    this.#updatePolicy(useDefaults ? `plan sizing defaults for ${name}` : `own sizing for ${name}`, (p) => ({
      ...p,
      sizing: useDefaults ? null : { ...(p.sizing ?? {}) },
    }));
  }

  /** Add qualifying callback numbers up to the recommendation (the core picks them). */
  apply() {
    const wanted = this.recommended;
    const id = this.#policyId();
    let added: string[] = [];
    this.#ws().update(`add callback numbers to ${this.policy?.name ?? 'policy'}`, (pl) => {
      const out = applyRecommendedCallbacks(pl, id, wanted);
      added = out.added;
      return out.plan;
    });
    this.announcement = added.length ? `Added ${added.join(', ')} to the callback numbers of ${this.policy?.name ?? 'the policy'}.` : '';
  }
}
