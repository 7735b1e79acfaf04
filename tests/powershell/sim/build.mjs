#!/usr/bin/env node
// Writes the simulated modules into tests/powershell/.build/Modules/ (gitignored):
//   MicrosoftTeams/7.3.1/               functions GENERATED from ../reference/teams-cmdlets.subset.json
//   Microsoft.Graph.<Module>/<version>/ functions generated from graph-cmdlets.json (hand-kept)
// Every function is an advanced function whose param block carries the reference's parameter sets,
// mandatory flags, positions, types and aliases, so PowerShell's own binder rejects what the real
// module's binder would. Each body hands the bound parameters to the engine (SimTenant.psm1):
//   Invoke-SimCmdlet -Name '<cmdlet>' -ParameterSetName $PSCmdlet.ParameterSetName -Bound $PSBoundParameters -Cmdlet $PSCmdlet
// No dependencies beyond node.  Usage: node tests/powershell/sim/build.mjs [outDir]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const psRoot = path.resolve(here, '..');
const outDir = path.resolve(process.argv[2] ?? path.join(psRoot, '.build/Modules'));
export const TEAMS_VERSION = '7.3.1';

// Reference type -> PowerShell type literal. Unknown module types (UserIdParameter, SendAsyncStep,
// DirectorySearchMethod, IMicrosoftGraph*, ...) become [object]; PSListModifier becomes [object] so a
// hashtable @{add=...}/@{remove=...} and a plain array both bind, as they do in the real module.
const TYPES = new Map(
  Object.entries({
    String: 'string',
    'System.String': 'string',
    SwitchParameter: 'switch',
    'System.Management.Automation.SwitchParameter': 'switch',
    Boolean: 'bool',
    'System.Boolean': 'bool',
    Int32: 'int',
    'System.Int32': 'int',
    Int16: 'int16',
    'System.Int16': 'int16',
    UInt32: 'uint32',
    'System.UInt32': 'uint32',
    Int64: 'long',
    Double: 'double',
    Guid: 'guid',
    'System.Guid': 'guid',
    'String[]': 'string[]',
    'System.String[]': 'string[]',
    Object: 'object',
    'System.Object': 'object',
    PSObject: 'psobject',
    PSCredential: 'pscredential',
    'System.Management.Automation.PSCredential': 'pscredential',
    SecureString: 'securestring',
    'System.Security.SecureString': 'securestring',
    X509Certificate2: 'System.Security.Cryptography.X509Certificates.X509Certificate2',
    Uri: 'uri',
    'System.Uri': 'uri',
    Hashtable: 'hashtable',
    'System.Collections.Hashtable': 'hashtable',
    IDictionary: 'System.Collections.IDictionary',
  }),
);
export function psType(refType) {
  if (!refType) return 'object';
  if (TYPES.has(refType)) return TYPES.get(refType);
  if (refType.endsWith('[]')) return 'object[]';
  return 'object';
}

const quote = (text) => `'${String(text).replace(/'/g, "''")}'`;

function renderFunction(name, spec) {
  const sets = spec.sets;
  const named = sets.filter((set) => set.name !== null);
  const defaultSet = (sets.find((set) => set.default) ?? named[0])?.name ?? null;
  const binding = [];
  if (defaultSet !== null && named.length > 0) binding.push(`DefaultParameterSetName = ${quote(defaultSet)}`);
  if (spec.supportsShouldProcess) binding.push('SupportsShouldProcess = $true');
  const lines = [`function ${name} {`, `    [CmdletBinding(${binding.join(', ')})]`, '    param('];
  const params = Object.keys(spec.parameters);
  params.forEach((param, index) => {
    const meta = spec.parameters[param];
    const attrs = [];
    for (const set of sets) {
      const inSet = set.params[param];
      if (!inSet) continue;
      const parts = [];
      if (set.name !== null) parts.push(`ParameterSetName = ${quote(set.name)}`);
      if (inSet.mandatory) parts.push('Mandatory = $true');
      if (inSet.position !== null && inSet.position !== undefined) parts.push(`Position = ${inSet.position}`);
      attrs.push(`        [Parameter(${parts.join(', ')})]`);
    }
    if (meta.aliases?.length) attrs.push(`        [Alias(${meta.aliases.map(quote).join(', ')})]`);
    const type = psType(meta.type);
    if (meta.allowEmptyCollection) attrs.push('        [AllowEmptyCollection()]');
    attrs.push(`        [${type}] $${param}${index < params.length - 1 ? ',' : ''}`);
    lines.push(...attrs);
  });
  lines.push('    )');
  lines.push(`    Invoke-SimCmdlet -Name ${quote(name)} -ParameterSetName $PSCmdlet.ParameterSetName -Bound $PSBoundParameters -Cmdlet $PSCmdlet`);
  lines.push('}', '');
  return lines.join('\n');
}

function moduleGuid(name) {
  const hex = crypto
    .createHash('sha256')
    .update('SimTenant:' + name)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function writeModule(moduleName, version, functions, sourceNote) {
  const dir = path.join(outDir, moduleName, version);
  fs.rmSync(path.join(outDir, moduleName), { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const names = Object.keys(functions).sort();
  const header = [
    `# ${moduleName} ${version}: SIMULATED module for the PowerShell test tier. Generated by tests/powershell/sim/build.mjs`,
    `# from ${sourceNote}. Do not edit: rebuild. Behaviour lives in tests/powershell/sim/SimTenant.psm1.`,
    '',
    "$simEngine = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../../../../sim/SimTenant.psm1'))",
    "if (-not (Get-Module -Name 'SimTenant')) { Import-Module -Name $simEngine -Global -DisableNameChecking }",
    '',
  ].join('\n');
  const body = names.map((name) => renderFunction(name, functions[name])).join('\n');
  fs.writeFileSync(path.join(dir, `${moduleName}.psm1`), header + '\n' + body);
  const manifest = [
    '@{',
    `    RootModule = ${quote(moduleName + '.psm1')}`,
    `    ModuleVersion = ${quote(version)}`,
    `    GUID = ${quote(moduleGuid(moduleName))}`,
    "    Author = 'Shared Calling Planner test tier (simulated)'",
    `    Description = ${quote(`Simulated ${moduleName} for tests; declarations generated from ${sourceNote}.`)}`,
    "    PowerShellVersion = '7.0'",
    `    FunctionsToExport = @(${names.map(quote).join(', ')})`,
    '    CmdletsToExport = @()',
    '    VariablesToExport = @()',
    '    AliasesToExport = @()',
    '}',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, `${moduleName}.psd1`), manifest);
  return names.length;
}

const subset = JSON.parse(fs.readFileSync(path.join(psRoot, 'reference/teams-cmdlets.subset.json'), 'utf8'));
const graph = JSON.parse(fs.readFileSync(path.join(here, 'graph-cmdlets.json'), 'utf8'));
fs.mkdirSync(outDir, { recursive: true });
const counts = [];
counts.push([
  'MicrosoftTeams',
  writeModule(
    'MicrosoftTeams',
    TEAMS_VERSION,
    subset.cmdlets,
    `the public cmdlet reference (${subset.source}, tests/powershell/reference/teams-cmdlets.subset.json)`,
  ),
]);
const byModule = {};
for (const [name, spec] of Object.entries(graph.cmdlets)) (byModule[spec.module] ??= {})[name] = spec;
for (const [moduleName, functions] of Object.entries(byModule)) {
  counts.push([
    moduleName,
    writeModule(moduleName, graph.moduleVersion, functions, 'the Microsoft Graph PowerShell reference (tests/powershell/sim/graph-cmdlets.json)'),
  ]);
}
if (!process.env.SIM_BUILD_QUIET)
  console.log(`modules in ${path.relative(process.cwd(), outDir) || outDir}: ${counts.map(([m, n]) => `${m} (${n})`).join(', ')}`);
