/** Sheet names and column headers of the plan workbook, shared by the writer and the reader. */

export const WORKBOOK_FORMAT = 'shared-calling-planner/workbook';
export const WORKBOOK_VERSION = 1;

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
  emergency: 'Emergency routing',
  emergencyNumbers: 'Emergency numbers',
  voiceRouting: 'Voice routing',
  rules: 'Assignment rules',
  checklist: 'Checklist',
  verification: 'Verification',
  importMapping: 'Import mapping',
  findings: 'Findings',
  exact: '_exact',
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
