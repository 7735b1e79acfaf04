/**
 * The plan model: everything a Shared Calling design needs (shared-calling.md §2 and §9).
 *
 * Plans are treated as immutable values: every edit returns a new plan that shares unchanged
 * objects with the old one. That gives cheap undo/redo, cheap change detection for saving
 * (compare references), and lets Svelte hold a 100,000-user plan in `$state.raw`.
 */

/** Stable identifier of an object inside a plan. */
export type Id = string;

/** A phone number in E.164 form (`+` and 8–15 digits), validated once at the edge (see phone.ts). */
export type E164 = string & { readonly __brand: 'E164' };

/** ISO 3166-1 alpha-2 country code, upper case. */
export type CountryCode = string;

/**
 * Number kinds a Shared Calling design deals with (RA1, RA4, EN3, EN4).
 * Calling Plan *service* numbers (toll or toll-free) go on resource accounts; Calling Plan
 * *subscriber* numbers are user numbers and the only valid callback numbers behind a CP service
 * number (EN3).
 */
export type NumberKind = 'callingPlanSubscriber' | 'callingPlanService' | 'callingPlanTollFreeService' | 'operatorConnect' | 'directRouting';

export const NUMBER_KINDS: readonly NumberKind[] = [
  'callingPlanSubscriber',
  'callingPlanService',
  'callingPlanTollFreeService',
  'operatorConnect',
  'directRouting',
];

/** The `-NumberType` value of Set-CsPhoneNumberAssignment for each kind (§3.7). */
export type TeamsNumberType = 'CallingPlan' | 'OperatorConnect' | 'DirectRouting';

/** What a number is used for. Derived from references (see usage.ts), never stored. */
export type NumberUse = 'free' | 'resourceAccount' | 'callback' | 'user';

export interface EmergencyAddress {
  /** Street and house number as the civic address holds it. */
  street: string;
  city: string;
  postalCode: string;
  /** State, province or county; may be empty. */
  region: string;
}

export interface Site {
  id: Id;
  name: string;
  country: CountryCode;
  address: EmergencyAddress;
  /**
   * The LIS location GUID (`Get-CsOnlineLisLocation` / a civic address's DefaultLocationId) to pin on
   * the resource account's number (RA8). Empty when not known yet.
   */
  lisLocationId: string;
  /** Inside North America (US, CA): no carrier emergency database upload is needed (E6). */
  northAmerica: boolean;
  /** Extension range for dial-by-extension (V3); null when the site does not use extensions. */
  extensionRange: { from: number; to: number } | null;
}

export interface PhoneNumber {
  id: Id;
  e164: E164;
  kind: NumberKind;
  country: CountryCode;
  siteId: Id | null;
  /** Operator name for Operator Connect numbers; empty otherwise. */
  operator: string;
  /** Free text shown beside the number (for example "main line"). */
  note: string;
}

/** Billing of the Calling Plan subscription behind a CP service number (RA9). */
export type CallingPlanBilling = 'payAsYouGo' | 'mosa' | 'unknown';

export const CALLING_PLAN_BILLINGS: readonly CallingPlanBilling[] = ['payAsYouGo', 'mosa', 'unknown'];

/** Licence on a resource account (RA2). */
export type ResourceAccountLicence = 'teamsPhoneResourceAccount' | 'teamsPhoneStandard' | 'none';

export interface ResourceAccount {
  id: Id;
  upn: string;
  displayName: string;
  /** The number the account carries (RA1); null = none yet. */
  numberId: Id | null;
  licence: ResourceAccountLicence;
  /** Pay-as-you-go Calling Plan licence assigned (RA9; only matters for CP service numbers). */
  payAsYouGoCallingPlan: boolean;
  /**
   * How the tenant's Calling Plan subscription is billed, which decides how a CP service number's
   * calls are funded (RA9, 09/17/2024): 'payAsYouGo' = pay-as-you-go minutes (post-pay); 'mosa' =
   * Microsoft Online Subscription Agreement billing, which needs Communications Credits with a
   * funded balance; 'unknown' = not asked yet. Only matters for Calling Plan service numbers.
   */
  callingPlanBilling: CallingPlanBilling;
  /** Voice routing policy with PSTN usages, needed for a Direct Routing number (RA11). */
  voiceRoutingPolicyId: Id | null;
}

/**
 * An Entra group used in an auto attendant's dial scope (AA2). The planner cannot see group
 * membership, so each group says which of the plan's users it is expected to contain.
 */
export interface DialScopeGroup {
  name: string;
  /** Entra object id; empty = look up by name at run time. */
  objectId: string;
  /** The group is expected to contain the users of these sites. */
  siteIds: Id[];
}

export interface AutoAttendant {
  id: Id;
  name: string;
  /** Language tag, e.g. `en-US` (`-LanguageId`). */
  languageId: string;
  /** Windows time zone id, e.g. `Pacific Standard Time` (`-TimeZoneId`). */
  timeZoneId: string;
  /** Inclusion scope groups; empty = everyone in the directory is reachable (AA2). */
  dialScopeGroups: DialScopeGroup[];
  dialByName: boolean;
  dialByExtension: boolean;
  /** The resource account this auto attendant answers for (AA4). */
  resourceAccountId: Id | null;
  /**
   * Operator (`-Operator`): the UPN of the person calls go to on a configuration error or when the
   * caller makes no choice; empty = none, and then the auto attendant drops those calls (AA10).
   */
  operator: string;
  /** Text-to-speech greeting of the directory menu; empty = the planner's default prompt (AA11: ≤ 1,000 characters). */
  greeting: string;
}

/** Inputs for sizing a policy's emergency callback number pool (shared-calling.md §7). */
export interface SizingInputs {
  /** 'rate': from calls per 1,000 users per year; 'direct': expected emergency calls in one hour. */
  mode: 'rate' | 'direct';
  callsPer1000UsersPerYear: number;
  /** Busy-hour factor applied to the average hourly rate (§7.4.2). */
  busyHourFactor: number;
  /** Used when mode = 'direct': expected emergency calls within one hour (the concurrent-call estimate). */
  callsPerHour: number;
  /** Reservation time in minutes (EN9: 60). */
  reservationMinutes: number;
  /** Add the mean call duration to the reservation (§7.5). */
  includeCallDuration: boolean;
  meanCallMinutes: number;
  /** Expected test calls (e.g. to 933) per hour; planned as if they reserve a number (§7.4.2). */
  testCallsPerHour: number;
  /** Acceptable probability that an emergency call finds no free number. */
  target: number;
  /** People who may call within one hour during one incident (§7.4.4). */
  incidentFloor: number;
  model: 'poisson' | 'erlang-b';
}

export interface SharedCallingPolicy {
  id: Id;
  /** Policy identity; kept by the service as `Tag:<name>` (§3.6). */
  name: string;
  description: string;
  resourceAccountId: Id | null;
  /** Ordered emergency callback numbers (EN9: the next free one is used). */
  callbackNumberIds: Id[];
  /** Per-policy overrides of the plan's sizing defaults; null = use the defaults. */
  sizing: Partial<SizingInputs> | null;
}

export interface EmergencyNumberEntry {
  /** e.g. 911, 933, 112, 999, 000 */
  dialString: string;
  /** Semicolon-separated list of 1–10 digit strings; may be empty. */
  dialMask: string;
  /** Online PSTN usage: required for Direct Routing, absent for CP/OC (E2). Empty = none. */
  pstnUsage: string;
}

export interface EmergencyCallRoutingPolicy {
  id: Id;
  name: string;
  description: string;
  /** `-AllowEnhancedEmergencyServices` (dynamic emergency calling). */
  dynamicEmergencyCalling: boolean;
  numbers: EmergencyNumberEntry[];
}

export interface VoiceRoutingPolicy {
  id: Id;
  name: string;
  description: string;
  /** Online PSTN usages. Users must get a policy without any (VR1); DR resource accounts one with (RA11). */
  pstnUsages: string[];
}

/** Licence state is often unknown: a list without a licence column proves nothing (U1). */
export type Tristate = 'yes' | 'no' | 'unknown';

export interface UserSource {
  file: string;
  /** 1-based sheet row. */
  row: number;
}

export interface User {
  /** User principal name; compared case-insensitively (see userKey). */
  upn: string;
  displayName: string;
  /** ISO country code or empty. */
  usageLocation: string;
  department: string;
  /** Office / location text from the source list. */
  office: string;
  siteId: Id | null;
  /** Teams Phone licence (U1, U3). */
  teamsPhone: Tristate;
  /** Enterprise Voice enabled today (V1). */
  enterpriseVoice: Tristate;
  /** Number the user holds today, E.164 possibly with `;ext=` (V2, V3); empty = none. */
  currentNumber: string;
  sharedCallingPolicyId: Id | null;
  emergencyPolicyId: Id | null;
  voiceRoutingPolicyId: Id | null;
  /** Planned extension for dial-by-extension (V3); empty = none. */
  extension: string;
  /** Hidden from address lists (`HiddenFromAddressListsEnabled`): never found by auto attendant search (AA6). */
  hiddenFromAddressLists: boolean;
  source: UserSource | null;
}

export type RuleField = 'siteId' | 'department' | 'office' | 'usageLocation' | 'upnDomain';

/** An ordered assignment rule (issue: rule-based assignment). Later rules win over earlier ones. */
export interface AssignmentRule {
  id: Id;
  enabled: boolean;
  field: RuleField;
  operator: 'is' | 'isOneOf' | 'contains' | 'startsWith';
  values: string[];
  assign: {
    siteId?: Id;
    sharedCallingPolicyId?: Id;
    emergencyPolicyId?: Id;
    voiceRoutingPolicyId?: Id;
  };
}

/** A tick box for a fact no file can prove (licences bought, PAYG funded, carrier upload …). */
export interface ChecklistEntry {
  done: boolean;
  note: string;
}

/** Result of the verification report read back from a tenant. */
export interface VerificationEntry {
  status: 'done' | 'failed' | 'missing';
  detail: string;
  /** ISO timestamp of the report. */
  at: string;
  /**
   * Fingerprint of the planned object when the report was read (src/lib/status/fingerprint.ts);
   * when the object changes afterwards its deployment state is stale. '' or absent: not known
   * (reports read before fingerprints existed).
   */
  basis?: string;
}

export interface TenantSettings {
  /** Whether the tenant's Global voice routing policy has PSTN usages (VR1); 'unknown' = assume yes. */
  globalVoiceRoutingHasUsages: Tristate;
  /** Emergency call routing policies are assigned to network sites (E3, E4). */
  siteAssignedEmergencyPolicies: boolean;
  /**
   * Tag each policy's callback numbers in the tenant with Set-CsPhoneNumberTag (§3.17), so admins
   * can find them later. Off by default; needs MicrosoftTeams 7.1.0 (R8).
   */
  tagCallbackNumbers: boolean;
}

export interface Plan {
  id: Id;
  name: string;
  tenantDomain: string;
  notes: string;
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  tenant: TenantSettings;
  sites: Site[];
  numbers: PhoneNumber[];
  resourceAccounts: ResourceAccount[];
  autoAttendants: AutoAttendant[];
  sharedCallingPolicies: SharedCallingPolicy[];
  emergencyPolicies: EmergencyCallRoutingPolicy[];
  voiceRoutingPolicies: VoiceRoutingPolicy[];
  users: User[];
  assignmentRules: AssignmentRule[];
  /** Keyed by finding key, e.g. `RA9:ra-seattle`. */
  checklist: Record<string, ChecklistEntry>;
  /** Column mapping remembered from the last import: source header → user field. */
  importMapping: Record<string, string>;
  sizingDefaults: SizingInputs;
  /** Keyed by subject key, e.g. `user:alex@contoso.com`. */
  verification: Record<string, VerificationEntry>;
}

/** Case-insensitive identity of a user inside a plan. */
export function userKey(upn: string): string {
  return upn.trim().toLowerCase();
}

export const DEFAULT_SIZING: SizingInputs = {
  mode: 'rate',
  // Illustrative default, not a measured figure (§7.3): the admin should enter their own.
  callsPer1000UsersPerYear: 50,
  busyHourFactor: 3,
  callsPerHour: 0.1,
  reservationMinutes: 60,
  includeCallDuration: false,
  meanCallMinutes: 15,
  testCallsPerHour: 0,
  target: 0.001,
  incidentFloor: 1,
  model: 'poisson',
};

/** Map a planner number kind to the Teams `-NumberType` (§3.7). */
export function teamsNumberType(kind: NumberKind): TeamsNumberType {
  switch (kind) {
    case 'operatorConnect':
      return 'OperatorConnect';
    case 'directRouting':
      return 'DirectRouting';
    default:
      return 'CallingPlan';
  }
}

export const NUMBER_KIND_LABEL: Record<NumberKind, string> = {
  callingPlanSubscriber: 'Calling Plan subscriber',
  callingPlanService: 'Calling Plan service',
  callingPlanTollFreeService: 'Calling Plan toll-free service',
  operatorConnect: 'Operator Connect',
  directRouting: 'Direct Routing',
};

/** A new, empty plan. */
export function createEmptyPlan(id: Id, name: string, now: string): Plan {
  return {
    id,
    name,
    tenantDomain: '',
    notes: '',
    createdAt: now,
    updatedAt: now,
    tenant: { globalVoiceRoutingHasUsages: 'unknown', siteAssignedEmergencyPolicies: false, tagCallbackNumbers: false },
    sites: [],
    numbers: [],
    resourceAccounts: [],
    autoAttendants: [],
    sharedCallingPolicies: [],
    emergencyPolicies: [],
    voiceRoutingPolicies: [],
    users: [],
    assignmentRules: [],
    checklist: {},
    importMapping: {},
    sizingDefaults: { ...DEFAULT_SIZING },
    verification: {},
  };
}

/** A blank user with only the identity filled in. */
export function blankUser(upn: string, displayName: string): User {
  return {
    upn,
    displayName,
    usageLocation: '',
    department: '',
    office: '',
    siteId: null,
    teamsPhone: 'unknown',
    enterpriseVoice: 'unknown',
    currentNumber: '',
    sharedCallingPolicyId: null,
    emergencyPolicyId: null,
    voiceRoutingPolicyId: null,
    extension: '',
    hiddenFromAddressLists: false,
    source: null,
  };
}
