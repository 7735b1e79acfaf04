/**
 * One import, from choosing a file to the committed plan. The file is read in the import worker;
 * nothing touches the plan until `commit`, which is a single workspace update (one save
 * transaction, one undo step). Cancelling or a failed read leaves the plan as it was.
 */
import {
  commitImport,
  importPreview,
  importPreviewDetails,
  type ImportPreviewDetails,
  MAX_BYTES,
  type ImportMode,
  type ImportPreview,
  type Plan,
  type RowIssue,
  type UserListResult,
} from '../../../lib/index.js';
import { CancelledError, ImportClient, type ParseJobOptions } from '../../../workers/import-client.js';
import type { Workspace } from '../../state/workspace.svelte.js';
import { copyMapping, rememberedFits, withField, type Mapping } from './mapping.js';
import { fmt, formatBytes, plural } from './labels.js';

export interface ImportSummary {
  file: string;
  mode: ImportMode;
  added: number;
  updated: number;
  removed: number;
  skipped: number;
  /** Users changed by the plan's assignment rules; null when the rules were not applied. */
  rulesChanged: number | null;
}

export type Phase = 'idle' | 'reading' | 'ready' | 'done';

export class ImportSession {
  phase = $state<Phase>('idle');
  file = $state.raw<File | null>(null);
  /** 0…1 while reading. */
  progress = $state(0);
  /** What the reader returned ($state.raw: up to a million users must not become deep proxies). */
  result = $state.raw<UserListResult | null>(null);
  /** Problem outside the core's issue list (file too large, reader crashed). */
  failure = $state('');
  /** A note for the person: cancelled, fallback to the page … */
  note = $state('');
  usingRemembered = $state(false);
  summary = $state.raw<ImportSummary | null>(null);

  #client = new ImportClient();
  #ws: () => Workspace;
  #run = 0;

  constructor(ws: () => Workspace) {
    this.#ws = ws;
  }

  get reading() {
    return this.phase === 'reading';
  }

  get fallbackReason() {
    return this.#client.fallbackReason;
  }

  /** Whole-file problems (row 0). */
  fileErrors = $derived<RowIssue[]>(this.result?.issues.filter((i) => i.row === 0) ?? []);
  rowIssues = $derived<RowIssue[]>(this.result?.issues.filter((i) => i.row > 0) ?? []);
  preview = $derived.by<ImportPreview | null>(() => (this.result ? importPreview(this.#ws().plan, this.result.users) : null));
  /** Who changes how, and who a replace removes (first entries of each). */
  details = $derived.by<ImportPreviewDetails | null>(() => (this.result ? importPreviewDetails(this.#ws().plan, this.result.users) : null));
  canCommit = $derived(this.phase === 'ready' && !!this.result && this.result.users.length > 0 && !this.fileErrors.some((i) => i.severity === 'error'));

  async choose(file: File) {
    this.summary = null;
    this.failure = '';
    this.note = '';
    this.result = null;
    this.file = file;
    if (file.size > MAX_BYTES) {
      this.phase = 'idle';
      this.failure = `${file.name} is ${formatBytes(file.size)}, larger than the ${formatBytes(MAX_BYTES)} the planner can read. Split the list into smaller files.`;
      return;
    }
    const remembered = copyMapping(this.#ws().plan.importMapping);
    await this.#read(async (parse) => {
      if (Object.keys(remembered).length > 0) {
        const r = await parse({ mapping: remembered });
        if (rememberedFits(remembered, r.headers)) return { result: r, remembered: true };
      }
      return { result: await parse({}), remembered: false };
    });
  }

  /** Read another sheet of the workbook (automatic or remembered mapping again: headers differ). */
  async chooseSheet(sheet: string) {
    const remembered = copyMapping(this.#ws().plan.importMapping);
    await this.#read(async (parse) => {
      if (Object.keys(remembered).length > 0) {
        const r = await parse({ sheet, mapping: remembered });
        if (rememberedFits(remembered, r.headers)) return { result: r, remembered: true };
      }
      return { result: await parse({ sheet }), remembered: false };
    });
  }

  async setField(header: string, field: string) {
    const current = this.result;
    if (!current) return;
    const mapping = withField(copyMapping(current.mapping), header, field);
    const sheet = current.sheet;
    await this.#read(async (parse) => ({ result: await parse({ mapping, ...(sheet ? { sheet } : {}) }), remembered: false }));
  }

  /** Forget the remembered or edited mapping for this file: match columns by name again. */
  async automaticMapping() {
    const sheet = this.result?.sheet ?? '';
    await this.#read(async (parse) => ({ result: await parse(sheet ? { sheet } : {}), remembered: false }));
  }

  cancel() {
    this.#client.cancel();
  }

  /** Start over with another file. */
  reset() {
    this.#client.cancel();
    this.phase = 'idle';
    this.result = null;
    this.file = null;
    this.summary = null;
    this.failure = '';
    this.note = '';
  }

  dispose() {
    this.#client.dispose();
  }

  async #read(job: (parse: (o: ParseJobOptions) => Promise<UserListResult>) => Promise<{ result: UserListResult; remembered: boolean }>) {
    const file = this.file;
    if (!file) return;
    const run = ++this.#run;
    this.#client.cancel(); // a newer read replaces an older one
    this.phase = 'reading';
    this.progress = 0;
    this.failure = '';
    this.note = '';
    const parse = (o: ParseJobOptions) =>
      this.#client.parse(file, o, (f) => {
        if (run === this.#run) this.progress = f;
      });
    try {
      const { result, remembered } = await job(parse);
      if (run !== this.#run) return;
      this.result = result;
      this.usingRemembered = remembered;
      this.phase = 'ready';
      if (this.#client.fallbackReason) this.note = this.#client.fallbackReason;
    } catch (err) {
      if (run !== this.#run) return;
      this.result = null;
      this.phase = 'idle';
      if (err instanceof CancelledError) this.note = `Import of ${file.name} cancelled. Nothing was changed.`;
      else this.failure = `${file.name} could not be read: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  /** The undo label and save label of the commit. */
  commitLabel(): string {
    const n = this.result?.users.length ?? 0;
    return `Import ${plural(n, 'user')} from ${this.file?.name ?? 'file'}`;
  }

  /**
   * Bring the users into the plan: ONE workspace update, so one save transaction and one undo step.
   * `withRules`: run the plan's assignment rules over the users this import added or changed.
   */
  commit(mode: ImportMode, withRules: boolean, excludeFlagged = false) {
    const result = this.result;
    const file = this.file?.name ?? '';
    if (!result || !this.canCommit) return;
    let summary: ImportSummary | null = null;
    this.#ws().update(this.commitLabel(), (plan: Plan) => {
      // The core commits the import, assignment rules included.
      const out = commitImport(plan, result.users, mode, { file, mapping: copyMapping(result.mapping), excludeFlagged }, withRules);
      summary = { file, mode, added: out.added, updated: out.updated, removed: out.removed, skipped: out.skipped, rulesChanged: out.rulesChanged };
      return out.plan;
    });
    this.summary = summary;
    this.phase = 'done';
    this.result = null;
  }
}

export { fmt };
