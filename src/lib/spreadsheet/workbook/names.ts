/** Sheet names and column headers of the plan workbook, shared by the writer and the reader. */

export const WORKBOOK_FORMAT = 'shared-calling-planner/workbook';
/**
 * 2: words instead of codes (number kinds, licences, rule fields, statuses), the planner's ids in
 * columns at the right, the hidden "_names" sheet, a Sizing sheet. Version 1 workbooks still read:
 * columns are found by their header and codes are taken as well as words.
 */
export const WORKBOOK_VERSION = 2;

export const SHEET = {
  about: 'About',
  plan: 'Plan',
  users: 'Users',
  sites: 'Sites',
  numbers: 'Numbers',
  resourceAccounts: 'Resource accounts',
  autoAttendants: 'Auto attendants',
  dialScope: 'Dial scope groups',
  scPolicies: 'Shared Calling policies',
  sizing: 'Sizing',
  emergency: 'Emergency routing',
  emergencyNumbers: 'Emergency numbers',
  voiceRouting: 'Voice routing',
  rules: 'Assignment rules',
  checklist: 'Checklist',
  verification: 'Verification',
  importMapping: 'Import mapping',
  findings: 'Findings',
  exact: '_exact',
  written: '_names',
} as const;

/** Plan sheet: "Field" | "Value" rows. Labels are the keys; keep them stable. */
export const PLAN_FIELD = {
  format: 'Format',
  version: 'Format version',
  id: 'Plan id',
  name: 'Plan name',
  tenantDomain: 'Tenant domain',
  notes: 'Notes',
  createdAt: 'Created',
  updatedAt: 'Updated',
  globalVr: 'Global voice routing policy has PSTN usages (yes/no/unknown)',
  siteEcrp: 'Emergency policies assigned to network sites',
  tagCallbackNumbers: 'Tag callback numbers in the tenant',
} as const;

/** Sizing fields, in the order shown; the same labels are used on the policy sheet. */
export const SIZING_LABEL = {
  mode: 'Sizing: mode (rate/direct)',
  callsPer1000UsersPerYear: 'Sizing: calls per 1,000 users per year',
  busyHourFactor: 'Sizing: busy-hour factor',
  callsPerHour: 'Sizing: calls per hour',
  reservationMinutes: 'Sizing: reservation minutes',
  includeCallDuration: 'Sizing: include call duration',
  meanCallMinutes: 'Sizing: mean call minutes',
  testCallsPerHour: 'Sizing: test calls per hour',
  target: 'Sizing: target probability',
  incidentFloor: 'Sizing: incident floor',
  model: 'Sizing: model (poisson/erlang-b)',
} as const;

/** Words in the workbook for the model's codes; the reader takes either the words or the code. */
export const NUMBER_KIND_WORDS = {
  callingPlanSubscriber: 'Calling Plan subscriber number',
  callingPlanService: 'Calling Plan service number',
  callingPlanTollFreeService: 'Calling Plan toll-free service number',
  operatorConnect: 'Operator Connect number',
  directRouting: 'Direct Routing number',
} as const;

export const LICENCE_WORDS = {
  teamsPhoneResourceAccount: 'Teams Phone Resource Account',
  teamsPhoneStandard: 'Teams Phone Standard',
  none: 'None',
} as const;

/** RA9: how the Calling Plan subscription is billed (a MOSA bill needs Communications Credits). */
export const BILLING_WORDS = {
  payAsYouGo: 'Pay-as-you-go allowed',
  mosa: 'MOSA (needs Communications Credits)',
  unknown: 'Not known',
} as const;

/** §3.14: how a Shared Calling policy reaches its users. */
export const ASSIGNMENT_WORDS = {
  perUser: 'Per user',
  group: 'Entra group',
} as const;

/** Code of a cell that holds either the words or the code itself (any case); the text itself otherwise. */
export function codeOf<K extends string>(words: Readonly<Record<K, string>>, cell: string): K | string {
  const t = cell.trim().toLowerCase();
  for (const [code, word] of Object.entries(words) as [K, string][]) {
    if (t === code.toLowerCase() || t === word.toLowerCase()) return code;
  }
  return cell.trim();
}

/** Verification statuses as the workbook shows them (the Status column of "Verification"). */
export const VERIFICATION_WORDS = { done: 'Deployed', failed: 'Failed', missing: 'Missing' } as const;

/** Object kinds in the hidden "_names" sheet: the name each object had when the workbook was written. */
export const WRITTEN_KIND = {
  site: 'site',
  number: 'number',
  resourceAccount: 'resourceAccount',
  autoAttendant: 'autoAttendant',
  sharedCallingPolicy: 'sharedCallingPolicy',
  emergencyPolicy: 'emergencyPolicy',
  voiceRoutingPolicy: 'voiceRoutingPolicy',
} as const;
