/**
 * Migrations between plan file versions. MIGRATIONS[v] turns a version-v plan body into a
 * version-(v+1) body. Migrations only reshape; the current schema validates afterwards, so a
 * migration may assume little and must never throw on a merely odd file.
 */
import { DEFAULT_SIZING } from '../domain/model.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const boolToTristate = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : 'unknown');

/**
 * Version 1 (the first format) differs from version 2 in that:
 *  - users had `hasTeamsPhone` and `enterpriseVoiceEnabled` as true / false / null (unknown);
 *  - ticked checklist items were a list of keys, `checklistDone: string[]`;
 *  - there were no assignment rules, import mapping, sizing defaults or verification results.
 */
function v1to2(plan: unknown): unknown {
  if (!isObj(plan)) return plan;
  const out: Json = { ...plan };
  if (Array.isArray(plan.users)) {
    out.users = plan.users.map((u: unknown) => {
      if (!isObj(u)) return u;
      const { hasTeamsPhone, enterpriseVoiceEnabled, ...rest } = u;
      return { ...rest, teamsPhone: boolToTristate(hasTeamsPhone), enterpriseVoice: boolToTristate(enterpriseVoiceEnabled) };
    });
  }
  const done = Array.isArray(plan.checklistDone) ? plan.checklistDone : [];
  delete out.checklistDone;
  out.checklist = Object.fromEntries(done.filter((k): k is string => typeof k === 'string' && k !== '__proto__').map((k) => [k, { done: true, note: '' }]));
  out.assignmentRules = [];
  out.importMapping = {};
  out.sizingDefaults = { ...DEFAULT_SIZING };
  out.verification = {};
  return out;
}

/**
 * Version 3 adds fields the newest Microsoft documentation made necessary; their defaults keep an
 * older plan's meaning:
 *  - resource accounts: `callingPlanBilling` 'unknown' (RA9: funding depends on the billing type);
 *  - auto attendants: `operator` '' (none, AA10) and `greeting` '' (the default prompt, AA11);
 *  - users: `hiddenFromAddressLists` false (AA6);
 *  - tenant: `tagCallbackNumbers` false (§3.17, off by default).
 * The same fill-ins upgrade plans stored in the browser (db/database.ts, schema 3).
 */
export function fillV3PlanBody(plan: unknown): unknown {
  if (!isObj(plan)) return plan;
  const out: Json = { ...plan };
  if (isObj(plan.tenant)) out.tenant = { tagCallbackNumbers: false, ...plan.tenant };
  if (Array.isArray(plan.resourceAccounts)) {
    out.resourceAccounts = plan.resourceAccounts.map((r: unknown) => (isObj(r) ? { callingPlanBilling: 'unknown', ...r } : r));
  }
  if (Array.isArray(plan.autoAttendants)) {
    out.autoAttendants = plan.autoAttendants.map((a: unknown) => (isObj(a) ? { operator: '', greeting: '', ...a } : a));
  }
  return out;
}

export function fillV3User(user: unknown): unknown {
  return isObj(user) ? { hiddenFromAddressLists: false, ...user } : user;
}

function v2to3(plan: unknown): unknown {
  const out = fillV3PlanBody(plan);
  if (isObj(out) && Array.isArray(out.users)) out.users = out.users.map(fillV3User);
  return out;
}

export const MIGRATIONS: Record<number, (plan: unknown) => unknown> = {
  1: v1to2,
  2: v2to3,
};
