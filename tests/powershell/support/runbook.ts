/**
 * Run generated files in pwsh as an admin would (`.\Invoke-SharedCallingRunbook.ps1 -DryRun` …),
 * against the simulated tenant: a work folder per run holding the downloaded files, the tenant
 * snapshot, the call log and the logs the scripts write.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateScripts, type Plan } from '../../../src/lib/index.js';
import { parseCsv as readCsv } from '../../../src/lib/spreadsheet/csv.js';
import { pwshPrefix, simEnvironment } from './pwsh.js';

export { REPO } from './pwsh.js';

export interface CallLogEntry {
  seq: number;
  cmdlet: string;
  parameterSet?: string;
  parameters: Record<string, unknown>;
  mutating?: boolean;
  outcome?: string;
  status?: number;
  error?: string;
  tenantCall?: boolean;
  virtualTime?: number;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Calls made during this run only. */
  calls: CallLogEntry[];
}

/** A folder with the plan's downloaded files, a tenant snapshot and an (empty) call log. */
export class Workspace {
  readonly dir: string;
  readonly scripts: string;
  readonly out: string;
  readonly tenantPath: string;
  readonly callLogPath: string;
  faultsPath: string | null = null;
  private seen = 0;

  constructor(name: string, tenant: unknown) {
    this.dir = mkdtempSync(path.join(tmpdir(), `scp-${name}-`));
    this.scripts = path.join(this.dir, 'scripts');
    this.out = path.join(this.dir, 'out');
    mkdirSync(this.scripts);
    mkdirSync(this.out);
    this.tenantPath = path.join(this.dir, 'tenant.json');
    this.callLogPath = path.join(this.dir, 'calls.jsonl');
    writeFileSync(this.tenantPath, typeof tenant === 'string' ? tenant : JSON.stringify(tenant, null, 2));
  }

  /** Put the plan's files in the scripts folder, exactly the bytes a download gives (replacing an older export). */
  writeScripts(plan: Plan): void {
    for (const f of readdirSync(this.scripts)) rmSync(path.join(this.scripts, f));
    for (const f of generateScripts(plan)) writeFileSync(path.join(this.scripts, f.name), f.bytes);
  }

  setFaults(faults: unknown | null): void {
    if (faults === null) {
      this.faultsPath = null;
      return;
    }
    this.faultsPath = path.join(this.dir, 'faults.json');
    writeFileSync(this.faultsPath, JSON.stringify(faults, null, 2));
  }

  tenantText(): string {
    return readFileSync(this.tenantPath, 'utf8');
  }

  tenant<T = any>(): T {
    return JSON.parse(this.tenantText()) as T;
  }

  /** Every call logged so far. */
  allCalls(): CallLogEntry[] {
    if (!existsSync(this.callLogPath)) return [];
    return readFileSync(this.callLogPath, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as CallLogEntry);
  }

  /** Run a file of the scripts folder (default: the runbook) with pwsh. */
  run(args: string[] = [], file = 'Invoke-SharedCallingRunbook.ps1', extraEnv: Record<string, string> = {}, timeoutMs = 30 * 60_000): RunResult {
    const [cmd, ...pre] = pwshPrefix();
    const env = simEnvironment({ tenant: this.tenantPath, callLog: this.callLogPath, faults: this.faultsPath ?? undefined, extra: extraEnv });
    const r = spawnSync(cmd!, [...pre, '-NoProfile', '-NonInteractive', '-File', path.join(this.scripts, file), '-OutputFolder', this.out, ...args], {
      cwd: this.scripts,
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      timeout: timeoutMs,
    });
    const all = this.allCalls();
    const calls = all.slice(this.seen);
    this.seen = all.length;
    return { exitCode: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', calls };
  }

  /** A file the scripts wrote to the output folder (logs, retry lists, verification report). */
  output(name: string): string | null {
    const p = path.join(this.out, name);
    return existsSync(p) ? readFileSync(p, 'utf8').replace(/^\uFEFF/, '') : null;
  }

  outputs(): string[] {
    return readdirSync(this.out).sort();
  }

  dispose(): void {
    if (!process.env.SCP_KEEP_WORK) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Rows of a CSV the scripts wrote (Export-Csv style), with the core's CSV reader. */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...body] = readCsv(text, ',').rows.filter((r) => !(r.length === 1 && r[0] === ''));
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Mutating tenant calls (the simulator marks them). */
export const mutating = (calls: CallLogEntry[]): CallLogEntry[] => calls.filter((c) => c.mutating === true);
/** Calls that reached the tenant (Start-Sleep and other local calls excluded). */
export const tenantCalls = (calls: CallLogEntry[]): CallLogEntry[] => calls.filter((c) => c.tenantCall !== false);
