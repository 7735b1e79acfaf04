/**
 * The one pool status of a policy's emergency callback numbers (EN9/EN10, §7): what it has, what
 * the sizing model recommends, and whether that is enough. The EN9 check, the sizing panel of a
 * policy and the sizing overview all read this; none counts the pool or compares on its own.
 */
import type { Plan, SharedCallingPolicy } from '../domain/model.js';
import { planIndex } from '../domain/lookup.js';
import { sizingInputProblems } from './inputs.js';
import { effectiveSizing, recommendPoolSize } from './plan.js';
import { sizePolicy, type PolicySizing } from './policy.js';

export type PoolState = 'enough' | 'short' | 'empty' | 'no-users' | 'check-inputs';

export interface PoolStatus {
  users: number;
  /** Distinct callback numbers of the policy that exist in the inventory. */
  configured: number;
  /**
   * Recommended pool size. With unusable inputs the check still sizes with the defaults for those
   * fields (see recommendPoolSize); the panels then say "check the inputs" instead.
   */
  recommended: number;
  short: number;
  /** The full sizing table, or null when the inputs are unusable (or the load exceeds MAX_LOAD). */
  sizing: PolicySizing | null;
  /** Why there is no sizing table ('' when there is one). */
  inputError: string;
  state: PoolState;
}

export function poolStatus(plan: Plan, policy: SharedCallingPolicy, users: number): PoolStatus {
  const numbers = planIndex(plan).numbers;
  const configured = new Set(policy.callbackNumberIds.filter((id) => numbers.has(id))).size;
  const inputs = effectiveSizing(plan, policy);
  const problems = sizingInputProblems(inputs);
  let sizing: PolicySizing | null = null;
  let inputError = problems.map((p) => p.message).join(' ');
  if (problems.length === 0) {
    try {
      sizing = sizePolicy(inputs, users);
    } catch (err) {
      // Only a load above MAX_LOAD gets here: the inputs passed sizingInputProblems.
      inputError = err instanceof Error ? err.message : String(err);
    }
  }
  const recommended = sizing ? sizing.recommended : recommendPoolSize(plan, policy, users);
  const short = Math.max(0, recommended - configured);
  const state: PoolState = !sizing ? 'check-inputs' : short === 0 ? 'enough' : users === 0 ? 'no-users' : configured === 0 ? 'empty' : 'short';
  return { users, configured, recommended, short, sizing, inputError, state };
}
