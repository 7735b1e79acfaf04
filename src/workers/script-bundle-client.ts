/**
 * The page's side of the script worker: `scripts(plan)` and `zip(…)` as promises. One job at a time
 * per kind is what the Export screen needs; `cancel()` terminates the worker (the next job starts a
 * fresh one). Where the browser refuses workers, the same core functions run on the page.
 *
 * Normal build: a module worker file next to the bundle; single file: an inline classic worker
 * from a blob: URL (module workers from blob: URLs fail silently on file://, toolchain.md).
 */
import type { Plan, ZipInput } from '../lib/index.js';
import type { ScriptWorkerRequest, ScriptWorkerResponse } from './script-bundle-protocol.js';

export interface ScriptsResult {
  files: { name: string; bytes: Uint8Array }[];
  planSha256: string;
  totalBytes: number;
}

async function createWorker(): Promise<Worker> {
  if (import.meta.env.MODE === 'single') {
    const { default: InlineWorker } = await import('./script-bundle.worker.ts?worker&inline');
    return new InlineWorker({ name: 'script-bundle' });
  }
  const { default: url } = await import('./script-bundle.worker.ts?worker&url');
  return new Worker(url, { type: 'module', name: 'script-bundle' });
}

interface Job {
  resolve: (value: never) => void;
  reject: (err: unknown) => void;
  fallback: () => Promise<unknown>;
}

export class ScriptBundleClient {
  #worker: Worker | null = null;
  #started = false;
  #broken = false;
  #jobs = new Map<number, Job>();
  #nextId = 1;

  /** The runbook files and the plan hash, generated in the worker. */
  scripts(plan: Plan): Promise<ScriptsResult> {
    const fallback = async () => {
      const { generateScriptBundle } = await import('../lib/index.js');
      const b = generateScriptBundle(plan);
      return { files: b.files.map((f) => ({ name: f.name, bytes: f.bytes })), planSha256: b.planSha256, totalBytes: b.totalBytes };
    };
    return this.#run<ScriptsResult>((id) => ({ type: 'scripts', id, plan }), fallback);
  }

  /** The zip of the scripts, README.md and the workbook, built in the worker. */
  zip(plan: Plan, input: ZipInput): Promise<Uint8Array> {
    const fallback = async () => (await import('../lib/index.js')).buildScriptZip(plan, input);
    return this.#run<Uint8Array>((id) => ({ type: 'zip', id, plan, ...input, files: [...input.files] }), fallback);
  }

  cancel(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#started = false;
    const jobs = [...this.#jobs.values()];
    this.#jobs.clear();
    for (const job of jobs) job.reject(new Error('Cancelled'));
  }

  async #run<T>(request: (id: number) => ScriptWorkerRequest, fallback: () => Promise<T>): Promise<T> {
    const worker = this.#broken ? null : await this.#ensureWorker();
    if (!worker) return fallback();
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#jobs.set(id, { resolve: resolve as (v: never) => void, reject, fallback });
      try {
        worker.postMessage(request(id));
      } catch (err) {
        this.#jobs.delete(id);
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  async #ensureWorker(): Promise<Worker | null> {
    if (this.#worker) return this.#worker;
    try {
      const worker = await createWorker();
      worker.onmessage = (e: MessageEvent<ScriptWorkerResponse>) => this.#onMessage(e.data);
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        this.#onWorkerError(worker, e.message);
      };
      this.#worker = worker;
      return worker;
    } catch {
      this.#broken = true;
      return null;
    }
  }

  #onMessage(msg: ScriptWorkerResponse) {
    this.#started = true;
    const job = this.#jobs.get(msg.id);
    if (!job) return;
    this.#jobs.delete(msg.id);
    if (msg.type === 'scripts') job.resolve({ files: msg.files, planSha256: msg.planSha256, totalBytes: msg.totalBytes } as never);
    else if (msg.type === 'zip') job.resolve(msg.bytes as never);
    else job.reject(new Error(msg.message));
  }

  /** A worker that fails before it answered could not start: its jobs run on the page. A later failure is reported. */
  #onWorkerError(worker: Worker, message: string) {
    if (worker !== this.#worker) return;
    worker.terminate();
    this.#worker = null;
    const jobs = [...this.#jobs.values()];
    this.#jobs.clear();
    if (!this.#started) {
      this.#broken = true;
      for (const job of jobs) job.fallback().then(job.resolve as (v: unknown) => void, job.reject);
      return;
    }
    this.#started = false;
    for (const job of jobs) job.reject(new Error(`The script worker stopped (${message || 'out of memory?'}).`));
  }
}
