#!/usr/bin/env node
// Re-extracts tests/powershell/reference/teams-cmdlets.subset.json from the full public reference
// (../shared/reference/teams-cmdlets.json, MicrosoftDocs/office-docs-powershell @ 93336da2bc,
// teams/teams-ps/MicrosoftTeams/*.md) for the cmdlets listed below.
//
//   node tests/powershell/sim/make-subset.mjs [path/to/teams-cmdlets.json] [--out path]
//
// Cleaning rules (documented in tests/powershell/reference/README.md):
//   1. SYNTAX (the `sets`) wins over the PARAMETERS table for set membership, mandatory and position.
//   2. An alias is kept only when it looks like a parameter name (/^[A-Za-z][A-Za-z0-9]+$/) and is
//      not the alias of a PowerShell common parameter (wi, cf, ea, ev, ...) put on another
//      parameter: those are fragments of the docs' text (e.g. `Force: ["wi"]`).
//      An alias that is the name (or an earlier alias) of another parameter of the same cmdlet is
//      dropped too (e.g. Connect-MicrosoftTeams `Certificate: ["CertificateThumbprint"]`).
//   3. Common parameters (WhatIf, Confirm, Verbose, ...) are not kept as parameters; a cmdlet whose
//      SYNTAX lists WhatIf/Confirm gets `supportsShouldProcess: true`.
//   4. A set without a name (`name: null`) is kept as null when it is the only set; otherwise it
//      gets the name `Set<n>` (n = its index) and the fact is recorded in `notes`.
//   6. A set with no parameters next to other sets is dropped (an artefact of the Grant-* pages,
//      whose SYNTAX starts with an empty `Identity` block); if it was the default, the default
//      moves to `GrantToUser` when present, else to the first remaining set.
//   5. Positions: a positional parameter gets, per set, its index among the positional parameters
//      of that set in SYNTAX order (0, 1, ...); the table's "1"/"Named" is not used (it is
//      inconsistent between pages).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
// Arguments: [source.json] [--out target.json] (the default target is the committed subset).
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const target = outAt >= 0 ? path.resolve(args[outAt + 1]) : path.join(repo, 'tests/powershell/reference/teams-cmdlets.subset.json');
const positional = args.filter((_, i) => i !== outAt && i !== outAt + 1);
const source = positional[0] ?? path.resolve(repo, '../shared/reference/teams-cmdlets.json');

// Every *-Cs* / Connect-/Disconnect-MicrosoftTeams the generated files call, plus the ones coming next.
export const CMDLETS = [
  // called by the generated scripts today
  'Connect-MicrosoftTeams',
  'Disconnect-MicrosoftTeams',
  'Get-CsTenant',
  'Find-CsGroup',
  'Get-CsAutoAttendant',
  'New-CsAutoAttendant',
  'Set-CsAutoAttendant',
  'Remove-CsAutoAttendant',
  'New-CsAutoAttendantCallFlow',
  'New-CsAutoAttendantDialScope',
  'New-CsAutoAttendantMenu',
  'New-CsAutoAttendantMenuOption',
  'New-CsAutoAttendantPrompt',
  'New-CsAutoAttendantCallableEntity',
  'Get-CsBatchPolicyAssignmentOperation',
  'New-CsBatchPolicyAssignmentOperation',
  'Get-CsOnlineApplicationInstance',
  'New-CsOnlineApplicationInstance',
  'Set-CsOnlineApplicationInstance',
  'Get-CsOnlineApplicationInstanceAssociation',
  'New-CsOnlineApplicationInstanceAssociation',
  'Remove-CsOnlineApplicationInstanceAssociation',
  'Get-CsOnlineLisLocation',
  'Get-CsOnlineLisCivicAddress',
  'Get-CsOnlinePstnUsage',
  'Set-CsOnlinePstnUsage',
  'Get-CsOnlineUser',
  'Get-CsOnlineVoiceRoutingPolicy',
  'New-CsOnlineVoiceRoutingPolicy',
  'Set-CsOnlineVoiceRoutingPolicy',
  'Remove-CsOnlineVoiceRoutingPolicy',
  'Grant-CsOnlineVoiceRoutingPolicy',
  'Get-CsPhoneNumberAssignment',
  'Set-CsPhoneNumberAssignment',
  'Remove-CsPhoneNumberAssignment',
  'Get-CsTeamsEmergencyCallRoutingPolicy',
  'New-CsTeamsEmergencyCallRoutingPolicy',
  'Set-CsTeamsEmergencyCallRoutingPolicy',
  'Remove-CsTeamsEmergencyCallRoutingPolicy',
  'Grant-CsTeamsEmergencyCallRoutingPolicy',
  'New-CsTeamsEmergencyNumber',
  'Get-CsTeamsSharedCallingRoutingPolicy',
  'New-CsTeamsSharedCallingRoutingPolicy',
  'Set-CsTeamsSharedCallingRoutingPolicy',
  'Remove-CsTeamsSharedCallingRoutingPolicy',
  'Grant-CsTeamsSharedCallingRoutingPolicy',
  // coming next
  'Get-CsUserPolicyAssignment',
  'Get-CsGroupPolicyAssignment',
  'New-CsGroupPolicyAssignment',
  'Remove-CsGroupPolicyAssignment',
  'Get-CsPhoneNumberTag',
  'Set-CsPhoneNumberTag',
  'Update-CsPhoneNumberTag',
  'Remove-CsPhoneNumberTag',
  'Export-CsAcquiredPhoneNumber',
  'Get-CsExportAcquiredPhoneNumberStatus',
  // only if the reference has them (it has neither at 93336da2bc; reported as missing below)
  'Get-CsTeamsEmergencyNumber',
  'Remove-CsOnlineApplicationInstance',
];

// Types the PARAMETERS table gets wrong where the page's SYNTAX block is explicit (rule 1: SYNTAX
// wins). Each entry names the SYNTAX text it comes from.
export const TYPE_FROM_SYNTAX = {
  'New-CsBatchPolicyAssignmentOperation': { Identity: { type: 'String[]', syntax: '-Identity <String[]>' } },
};

const COMMON = new Set([
  'Verbose',
  'Debug',
  'ErrorAction',
  'WarningAction',
  'InformationAction',
  'ProgressAction',
  'ErrorVariable',
  'WarningVariable',
  'InformationVariable',
  'OutVariable',
  'OutBuffer',
  'PipelineVariable',
  'WhatIf',
  'Confirm',
]);
const COMMON_ALIASES = new Set(['vb', 'db', 'ea', 'wa', 'infa', 'proga', 'ev', 'wv', 'iv', 'ov', 'ob', 'pv', 'wi', 'cf']);

function clean(name, entry) {
  const notes = [];
  let supportsShouldProcess = false;
  const sets = entry.sets.map((set, index) => {
    let setName = set.name;
    if (setName === null && entry.sets.length > 1) {
      setName = `Set${index}`;
      notes.push(`set ${index} has no name in SYNTAX; named ${setName}`);
    }
    const params = {};
    let position = 0;
    for (const [param, spec] of Object.entries(set.params)) {
      if (COMMON.has(param)) {
        if (param === 'WhatIf' || param === 'Confirm') supportsShouldProcess = true;
        continue;
      }
      params[param] = { mandatory: spec.mandatory, position: spec.positional ? position++ : null };
    }
    return { name: setName, default: set.default, params };
  });
  let keptSets = sets;
  if (sets.length > 1 && sets.some((set) => Object.keys(set.params).length === 0)) {
    const dropped = sets.filter((set) => Object.keys(set.params).length === 0);
    keptSets = sets.filter((set) => Object.keys(set.params).length > 0);
    for (const set of dropped) notes.push(`set ${JSON.stringify(set.name)} has no parameters: dropped`);
    if (dropped.some((set) => set.default) && !keptSets.some((set) => set.default)) {
      const heir = keptSets.find((set) => set.name === 'GrantToUser') ?? keptSets[0];
      keptSets = keptSets.map((set) => (set === heir ? { ...set, default: true } : set));
      notes.push(`default set is now ${JSON.stringify(heir.name)}`);
    }
  }
  const parameters = {};
  const names = new Set(keptSets.flatMap((set) => Object.keys(set.params)));
  const taken = new Set([...names].map((n) => n.toLowerCase()));
  for (const param of [...names].sort()) {
    const row = entry.table[param];
    const aliases = [];
    for (const alias of row?.aliases ?? []) {
      if (!/^[A-Za-z][A-Za-z0-9]+$/.test(alias) || COMMON_ALIASES.has(alias.toLowerCase())) {
        notes.push(`alias ${JSON.stringify(alias)} of -${param} dropped (not a plausible alias)`);
        continue;
      }
      if (taken.has(alias.toLowerCase())) {
        notes.push(`alias ${JSON.stringify(alias)} of -${param} dropped (it is the name or alias of another parameter)`);
        continue;
      }
      taken.add(alias.toLowerCase());
      aliases.push(alias);
    }
    if (!row) notes.push(`-${param} is in SYNTAX but not in the PARAMETERS table: type unknown`);
    let type = row?.type ?? null;
    const fix = TYPE_FROM_SYNTAX[name]?.[param];
    if (fix) {
      notes.push(`-${param}: type ${fix.type} from SYNTAX (${fix.syntax}); the PARAMETERS table says ${type}`);
      type = fix.type;
    }
    parameters[param] = { type, aliases };
  }
  for (const param of Object.keys(entry.table)) {
    if (!names.has(param) && !COMMON.has(param)) notes.push(`-${param} is in the PARAMETERS table but in no SYNTAX set: not declared`);
  }
  return { supportsShouldProcess, sets: keptSets, parameters, ...(notes.length ? { notes } : {}) };
}

const full = JSON.parse(fs.readFileSync(source, 'utf8'));
const out = { source: full.source, extractedBy: 'tests/powershell/sim/make-subset.mjs', missing: [], cmdlets: {} };
for (const name of [...CMDLETS].sort()) {
  const entry = full.cmdlets[name];
  if (!entry) {
    out.missing.push(name);
    continue;
  }
  out.cmdlets[name] = clean(name, entry);
}
fs.writeFileSync(target, JSON.stringify(out, null, 2) + '\n');
console.log(`${Object.keys(out.cmdlets).length} cmdlets written to ${path.relative(repo, target)}; not in the reference: ${out.missing.join(', ') || 'none'}`);
