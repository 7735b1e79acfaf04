/** A finding about a Shared Calling policy. */
import type { SharedCallingPolicy } from '../domain/model.js';
import type { FindingInput } from './finding.js';
import { finding } from './finding.js';
import type { Finding } from './types.js';

export type FindingInputForPolicy = Omit<FindingInput, 'subject' | 'subjectKind' | 'subjectId'>;

export function forPolicy(p: SharedCallingPolicy, f: FindingInputForPolicy): Finding {
  return finding({ ...f, subject: p.name || p.id, subjectKind: 'sharedCallingPolicy', subjectId: p.id });
}
