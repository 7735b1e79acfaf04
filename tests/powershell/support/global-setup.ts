/**
 * Once per PowerShell-tier run: generate the simulated modules (tests/powershell/sim/build.mjs) and
 * compile the engine's types once (cached in tests/powershell/.build), so parallel pwsh processes
 * do not all compile them.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO, runPwshFile } from './pwsh.js';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

export default function setup(): void {
  execFileSync(process.execPath, [path.join(REPO, 'tests/powershell/sim/build.mjs')], {
    cwd: REPO,
    stdio: 'inherit',
    env: { ...process.env, SIM_BUILD_QUIET: '1' },
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'sim-warm-'));
  const file = path.join(dir, 'warm.ps1');
  writeFileSync(file, "Import-Module MicrosoftTeams\n$null = Get-SimVirtualTime\n'warm'\n");
  const r = runPwshFile(file);
  rmSync(dir, { recursive: true, force: true });
  if (r.code !== 0 || !r.stdout.includes('warm')) {
    throw new Error(`the simulated modules do not load in pwsh (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
}
