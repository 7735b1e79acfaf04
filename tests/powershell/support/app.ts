/** The built planner (dist/) served on loopback, for the step where an admin imports a report. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './runbook.js';

export async function serveApp(): Promise<{ url: string; close: () => void }> {
  const dir = path.join(REPO, 'dist');
  if (!existsSync(path.join(dir, 'index.html'))) throw new Error('dist/ is missing: run "npm run build" first.');
  const server: ChildProcess = spawn(process.execPath, [path.join(REPO, 'scripts/serve.mjs'), dir, '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('static server did not start')), 10_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(chunk.toString());
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`static server exited (${code})`)));
  });
  return { url, close: () => server.kill('SIGTERM') };
}
