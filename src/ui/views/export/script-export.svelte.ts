/**
 * The Export screen's state: the runbook of the current plan value, generated in the script worker
 * (with the plan hash the core returns), and the zip, built there too. Results are cached per plan
 * value (plans are immutable), so coming back to the screen does not generate again.
 */
import type { Finding, Plan, ScriptFile } from '../../../lib/index.js';
import { ScriptBundleClient, type ScriptsResult } from '../../../workers/script-bundle-client.js';
import { ImportClient } from '../../../workers/import-client.js';
import { workbookFileName } from './scripts.js';

export interface Generated {
  files: ScriptFile[];
  /** The plan SHA-256 printed in the script headers, as the core computed it. */
  planSha256: string;
  totalBytes: number;
}

const decoder = new TextDecoder();

/** A script file as the page holds it: the downloaded bytes, and its text decoded only when shown. */
function pageFile(f: { name: string; bytes: Uint8Array }): ScriptFile {
  let text: string | null = null;
  return {
    name: f.name,
    bytes: f.bytes,
    get text(): string {
      // TextDecoder drops the BOM: the text is what the generator wrote.
      text ??= decoder.decode(f.bytes);
      return text;
    },
  };
}

const cache = new WeakMap<Plan, Generated>();

export class ScriptExport {
  generated = $state.raw<Generated | null>(null);
  error = $state('');
  zipping = $state(false);
  #plan: Plan | null = null;
  #client = new ScriptBundleClient();

  /** Show the runbook of `plan`: from the cache, or generated in the worker (the previous job's answer is dropped). */
  load(plan: Plan): void {
    if (plan === this.#plan) return;
    this.#plan = plan;
    this.error = '';
    const hit = cache.get(plan);
    if (hit) {
      this.generated = hit;
      return;
    }
    this.generated = null;
    this.#client.scripts(plan).then(
      (r: ScriptsResult) => {
        const g: Generated = { files: r.files.map(pageFile), planSha256: r.planSha256, totalBytes: r.totalBytes };
        cache.set(plan, g);
        if (this.#plan === plan) this.generated = g;
      },
      (err: unknown) => {
        if (this.#plan === plan) this.error = err instanceof Error ? err.message : String(err);
      },
    );
  }

  /**
   * The zip of every .ps1, README.md and the plan workbook. The workbook is written in the import
   * worker (SheetJS never loads on the page), the zip in the script worker.
   */
  async zip(plan: Plan, findings: readonly Finding[]): Promise<Uint8Array> {
    const g = cache.get(plan);
    if (!g) throw new Error('The scripts are not generated yet.');
    this.zipping = true;
    const importer = new ImportClient();
    try {
      const workbook = await importer.workbook(plan, findings);
      return await this.#client.zip(plan, {
        files: g.files.map((f) => ({ name: f.name, bytes: f.bytes })),
        planSha256: g.planSha256,
        totalBytes: g.totalBytes,
        workbook,
        workbookFile: workbookFileName(plan.name),
        blockingErrors: findings.filter((f) => f.severity === 'error').length,
      });
    } finally {
      importer.cancel();
      this.zipping = false;
    }
  }

  dispose(): void {
    this.#client.cancel();
  }
}
