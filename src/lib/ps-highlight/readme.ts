/**
 * README.md of the scripts zip: how to run the runbook. Deterministic (no clock): the same plan and
 * inputs give the same text, so two exports of one plan differ only in their file name.
 */
import type { Plan } from '../domain/model.js';
import { GENERATOR_VERSION, RUNBOOK_FILE, VERIFICATION_FILE_NAME } from '../powershell/index.js';
import { stageSummaries, type StageSummary } from './summary.js';

export const README_FILE = 'README.md';

export interface ReadmeInput {
  /** SHA-256 of the plan as printed in the script headers (planSha256). */
  planSha256: string;
  /** Name of the plan workbook inside the zip, when there is one. */
  workbookFile?: string;
  /** Blocking errors the plan had when the scripts were exported (acknowledged by the user). */
  blockingErrors?: number;
  generatorVersion?: string;
}

/** One line of plain text: no line breaks, Markdown punctuation escaped. */
function inline(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function stageLine(s: StageSummary): string {
  const counts = s.counts.map((c) => `${c.label}: ${c.count.toLocaleString('en-US')}${c.note ? ` (${c.note})` : ''}`).join('; ');
  return `| ${s.number} | \`${s.file}\` | ${s.title} | ${counts} |`;
}

export function renderReadme(plan: Plan, input: ReadmeInput): string {
  const stages = stageSummaries(plan);
  const run = stages.filter((s) => s.number !== '09');
  const rollback = stages.find((s) => s.number === '09');
  const lines: string[] = [
    `# Shared Calling runbook: ${inline(plan.name)}`,
    '',
    `- Plan: ${inline(plan.name)} (id ${inline(plan.id)})`,
    `- Plan SHA-256: \`${input.planSha256}\``,
    `- Generator: ${input.generatorVersion ?? GENERATOR_VERSION}`,
    `- Users: ${plan.users.length.toLocaleString('en-US')}`,
    '',
    'Every script in this folder was generated from the plan above. Each one checks that its embedded',
    'plan SHA-256 matches the others (the runbook passes it on), so keep all files of one export together',
    'and do not mix files from different exports.',
    '',
  ];
  if (input.blockingErrors && input.blockingErrors > 0) {
    lines.push(
      `> **Warning:** the plan had ${input.blockingErrors.toLocaleString('en-US')} blocking error${input.blockingErrors === 1 ? '' : 's'} when these scripts were exported.`,
      '> The affected steps will be skipped or fail. Fix them in the planner and export again.',
      '',
    );
  }
  lines.push(
    '## Before you start',
    '',
    '1. Windows PowerShell 5.1 or PowerShell 7, with the MicrosoftTeams module 5.5.0 or later',
    '   (`Install-Module MicrosoftTeams -Scope CurrentUser`). Microsoft.Graph is needed only to assign',
    '   resource account licences (otherwise use `-SkipLicensing` and assign them in the admin center).',
    '2. Unzip everything into one folder and unblock the files once:',
    '',
    '   ```powershell',
    '   Get-ChildItem -Path . -Filter *.ps1 | Unblock-File',
    '   ```',
    '',
    '3. Sign in as a Teams administrator; every stage connects with `Connect-MicrosoftTeams` when needed.',
    '',
    '## Run order',
    '',
    `\`${RUNBOOK_FILE}\` runs the stages below in this order and stops at the first stage that fails.`,
    'Each stage can also be run on its own, in the same order. Counts are upper bounds: every script',
    'reads the tenant first and skips what is already as planned.',
    '',
    '| Stage | File | What it does | Objects |',
    '| --- | --- | --- | --- |',
    ...run.map(stageLine),
    '',
    ...(rollback
      ? [
          `\`${rollback.file}\` (rollback) undoes stages 07 to 02 in reverse order. It never runs as part of`,
          '"All": name it explicitly, and run it with `-DryRun` first.',
          '',
        ]
      : []),
    '## 1. Dry run first',
    '',
    '```powershell',
    `.\\${RUNBOOK_FILE} -DryRun`,
    '```',
    '',
    'With `-DryRun` every stage reads the tenant and logs what it would change, without calling any',
    'cmdlet that changes anything. Read the logs before the real run.',
    '',
    '## 2. Run',
    '',
    '```powershell',
    `.\\${RUNBOOK_FILE}`,
    `.\\${RUNBOOK_FILE} -Stage users, verify    # only some stages, by number or name`,
    `.\\${RUNBOOK_FILE} -Resume                 # continue after a failure or an interruption`,
    '```',
    '',
    '- `-Stage` takes `All` (the default: 01 to 08) or stage numbers or names.',
    '- `-Resume` skips the steps an earlier run finished (each stage keeps a `<stage>.checkpoint.txt`).',
    '- `-OutputFolder <path>` puts logs, retry lists, checkpoints and the verification report elsewhere',
    '  (default: this folder).',
    '- `-ContinueOnError` runs the remaining stages after a stage failed.',
    '',
    '## 3. Logs and retry lists',
    '',
    'Every stage writes, in the output folder:',
    '',
    '- `<stage>.log.csv`: one row per action (Time, Stage, Step, Target, Action, Status, Detail; Status is',
    '  Done, Skipped, DryRun, Manual, Resumed or Failed);',
    '- `<stage>.retry.csv`: the items that failed in the last run;',
    '- `<stage>.checkpoint.txt`: the steps already finished, for `-Resume`.',
    '',
    'A stage exits with code 1 when anything failed. Fix the cause of the items in its `.retry.csv`',
    '(often a new account that is not visible yet: wait a few minutes), then run again with `-Resume`.',
    'New objects can take minutes to appear and group policy assignments up to 24 hours.',
    'Auto attendant directory search (dial by name and by extension) finds new users only after the',
    'address book has caught up: up to 24 hours for changes and up to 36 hours for a new user (AA8).',
    'Test directory search 36 hours after stage 07, not straight away.',
    '',
    '## 4. Verify and import the report into the planner',
    '',
    `Stage 08 reads every planned object back and writes \`${VERIFICATION_FILE_NAME}\` to the output folder`,
    '(columns Kind, Subject, Property, Expected, Actual, Status, Name; Status is Done, Failed or Missing).',
    'It changes nothing. In the planner, open this plan, go to Export, and use "Import verification',
    'report" with that file: every object and user then shows whether it is done, failed or missing.',
    'Run stage 08 again after fixing things, and import the new report.',
    '',
  );
  if (input.workbookFile) {
    lines.push(
      '## The plan workbook',
      '',
      `${inline(input.workbookFile)} holds the whole plan, one sheet per kind of object, for review or`,
      'for editing and importing back into the planner. The scripts do not read it.',
      '',
    );
  }
  return lines.join('\r\n');
}
