/** The strict shape of a current (version 4) plan. */
import type {
  AssignmentRule,
  AutoAttendant,
  ChecklistEntry,
  DialScopeGroup,
  E164,
  EmergencyCallRoutingPolicy,
  EmergencyNumberEntry,
  Plan,
  PhoneNumber,
  PolicyAssignmentMethod,
  PolicyGroup,
  ResourceAccount,
  SharedCallingPolicy,
  Site,
  SizingInputs,
  TenantSettings,
  User,
  VerificationEntry,
  VoiceRoutingPolicy,
} from '../domain/model.js';
import { CALLING_PLAN_BILLINGS, NUMBER_KINDS, DEFAULT_SIZING } from '../domain/model.js';
import { arr, bool, nullable, num, obj, oneOf, partial, record, str, type Check } from './validate.js';
import { PlanFileError } from './validate.js';

const E164_RE = /^\+[1-9]\d{6,14}$/;
const e164: Check<E164> = (v, path) => {
  const s = str(20)(v, path);
  if (!E164_RE.test(s)) throw new PlanFileError(`This is not a valid plan file: ${path} is not an E.164 number ("${s.slice(0, 20)}").`);
  return s as E164;
};
const id = str(200);
const text = str(10_000);
const tristate = oneOf(['yes', 'no', 'unknown'] as const);

const site = obj<Site>({
  id,
  name: text,
  country: str(2),
  address: obj({ street: text, city: text, postalCode: text, region: text }),
  lisLocationId: str(100),
  northAmerica: bool,
  extensionRange: nullable(obj({ from: num(0, 1e9), to: num(0, 1e9) })),
});

const phoneNumber = obj<PhoneNumber>({
  id,
  e164,
  kind: oneOf(NUMBER_KINDS),
  country: str(2),
  siteId: nullable(id),
  operator: text,
  note: text,
  existing: bool,
});

const resourceAccount = obj<ResourceAccount>({
  id,
  upn: text,
  displayName: text,
  numberId: nullable(id),
  licence: oneOf(['teamsPhoneResourceAccount', 'teamsPhoneStandard', 'none'] as const),
  payAsYouGoCallingPlan: bool,
  callingPlanBilling: oneOf(CALLING_PLAN_BILLINGS),
  voiceRoutingPolicyId: nullable(id),
  existing: bool,
});

const dialScopeGroup = obj<DialScopeGroup>({ name: text, objectId: str(100), siteIds: arr(id) });

const autoAttendant = obj<AutoAttendant>({
  id,
  name: text,
  languageId: str(50),
  timeZoneId: str(100),
  dialScopeGroups: arr(dialScopeGroup),
  dialByName: bool,
  dialByExtension: bool,
  resourceAccountId: nullable(id),
  operator: str(300),
  greeting: text,
  existing: bool,
});

const sizingFields = {
  mode: oneOf(['rate', 'direct'] as const),
  callsPer1000UsersPerYear: num(0, 1e9),
  busyHourFactor: num(0, 1e6),
  callsPerHour: num(0, 1e7),
  reservationMinutes: num(0, 1e6),
  includeCallDuration: bool,
  meanCallMinutes: num(0, 1e6),
  testCallsPerHour: num(0, 1e7),
  target: num(0, 1),
  incidentFloor: num(0, 1e7),
  model: oneOf(['poisson', 'erlang-b'] as const),
};
const sizing = obj<SizingInputs>(sizingFields, DEFAULT_SIZING);

const policyGroup = obj<PolicyGroup>({
  name: text,
  objectId: str(100),
  rank: num(1, 64),
  existing: bool,
  hiddenMembership: bool,
  nestedGroups: bool,
});
const perUser = obj<{ method: 'perUser' }>({ method: oneOf(['perUser'] as const) });
const byGroup = obj<{ method: 'group'; group: PolicyGroup }>({ method: oneOf(['group'] as const), group: policyGroup });
/** §3.14: `{ method: 'perUser' }` or `{ method: 'group', group }`. */
const assignmentMethod: Check<PolicyAssignmentMethod> = (v, path) => {
  const method = typeof v === 'object' && v !== null ? (v as { method?: unknown }).method : undefined;
  return method === 'group' ? byGroup(v, path) : perUser(v, path);
};

const scPolicy = obj<SharedCallingPolicy>({
  id,
  name: text,
  description: text,
  resourceAccountId: nullable(id),
  callbackNumberIds: arr(id),
  sizing: nullable(partial<SizingInputs>(sizingFields)),
  assignment: assignmentMethod,
  existing: bool,
});

const emergencyNumber = obj<EmergencyNumberEntry>({ dialString: str(50), dialMask: str(500), pstnUsage: text });

const emergencyPolicy = obj<EmergencyCallRoutingPolicy>({
  id,
  name: text,
  description: text,
  dynamicEmergencyCalling: bool,
  numbers: arr(emergencyNumber),
  existing: bool,
});

const voiceRoutingPolicy = obj<VoiceRoutingPolicy>({ id, name: text, description: text, pstnUsages: arr(text), existing: bool });

export const userShape = obj<User>({
  upn: text,
  displayName: text,
  usageLocation: str(10),
  department: text,
  office: text,
  siteId: nullable(id),
  teamsPhone: tristate,
  enterpriseVoice: tristate,
  currentNumber: str(100),
  sharedCallingPolicyId: nullable(id),
  emergencyPolicyId: nullable(id),
  voiceRoutingPolicyId: nullable(id),
  extension: str(20),
  hiddenFromAddressLists: bool,
  excludedReason: str(500),
  source: nullable(obj({ file: text, row: num(0, 1e9) })),
});

const rule = obj<AssignmentRule>({
  id,
  enabled: bool,
  field: oneOf(['siteId', 'department', 'office', 'usageLocation', 'upnDomain'] as const),
  operator: oneOf(['is', 'isOneOf', 'contains', 'startsWith'] as const),
  values: arr(text),
  assign: partial({
    siteId: id,
    sharedCallingPolicyId: id,
    emergencyPolicyId: id,
    voiceRoutingPolicyId: id,
  }),
});

const checklistEntry = obj<ChecklistEntry>({ done: bool, note: text });
const verificationFields = obj<Omit<VerificationEntry, 'basis'>>({
  status: oneOf(['done', 'failed', 'missing'] as const),
  detail: text,
  at: str(40),
});
const basis = str(64);
/** A verification result; `basis` (the verified object's fingerprint) is optional: older files have none. */
const verificationEntry: Check<VerificationEntry> = (v, path) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, 'basis')) return verificationFields(v, path);
  const { basis: b, ...rest } = v as Record<string, unknown>;
  const entry = verificationFields(rest, path);
  const checked = basis(b, `${path}.basis`);
  return checked === '' ? entry : { ...entry, basis: checked };
};

const tenant = obj<TenantSettings>({ globalVoiceRoutingHasUsages: tristate, siteAssignedEmergencyPolicies: bool, tagCallbackNumbers: bool });

export const planShape: Check<Plan> = obj<Plan>({
  id,
  name: text,
  tenantDomain: str(300),
  notes: str(1_000_000),
  createdAt: str(40),
  updatedAt: str(40),
  tenant,
  sites: arr(site),
  numbers: arr(phoneNumber),
  resourceAccounts: arr(resourceAccount),
  autoAttendants: arr(autoAttendant),
  sharedCallingPolicies: arr(scPolicy),
  emergencyPolicies: arr(emergencyPolicy),
  voiceRoutingPolicies: arr(voiceRoutingPolicy),
  users: arr(userShape),
  assignmentRules: arr(rule),
  checklist: record(checklistEntry),
  importMapping: record(str(200)),
  sizingDefaults: sizing,
  verification: record(verificationEntry),
});

/** The shape of each object kind, for checking one spreadsheet row at a time (plan workbook). */
export const OBJECT_SHAPES = {
  site,
  phoneNumber,
  resourceAccount,
  autoAttendant,
  sharedCallingPolicy: scPolicy,
  emergencyPolicy,
  emergencyNumber,
  voiceRoutingPolicy,
  user: userShape,
  assignmentRule: rule,
  dialScopeGroup,
  checklistEntry,
  verificationEntry,
} as const;
