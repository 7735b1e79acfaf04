/**
 * generateScripts: plan → the downloadable PowerShell files (one per stage plus the runbook).
 *
 * Each stage file is self-contained: help, #Requires, header, param block, the data section with
 * only the plan parts it reads, the shared helpers and its fixed body. Same plan (and options) →
 * byte-identical files; no timestamp unless `generatedAt` is given.
 */
import type { Plan } from '../domain/model.js';
import { COMMON_PARAM_HELP, HELPERS, renderHeader, renderHelp, renderParamBlock, REQUIRES_LINES, wrapBody, type HeaderInfo } from './common.js';
import { renderDataSection, type DataPart } from './data-section.js';
import { segmentsToBytes, toCrlf, type Segment, SharedText } from './encode.js';
import { planSha256 } from './plan-hash.js';
import { renderRunbook, RUNBOOK_FILE } from './runbook.js';
import { buildScriptData, type ScriptData } from './script-data.js';
import type { StageSpec } from './stage.js';
import { prerequisitesStage } from './stages/01-prerequisites.js';
import { resourceAccountsStage } from './stages/02-resource-accounts.js';
import { autoAttendantsStage } from './stages/03-auto-attendants.js';
import { voiceRoutingStage } from './stages/04-voice-routing.js';
import { emergencyStage } from './stages/05-emergency.js';
import { sharedCallingPoliciesStage } from './stages/06-shared-calling-policies.js';
import { usersStage } from './stages/07-users.js';
import { verifyStage } from './stages/08-verify.js';
import { rollbackStage } from './stages/09-rollback.js';
import { GENERATOR_VERSION } from './version.js';

/**
 * A generated file. `bytes` is exactly what is downloaded: UTF-8 BOM + UTF-8 of `text`.
 * `text` is the same content as a string: CRLF line ends, no BOM. It is built on first read
 * (a 100,000-user plan has three 25 MB files that a download never needs as strings).
 */
export interface ScriptFile {
  readonly name: string;
  readonly text: string;
  readonly bytes: Uint8Array;
}

export interface GenerateOptions {
  /** ISO timestamp printed in the headers; omitted by default so output stays byte-identical. */
  generatedAt?: string;
}

/** The stages in run order (shared-calling.md §9). */
export const STAGES: readonly StageSpec[] = [
  prerequisitesStage,
  resourceAccountsStage,
  autoAttendantsStage,
  voiceRoutingStage,
  emergencyStage,
  sharedCallingPoliciesStage,
  usersStage,
  verifyStage,
  rollbackStage,
];

/** File names in download order. */
export const SCRIPT_FILE_NAMES: readonly string[] = [...STAGES.map((s) => s.file), RUNBOOK_FILE];

function renderStage(spec: StageSpec, data: ScriptData, header: HeaderInfo, cache: Map<DataPart, SharedText>): Segment[] {
  const help = renderHelp(
    spec.synopsis,
    [
      ...spec.description,
      'Everything this script does is fixed code that loops over the plan data section ($Plan) below; plan values appear in it only as single-quoted literals. It is safe to run again: each step reads the current state, changes only what differs and logs what it skipped.',
    ],
    [...COMMON_PARAM_HELP, ...(spec.extraParamHelp ?? [])],
    [`.\\${spec.file} -DryRun`, `.\\${spec.file}`, `.\\${spec.file} -Resume`],
    [
      `Writes to the output folder: ${spec.number}-${spec.name}.log.csv (every action: Time,Stage,Step,Target,Action,`,
      `Status,Detail; Status is Done, Skipped, DryRun, Manual, Resumed or Failed), ${spec.number}-${spec.name}.retry.csv`,
      `(failed items of the last run; a -DryRun writes ${spec.number}-${spec.name}.dryrun.retry.csv instead) and`,
      `${spec.number}-${spec.name}.checkpoint.txt (the plan SHA-256, then the finished steps, for -Resume; -DryRun leaves it alone).`,
      'Exit code: 0 when nothing failed, 1 otherwise.',
    ],
  );
  const before = [...help, ...REQUIRES_LINES, '', ...renderHeader(header, spec.rules), '', ...renderParamBlock(spec), ''].join('\r\n');
  const after = toCrlf(['', `$script:StageName = '${spec.number}-${spec.name}'`, HELPERS.replace(/^\n+/, ''), wrapBody(spec.body), ''].join('\n'));
  return [before, ...renderDataSection(data, spec.data, cache), after];
}

/** Assemble a file: `bytes` BOM + UTF-8 (shared parts encoded once), `text` joined on first read. */
function file(name: string, segments: Segment[]): ScriptFile {
  let text: string | null = null;
  return {
    name,
    bytes: segmentsToBytes(segments),
    get text(): string {
      text ??= segments.map((s) => (typeof s === 'string' ? s : s.text)).join('');
      return text;
    },
  };
}

/** Generate the runbook files for a plan (pure, synchronous, deterministic). */
export function generateScripts(plan: Plan, options: GenerateOptions = {}): ScriptFile[] {
  const hash = planSha256(plan);
  const data = buildScriptData(plan, hash, GENERATOR_VERSION);
  const header: HeaderInfo = {
    planName: plan.name,
    planId: plan.id,
    planSha256: hash,
    generatorVersion: GENERATOR_VERSION,
    generatedAt: options.generatedAt,
  };
  const cache = new Map<DataPart, SharedText>();
  const files = STAGES.map((s) => file(s.file, renderStage(s, data, header, cache)));
  files.push(file(RUNBOOK_FILE, [toCrlf(renderRunbook(STAGES, header))]));
  return files;
}
