/**
 * Runs pwsh against the simulated tenant: `dotnet tool run pwsh -- -NoProfile -NonInteractive -File
 * <script>` (or the prefix scripts/test-powershell.mjs chose, env SCP_PWSH) with PSModulePath
 * starting at the generated modules and the simulator's variables (SIM_TENANT, SIM_CALL_LOG,
 * SIM_FAULTS, SIM_SAVE). See tests/powershell/sim/README.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SIM_DIR = path.join(REPO, 'tests/powershell/sim');
export const MODULES = path.join(REPO, 'tests/powershell/.build/Modules');

/**
 * The pwsh command line prefix chosen by scripts/test-powershell.mjs (env SCP_PWSH); without it, the
 * local tool's pwsh.dll, found once through `dotnet tool run` (which works only inside the
 * repository), so scripts can also run from their own folders as an admin runs them.
 */
let resolvedPrefix: string[] | null = null;
export function pwshPrefix(): string[] {
  const fromEnv = process.env.SCP_PWSH;
  if (fromEnv) return JSON.parse(fromEnv) as string[];
  if (resolvedPrefix === null) {
    const r = spawnSync('dotnet', ['tool', 'run', 'pwsh', '--', '-NoProfile', '-NonInteractive', '-Command', '[Environment]::GetCommandLineArgs()[0]'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`pwsh is not available: run "dotnet tool restore" (${r.stderr})`);
    resolvedPrefix = ['dotnet', r.stdout.trim()];
  }
  return resolvedPrefix;
}

export interface SimEnv {
  tenant?: string;
  callLog?: string;
  faults?: string;
  save?: 'end';
  extra?: Record<string, string>;
}

export function simEnvironment(sim: SimEnv = {}): NodeJS.ProcessEnv {
  const sep = process.platform === 'win32' ? ';' : ':';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    DOTNET_NOLOGO: '1',
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
    PSModulePath: [MODULES, process.env.PSModulePath ?? ''].filter((x) => x !== '').join(sep),
  };
  for (const name of ['SIM_TENANT', 'SIM_CALL_LOG', 'SIM_FAULTS', 'SIM_SAVE']) delete env[name];
  if (sim.tenant) env.SIM_TENANT = sim.tenant;
  if (sim.callLog) env.SIM_CALL_LOG = sim.callLog;
  if (sim.faults) env.SIM_FAULTS = sim.faults;
  if (sim.save) env.SIM_SAVE = sim.save;
  return { ...env, ...(sim.extra ?? {}) };
}

export interface PwshResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs a script file (with arguments) in pwsh. The working directory defaults to the repository:
 * `dotnet tool run` finds the pinned pwsh through .config/dotnet-tools.json from there.
 */
export function runPwshFile(file: string, args: string[] = [], sim: SimEnv = {}, cwd = REPO): PwshResult {
  const [cmd, ...pre] = pwshPrefix();
  const started = Date.now();
  const r = spawnSync(cmd!, [...pre, '-NoProfile', '-NonInteractive', '-File', file, ...args], {
    cwd,
    env: simEnvironment(sim),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: 30 * 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - started };
}

export interface CallLogLine {
  seq: number;
  cmdlet: string;
  parameterSet: string;
  parameters: Record<string, unknown>;
  tenantCall: boolean;
  mutating: boolean;
  outcome: 'ok' | 'error' | 'whatif';
  status: number | null;
  error: string | null;
  virtualTime: number;
}

/** A scratch folder with a tenant snapshot, a call log path and an optional faults file. */
export class SimScratch {
  readonly dir: string;
  readonly tenant: string;
  readonly callLog: string;
  faults: string | undefined;

  constructor(name: string, snapshot: unknown) {
    this.dir = mkdtempSync(path.join(tmpdir(), `sim-${name}-`));
    this.tenant = path.join(this.dir, 'tenant.json');
    this.callLog = path.join(this.dir, 'calls.jsonl');
    writeFileSync(this.tenant, typeof snapshot === 'string' ? snapshot : JSON.stringify(snapshot, null, 2) + '\n');
  }

  setFaults(behaviour: unknown): void {
    this.faults = path.join(this.dir, 'faults.json');
    writeFileSync(this.faults, JSON.stringify(behaviour, null, 2));
  }

  /** Runs PowerShell code (written to a .ps1 in the scratch folder) against this tenant. */
  run(code: string, options: { save?: 'end'; extra?: Record<string, string>; args?: string[] } = {}): PwshResult {
    const file = path.join(this.dir, `script-${Math.random().toString(36).slice(2)}.ps1`);
    writeFileSync(file, code);
    return runPwshFile(file, options.args ?? [], { tenant: this.tenant, callLog: this.callLog, faults: this.faults, save: options.save, extra: options.extra });
  }

  tenantText(): string {
    return readFileSync(this.tenant, 'utf8');
  }

  tenantJson<T = any>(): T {
    return JSON.parse(this.tenantText()) as T;
  }

  calls(): CallLogLine[] {
    if (!existsSync(this.callLog)) return [];
    return readFileSync(this.callLog, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as CallLogLine);
  }

  dispose(): void {
    if (!process.env.SCP_KEEP_WORK) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The last line of stdout that is a JSON document (a test script's result). */
export function lastJson<T = any>(result: PwshResult): T {
  const lines = result.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{') || l.startsWith('['));
  if (lines.length === 0) throw new Error(`no JSON in pwsh output (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(lines[lines.length - 1]!) as T;
}
