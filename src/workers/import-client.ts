/**
 * The page's side of the import worker: `parse(file)` and `workbook(plan)` as promises, progress as
 * a callback, `cancel()` = terminate the worker (the next job starts a fresh one).
 *
 * Each build gets exactly one way of starting the worker (`import.meta.env.MODE` is replaced at
 * build time, so the other branch is dropped):
 *   normal build  → a module worker file next to the bundle (`worker.format: 'es'`);
 *   single file   → an inline classic worker from a blob: URL (`worker.format: 'iife'`): module
 *                   workers from blob: URLs fail silently on file:// (toolchain.md).
 * When the browser refuses workers altogether (policies, CSP, very old engines), the same core
 * functions run on the page; the page may pause while a large file is read. Served build: the
 * worker file itself is imported as a module (SheetJS stays out of the entry chunk; see
 * import.worker.ts). Single file: everything is inlined in one page anyway and its CSP allows no
 * other script, so there the fallback is a lazy import() of the spreadsheet module, bundled inline.
 */
import type { Plan, UserListResult, WorkbookFinding, WorkbookUpdatePreview } from '../lib/index.js';
import { CORE_KEY, type FallbackCore, type WorkerRequest, type WorkerResponse } from './import-protocol.js';

export interface ParseJobOptions {
  sheet?: string;
  mapping?: Record<string, string>;
}

/** The job was cancelled with `cancel()`. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

async function createWorker(): Promise<Worker> {
  if (import.meta.env.MODE === 'single') {
    const { default: InlineWorker } = await import('./import.worker.ts?worker&inline');
    return new InlineWorker({ name: 'import' });
  }
  const { default: url } = await import('./import.worker.ts?worker&url');
  return new Worker(url, { type: 'module', name: 'import' });
}

/** The core's spreadsheet functions on the page, loaded only when workers are unavailable. */
async function loadCore(): Promise<FallbackCore> {
  if (import.meta.env.MODE === 'single') return import('../lib/spreadsheet/index.js');
  const { default: url } = await import('./import.worker.ts?worker&url');
  await import(/* @vite-ignore */ url);
  const core = (globalThis as Record<symbol, unknown>)[CORE_KEY] as FallbackCore | undefined;
  if (!core) throw new Error('the reader could not be loaded');
  return core;
}

interface Job {
  resolve: (value: never) => void;
  reject: (err: unknown) => void;
  onProgress?: (fraction: number) => void;
  /** The same job on the main thread, for when the worker cannot start. */
  fallback: () => Promise<unknown>;
}

export class ImportClient {
  /** Set when workers are unavailable and jobs run on the page; a sentence for the person. */
  fallbackReason = '';
  #worker: Worker | null = null;
  #started = false;
  #broken = false;
  #jobs = new Map<number, Job>();
  #nextId = 1;
  #generation = 0;

  /** Read a user list. Rejects with CancelledError after `cancel()`. */
  async parse(file: File, options: ParseJobOptions = {}, onProgress?: (fraction: number) => void): Promise<UserListResult> {
    const generation = this.#generation;
    const data = await file.arrayBuffer();
    if (generation !== this.#generation) throw new CancelledError();
    const fallback = async () => {
      const core = await loadCore();
      // Let the page paint the progress bar before the page is busy.
      await new Promise((r) => setTimeout(r, 0));
      return core.parseUserList(new Uint8Array(await file.arrayBuffer()), file.name, { ...options, ...(onProgress ? { onProgress } : {}) });
    };
    return this.#run<UserListResult>((id) => ({ type: 'parse', id, data, fileName: file.name, ...options }), [data], fallback, onProgress);
  }

  /** Write the plan workbook (.xlsx bytes). */
  async workbook(plan: Plan, findings: readonly WorkbookFinding[]): Promise<Uint8Array> {
    // Plain copies: only what the workbook needs crosses to the worker.
    const list = findings.map(({ rule, severity, subject, message, fix }) => ({ rule, severity, subject, message, fix: fix ?? '' }));
    const fallback = async () => (await loadCore()).writePlanWorkbook(plan, { findings: list });
    return this.#run<Uint8Array>((id) => ({ type: 'workbook', id, plan, findings: list }), [], fallback);
  }

  /** Read a plan workbook against `base` (null: to open it as a new plan). Never rejects for bad files. */
  async readWorkbook(file: File, base: Plan | null): Promise<WorkbookUpdatePreview> {
    const generation = this.#generation;
    const data = await file.arrayBuffer();
    if (generation !== this.#generation) throw new CancelledError();
    const fallback = async () => (await loadCore()).previewWorkbookUpdate(new Uint8Array(await file.arrayBuffer()), base);
    return this.#run<WorkbookUpdatePreview>((id) => ({ type: 'readWorkbook', id, data, base }), [data], fallback);
  }

  /** Stop whatever runs now: pending jobs reject with CancelledError. */
  cancel(): void {
    this.#generation++;
    this.#worker?.terminate();
    this.#worker = null;
    this.#started = false;
    const jobs = [...this.#jobs.values()];
    this.#jobs.clear();
    for (const job of jobs) job.reject(new CancelledError());
  }

  dispose(): void {
    this.cancel();
  }

  async #run<T>(
    request: (id: number) => WorkerRequest,
    transfer: Transferable[],
    fallback: () => Promise<T>,
    onProgress?: (fraction: number) => void,
  ): Promise<T> {
    const generation = this.#generation;
    const worker = this.#broken ? null : await this.#ensureWorker();
    if (generation !== this.#generation) throw new CancelledError();
    if (!worker) return this.#runHere(fallback, generation);
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#jobs.set(id, { resolve: resolve as (v: never) => void, reject, fallback, ...(onProgress ? { onProgress } : {}) });
      try {
        worker.postMessage(request(id), transfer);
      } catch (err) {
        this.#jobs.delete(id);
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  async #runHere<T>(fallback: () => Promise<T>, generation: number): Promise<T> {
    const value = await fallback();
    if (generation !== this.#generation) throw new CancelledError();
    return value;
  }

  async #ensureWorker(): Promise<Worker | null> {
    if (this.#worker) return this.#worker;
    try {
      const worker = await createWorker();
      worker.onmessage = (e: MessageEvent<WorkerResponse>) => this.#onMessage(e.data);
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        this.#onWorkerError(worker, e.message);
      };
      this.#worker = worker;
      return worker;
    } catch (err) {
      this.#markBroken(err instanceof Error ? err.message : String(err));
      return null;
    }
  }

  #markBroken(detail: string) {
    this.#broken = true;
    this.fallbackReason = `This browser does not allow background workers here${detail ? ` (${detail})` : ''}, so files are read on the page itself; it may pause while a large file is read.`;
  }

  #onMessage(msg: WorkerResponse) {
    this.#started = true;
    const job = this.#jobs.get(msg.id);
    if (!job) return;
    if (msg.type === 'progress') {
      job.onProgress?.(msg.fraction);
      return;
    }
    this.#jobs.delete(msg.id);
    if (msg.type === 'result') job.resolve(msg.result as never);
    else if (msg.type === 'workbook') job.resolve(msg.bytes as never);
    else if (msg.type === 'workbookRead') job.resolve(msg.preview as never);
    else job.reject(new Error(msg.message));
  }

  /**
   * A worker that fails before it ever answered could not start (blocked script, CSP): run its jobs
   * on the page instead. A worker that fails later crashed (memory): its jobs fail with a message.
   */
  #onWorkerError(worker: Worker, message: string) {
    if (worker !== this.#worker) return;
    worker.terminate();
    this.#worker = null;
    const jobs = [...this.#jobs.values()];
    this.#jobs.clear();
    if (!this.#started) {
      this.#markBroken(message);
      const generation = this.#generation;
      for (const job of jobs) {
        this.#runHere(job.fallback, generation).then(job.resolve as (v: unknown) => void, job.reject);
      }
      return;
    }
    this.#started = false;
    for (const job of jobs) job.reject(new Error(`The background reader stopped (${message || 'out of memory?'}). Try a smaller file.`));
  }
}
