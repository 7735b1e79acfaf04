/**
 * Render the data section: `$Plan = @{ … }`, a hashtable of arrays of hashtables whose every plan
 * value is a single-quoted literal from `psQuote`. Keys, `$true`/`$false` and integers are chosen by
 * the generator, never taken from the plan. The fixed code of each stage loops over this data, so
 * plan content cannot change which commands run.
 */
import { psQuote } from './quote.js';
import type { ScriptData } from './script-data.js';
import { SharedText, type Segment } from './encode.js';

/** Parts of the data a stage can ask for (each stage embeds only what it reads). */
export type DataPart = 'sites' | 'resourceAccounts' | 'autoAttendants' | 'voiceRoutingPolicies' | 'emergencyPolicies' | 'sharedCallingPolicies' | 'users';

const q = psQuote;
const bool = (b: boolean): string => (b ? '$true' : '$false');
function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
}
const list = (values: readonly string[]): string => (values.length === 0 ? '@()' : `@(${values.map(q).join(', ')})`);
/** One-line hashtable; keys are fixed identifiers, values already rendered. */
const hash = (entries: readonly (readonly [string, string])[]): string => `@{ ${entries.map(([k, v]) => `${k} = ${v}`).join('; ')} }`;

function block(name: string, lines: string[]): string[] {
  if (lines.length === 0) return [`    ${name} = @()`];
  return [`    ${name} = @(`, ...lines.map((l) => `        ${l}`), '    )'];
}

const renderers: Record<Exclude<DataPart, 'users'>, (d: ScriptData) => string[]> = {
  sites: (d) =>
    block(
      'Sites',
      d.sites.map((s) =>
        hash([
          ['Id', q(s.id)],
          ['Name', q(s.name)],
          ['LocationId', q(s.locationId)],
        ]),
      ),
    ),
  resourceAccounts: (d) =>
    block(
      'ResourceAccounts',
      d.resourceAccounts.map((r) =>
        hash([
          ['Id', q(r.id)],
          ['Upn', q(r.upn)],
          ['DisplayName', q(r.displayName)],
          ['PhoneNumber', q(r.phoneNumber)],
          ['NumberType', q(r.numberType)],
          ['LocationId', q(r.locationId)],
          ['UsageLocation', q(r.usageLocation)],
          ['Licence', q(r.licence)],
          ['PayAsYouGo', bool(r.payAsYouGo)],
          ['CallingPlanBilling', q(r.callingPlanBilling)],
          ['VoiceRoutingPolicy', q(r.voiceRoutingPolicy)],
        ]),
      ),
    ),
  autoAttendants: (d) =>
    block(
      'AutoAttendants',
      d.autoAttendants.map((a) =>
        hash([
          ['Id', q(a.id)],
          ['Name', q(a.name)],
          ['LanguageId', q(a.languageId)],
          ['TimeZoneId', q(a.timeZoneId)],
          ['DialByName', bool(a.dialByName)],
          ['DialByExtension', bool(a.dialByExtension)],
          ['ResourceAccountUpn', q(a.resourceAccountUpn)],
          ['Greeting', q(a.greeting)],
          [
            'Groups',
            a.groups.length === 0
              ? '@()'
              : `@(${a.groups
                  .map((g) =>
                    hash([
                      ['Name', q(g.name)],
                      ['ObjectId', q(g.objectId)],
                    ]),
                  )
                  .join(', ')})`,
          ],
        ]),
      ),
    ),
  voiceRoutingPolicies: (d) =>
    block(
      'VoiceRoutingPolicies',
      d.voiceRoutingPolicies.map((p) =>
        hash([
          ['Id', q(p.id)],
          ['Name', q(p.name)],
          ['Description', q(p.description)],
          ['PstnUsages', list(p.pstnUsages)],
        ]),
      ),
    ),
  emergencyPolicies: (d) =>
    block(
      'EmergencyPolicies',
      d.emergencyPolicies.map((p) =>
        hash([
          ['Id', q(p.id)],
          ['Name', q(p.name)],
          ['Description', q(p.description)],
          ['Dynamic', bool(p.dynamic)],
          [
            'Numbers',
            p.numbers.length === 0
              ? '@()'
              : `@(${p.numbers
                  .map((n) =>
                    hash([
                      ['DialString', q(n.dialString)],
                      ['DialMask', q(n.dialMask)],
                      ['PstnUsage', q(n.pstnUsage)],
                    ]),
                  )
                  .join(', ')})`,
          ],
        ]),
      ),
    ),
  sharedCallingPolicies: (d) =>
    block(
      'SharedCallingPolicies',
      d.sharedCallingPolicies.map((p) =>
        hash([
          ['Id', q(p.id)],
          ['Name', q(p.name)],
          ['Description', q(p.description)],
          ['ResourceAccountUpn', q(p.resourceAccountUpn)],
          ['CallbackNumbers', list(p.callbackNumbers)],
        ]),
      ),
    ),
};

/** Users per piece of the rendered users block: a few hundred KB of text each. */
const USERS_PER_PIECE = 1000;

/**
 * The users block, as `block('Users', …)` would render it, with CRLF line ends. Users can number
 * 100,000 (25 MB of text): one template per line, written straight with its indent and line end,
 * and joined a piece at a time, so no 100,000-item arrays or 25 MB string are built.
 */
function renderUsers(d: ScriptData): string[] {
  const users = d.users;
  if (users.length === 0) return ['    Users = @()\r\n'];
  const pieces = ['    Users = @(\r\n'];
  for (let start = 0; start < users.length; start += USERS_PER_PIECE) {
    const end = Math.min(users.length, start + USERS_PER_PIECE);
    const lines = new Array<string>(end - start);
    for (let i = start; i < end; i++) {
      const u = users[i]!;
      lines[i - start] =
        `        @{ Key = ${q(u.key)}; Upn = ${q(u.upn)}; SharedCallingPolicy = ${q(u.sharedCallingPolicy)}; ` +
        `EmergencyPolicy = ${q(u.emergencyPolicy)}; VoiceRoutingPolicy = ${q(u.voiceRoutingPolicy)}; ` +
        `ExtensionNumber = ${q(u.extensionNumber)}; ExtensionNote = ${q(u.extensionNote)}; ` +
        `EnterpriseVoiceBefore = ${q(u.enterpriseVoiceBefore)} }\r\n`;
    }
    pieces.push(lines.join(''));
  }
  pieces.push('    )\r\n');
  return pieces;
}

/** A data part as CRLF text pieces (ending in a line end). */
function renderPart(d: ScriptData, part: DataPart): string[] {
  if (part === 'users') return renderUsers(d);
  return [renderers[part](d).join('\r\n') + '\r\n'];
}

export const DATA_SECTION_BEGIN = '# ---- BEGIN PLAN DATA (generated: single-quoted literals only) ----';
export const DATA_SECTION_END = '# ---- END PLAN DATA ----';

/**
 * The data section as segments with CRLF line ends (ending in one). Each rendered part is a
 * `SharedText` kept in `cache`, so stages that embed the same part share its text and its bytes.
 */
export function renderDataSection(d: ScriptData, parts: readonly DataPart[], cache: Map<DataPart, SharedText>): Segment[] {
  const head = [
    DATA_SECTION_BEGIN,
    '$Plan = @{',
    `    Id = ${q(d.planId)}`,
    `    Name = ${q(d.planName)}`,
    `    TenantDomain = ${q(d.tenantDomain)}`,
    `    Sha256 = ${q(d.planSha256)}`,
    `    GeneratorVersion = ${q(d.generatorVersion)}`,
    `    GlobalVoiceRoutingHasUsages = ${q(d.globalVoiceRoutingHasUsages)}`,
    `    UsersWithoutVoiceRoutingPolicy = ${int(d.usersWithoutVoiceRoutingPolicy)}`,
    `    TagCallbackNumbers = ${bool(d.tagCallbackNumbers)}`,
    '',
  ].join('\r\n');
  const out: Segment[] = [head];
  for (const part of parts) {
    let rendered = cache.get(part);
    if (!rendered) {
      rendered = new SharedText(renderPart(d, part));
      cache.set(part, rendered);
    }
    out.push(rendered);
  }
  out.push(`}\r\n${DATA_SECTION_END}\r\n`);
  return out;
}
