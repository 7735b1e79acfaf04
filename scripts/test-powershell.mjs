#!/usr/bin/env node
// The PowerShell tier: every generated script runs in real PowerShell 7 (pwsh 7.6.9, a .NET local
// tool pinned in .config/dotnet-tools.json) against the simulated Teams tenant in tests/powershell.
//
// Without the .NET SDK (and no pwsh on PATH) the tier is skipped with one line saying what to
// install, unless SCP_REQUIRE_POWERSHELL=1 (set by .ci/run), which turns the skip into a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = {
  ...process.env,
  DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  DOTNET_NOLOGO: '1',
  DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
};
const required = process.env.SCP_REQUIRE_POWERSHELL === '1';

const has = (cmd, args) => spawnSync(cmd, args, { env, stdio: 'ignore' }).status === 0;

let pwsh = null;
if (has('dotnet', ['--version'])) {
  try {
    execFileSync('dotnet', ['tool', 'restore'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    // `dotnet tool run` finds the manifest only below the repository; the scenarios run the
    // scripts from their own folders, so call the tool's pwsh.dll through the dotnet host.
    const dll = execFileSync(
      'dotnet',
      ['tool', 'run', 'pwsh', '--', '-NoProfile', '-NonInteractive', '-Command', '[Environment]::GetCommandLineArgs()[0]'],
      { cwd: root, env, encoding: 'utf8' },
    ).trim();
    pwsh = ['dotnet', dll];
  } catch {
    console.error('`dotnet tool restore` failed: pwsh 7.6.9 could not be installed from NuGet.');
    process.exit(1);
  }
} else if (has('pwsh', ['-NoProfile', '-Command', 'exit 0'])) {
  pwsh = ['pwsh'];
}

if (pwsh === null) {
  const line =
    'PowerShell tier skipped: needs the .NET 10 SDK (then `dotnet tool restore` brings pwsh 7.6.9) or pwsh 7 on PATH.';
  if (required) {
    console.error(`${line} SCP_REQUIRE_POWERSHELL=1 makes that a failure.`);
    process.exit(1);
  }
  console.log(line);
  process.exit(0);
}

const version = execFileSync(pwsh[0], [...pwsh.slice(1), '-NoProfile', '-NonInteractive', '-Command', '$PSVersionTable.PSVersion.ToString()'], {
  cwd: root,
  env,
  encoding: 'utf8',
}).trim();
console.log(`PowerShell ${version} (${pwsh.join(' ')})`);

execFileSync(process.execPath, [path.join(root, 'tests/powershell/sim/build.mjs')], { cwd: root, env, stdio: 'inherit' });

const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '-c', 'vitest.powershell.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  env: { ...env, SCP_PWSH: JSON.stringify(pwsh) },
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
