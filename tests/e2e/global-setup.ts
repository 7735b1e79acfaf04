import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: ChildProcess | undefined;

/** Serve the built app (dist/) on a free loopback port for the browser tests. */
export default async function setup(project: TestProject) {
  const dir = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(`${dir}/index.html`)) throw new Error(`${dir}/ is missing: run "npm run build" before the browser tests.`);
  // Start the server binary directly so that stopping it by process id really stops it.
  server = spawn(process.execPath, ['scripts/serve.mjs', dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('static server did not start')), 10_000);
    server!.stdout!.on('data', (chunk: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(chunk.toString());
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server!.on('exit', (code) => reject(new Error(`static server exited (${code})`)));
  });
  project.provide('baseUrl', url);
  return () => {
    server?.kill('SIGTERM');
  };
}
