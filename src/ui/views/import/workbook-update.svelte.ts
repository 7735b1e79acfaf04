/**
 * Updating the open plan from its workbook (edited in a spreadsheet program): the file is read in
 * the import worker against the current plan, the changes are shown field by field, and nothing
 * changes until `apply`, which is one workspace update (one save, one undo step).
 */
import type { Plan, WorkbookUpdatePreview } from '../../../lib/index.js';
import { CancelledError, ImportClient } from '../../../workers/import-client.js';
import type { Workspace } from '../../state/workspace.svelte.js';

export type UpdatePhase = 'idle' | 'reading' | 'ready' | 'done';

export class WorkbookUpdate {
  phase = $state<UpdatePhase>('idle');
  file = $state.raw<File | null>(null);
  preview = $state.raw<WorkbookUpdatePreview | null>(null);
  /** A problem outside the reader's issues (the reader crashed, the plan changed meanwhile). */
  failure = $state('');
  /** After apply: how many changes went in. */
  applied = $state(0);

  #client = new ImportClient();
  #ws: () => Workspace;
  /** The plan value the preview was computed against. */
  #base: Plan | null = null;

  constructor(ws: () => Workspace) {
    this.#ws = ws;
  }

  get fallbackReason() {
    return this.#client.fallbackReason;
  }

  async choose(file: File) {
    this.#client.cancel();
    this.file = file;
    this.preview = null;
    this.failure = '';
    this.applied = 0;
    this.phase = 'reading';
    const base = this.#ws().plan;
    this.#base = base;
    try {
      this.preview = await this.#client.readWorkbook(file, base);
      this.phase = 'ready';
    } catch (err) {
      if (err instanceof CancelledError) return;
      this.failure = err instanceof Error ? err.message : String(err);
      this.phase = 'idle';
    }
  }

  get canApply(): boolean {
    return this.phase === 'ready' && !!this.preview?.next && (this.preview.diff?.total ?? 0) > 0;
  }

  apply() {
    const next = this.preview?.next;
    if (!this.canApply || !next || !this.file) return;
    const ws = this.#ws();
    if (ws.plan !== this.#base) {
      // The preview compared against an older plan: applying it would undo the newer edits.
      this.failure = 'The plan changed after the workbook was read. Choose the workbook again to see the changes against the plan as it is now.';
      this.phase = 'idle';
      this.preview = null;
      return;
    }
    this.applied = this.preview?.diff?.total ?? 0;
    ws.update(`Update from workbook “${this.file.name}”`, () => next);
    this.phase = 'done';
  }

  reset() {
    this.#client.cancel();
    this.phase = 'idle';
    this.file = null;
    this.preview = null;
    this.failure = '';
    this.applied = 0;
  }

  dispose() {
    this.#client.dispose();
  }
}
