/** Merging duplicate rows of one user: the first row wins, later non-empty values fill gaps. */
import type { ImportedUser } from './types.js';

type OptionalKey = Exclude<keyof ImportedUser, 'upn' | 'row'>;

const KEYS: readonly OptionalKey[] = [
  'displayName',
  'usageLocation',
  'hasTeamsPhone',
  'enterpriseVoiceEnabled',
  'phoneNumber',
  'phoneExtension',
  'firstName',
  'lastName',
  'department',
  'office',
  'city',
  'country',
  'licenses',
  'directoryPhone',
  'sharedCallingPolicy',
  'voiceRoutingPolicy',
  'emergencyPolicy',
  'hiddenFromAddressLists',
];

export function mergeInto(first: ImportedUser, later: ImportedUser): ImportedUser {
  const out: ImportedUser = { ...first };
  for (const k of KEYS) {
    const cur = out[k];
    const next = later[k];
    if ((cur === undefined || cur === '') && next !== undefined && next !== '') {
      // Same key on both sides, so the value type matches; TypeScript cannot correlate them.
      (out as unknown as Record<string, unknown>)[k] = next;
    }
  }
  // A licence seen on any row counts (U1).
  if (later.hasTeamsPhone === true) out.hasTeamsPhone = true;
  return out;
}
