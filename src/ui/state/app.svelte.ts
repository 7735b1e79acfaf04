/**
 * Application state that outlives screens: the database, the plan list, the open workspace,
 * persistent-storage status and notices.
 */
// Startup code imports the startup facade rather than the core facade: the core facade re-exports
// every module (scripts, checks, spreadsheets …) and the entry script must stay small.
import { createSamplePlan, deserializePlan, serializePlan, type Plan } from '../../lib/startup.js';
import { PlannerDb } from '../../db/database.js';
import { describeStorageError, PlanRepository, type PlanSummary } from '../../db/plans.js';
import type { TrashRecord } from '../../db/database.js';
import { Notices } from './notices.svelte.js';
import { Router, planHref } from './router.svelte.js';
// The workspace (and the checks it derives) loads with the first plan, not with the entry script.
import type { Workspace } from './workspace.svelte.js';
import { downloadText, planFileStem, timestampForFile } from '../download.js';

export type PersistState = 'unknown' | 'granted' | 'denied' | 'unsupported';

export class AppState {
  repo = new PlanRepository(new PlannerDb());
  router = new Router();
  notices = new Notices();
  plans = $state<PlanSummary[]>([]);
  /** Recently deleted plans (kept for 30 days). */
  trash = $state<TrashRecord[]>([]);
  workspace = $state.raw<Workspace | null>(null);
  loading = $state(true);
  fatal = $state('');
  persist = $state<PersistState>('unknown');
  #opening: string | null = null;
  /** Tells other tabs of this planner that a plan was saved (live sync between tabs). */
  #channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('shared-calling-planner');

  constructor() {
    this.#channel?.addEventListener('message', (e: MessageEvent<{ planId?: string; revision?: number }>) => {
      void this.#onOtherTabSaved(e.data?.planId, e.data?.revision);
    });
  }

  /**
   * Another tab saved a plan. Refresh the list; when this tab shows that plan with nothing unsaved,
   * load the newer revision. With unsaved edits, the next save reports the conflict instead.
   */
  async #onOtherTabSaved(planId: string | undefined, revision: number | undefined) {
    await this.refreshList();
    const ws = this.workspace;
    if (!ws || ws.plan.id !== planId || typeof revision !== 'number' || revision <= ws.revision) return;
    if (ws.saveState === 'saved' && !ws.hasUnsavedChanges) {
      const loaded = await this.repo.load(ws.plan.id);
      if (loaded && this.workspace === ws) {
        this.workspace = await this.#newWorkspace(loaded.plan, loaded.revision);
        this.notices.push('info', 'This plan was changed in another tab; showing the newest version.');
      }
    }
  }

  async #newWorkspace(plan: Plan, revision: number): Promise<Workspace> {
    const { Workspace } = await import('./workspace.svelte.js');
    return new Workspace(this.repo, plan, revision, (planId, rev) => this.#channel?.postMessage({ planId, revision: rev }));
  }

  async start(): Promise<void> {
    try {
      await this.repo.purgeTrash();
      await this.refreshList();
      const firstStart = this.plans.length === 0 && this.trash.length === 0 && !(await this.repo.getSetting<boolean>('initialized'));
      if (firstStart) {
        // First start: open the embedded sample plan (it is stored like any other plan). Later, an
        // empty plan list stays empty: the person deleted their plans on purpose.
        await this.repo.create(createSamplePlan());
        await this.repo.setSetting('initialized', true);
        await this.refreshList();
        if (this.router.route.kind === 'plans') this.router.go(planHref('sample'));
      } else if (this.router.route.kind === 'plans' && !location.hash) {
        const last = await this.repo.getSetting<string>('lastPlanId');
        if (last && this.plans.some((p) => p.id === last)) this.router.go(planHref(last));
      }
      void this.checkPersistence();
    } catch (err) {
      this.fatal = `The planner could not open its database: ${describeStorageError(err)}`;
    } finally {
      this.loading = false;
    }
  }

  async refreshList(): Promise<void> {
    this.plans = await this.repo.list();
    this.trash = await this.repo.listTrash();
  }

  async checkPersistence(): Promise<void> {
    const storage = navigator.storage;
    if (!storage?.persisted) {
      this.persist = 'unsupported';
      return;
    }
    this.persist = (await storage.persisted()) ? 'granted' : 'denied';
  }

  /** Ask the browser to keep this site's data under storage pressure. */
  async requestPersistence(): Promise<void> {
    const storage = navigator.storage;
    if (!storage?.persist) {
      this.persist = 'unsupported';
      return;
    }
    const granted = await storage.persist();
    this.persist = granted ? 'granted' : 'denied';
    this.notices.push(
      granted ? 'success' : 'info',
      granted
        ? 'The browser will keep your plans even when disk space runs low.'
        : 'The browser did not grant persistent storage. Keep backups of important plans.',
    );
  }

  /** Open the plan in the route, saving the one that is open first. */
  async openPlan(id: string): Promise<void> {
    if (this.workspace?.plan.id === id || this.#opening === id) return;
    this.#opening = id;
    try {
      await this.workspace?.flush();
      const loaded = await this.repo.load(id);
      if (!loaded) {
        this.workspace = null;
        this.notices.push('error', 'That plan does not exist (it may have been deleted in another tab).');
        this.router.go('#/');
        return;
      }
      this.workspace = await this.#newWorkspace(loaded.plan, loaded.revision);
      await this.repo.setSetting('lastPlanId', id);
    } catch (err) {
      this.notices.push('error', describeStorageError(err));
    } finally {
      this.#opening = null;
    }
  }

  async closePlan(): Promise<void> {
    await this.workspace?.flush();
    this.workspace = null;
    await this.refreshList();
  }

  /** Reload the open plan from the database (after a conflict with another tab). */
  async reloadPlan(): Promise<void> {
    const id = this.workspace?.plan.id;
    if (!id) return;
    this.workspace = null;
    await this.openPlan(id);
  }

  async createPlan(plan: Plan): Promise<boolean> {
    try {
      await this.repo.create(plan);
      await this.refreshList();
      return true;
    } catch (err) {
      this.notices.push('error', describeStorageError(err));
      return false;
    }
  }

  async deletePlan(id: string): Promise<void> {
    try {
      if (this.workspace?.plan.id === id) await this.closePlan();
      const deleted = await this.repo.delete(id);
      await this.refreshList();
      if (deleted) {
        this.notices.push('info', `Moved “${deleted.name}” to Recently deleted.`, {
          label: 'Undo',
          run: () => void this.restoreDeleted(id),
        });
      }
    } catch (err) {
      this.notices.push('error', describeStorageError(err));
    }
  }

  /** Bring a plan back from the trash. */
  async restoreDeleted(id: string): Promise<void> {
    try {
      const plan = await this.repo.restoreFromTrash(id);
      await this.refreshList();
      if (plan) this.notices.push('success', `Restored “${plan.name}”.`);
    } catch (err) {
      this.notices.push(
        'error',
        err instanceof Error && err.name === 'SaveConflictError'
          ? 'A plan with the same identity exists again; download a backup of it or delete it first.'
          : describeStorageError(err),
      );
    }
  }

  async deleteForever(id: string): Promise<void> {
    try {
      await this.repo.deleteForever(id);
      await this.refreshList();
    } catch (err) {
      this.notices.push('error', describeStorageError(err));
    }
  }

  async renamePlan(id: string, name: string): Promise<void> {
    try {
      if (this.workspace?.plan.id === id) {
        this.workspace.update('Rename plan', (p) => ({ ...p, name }));
        await this.workspace.flush();
      } else {
        await this.repo.rename(id, name, new Date().toISOString());
      }
      await this.refreshList();
    } catch (err) {
      this.notices.push('error', describeStorageError(err));
    }
  }

  async duplicatePlan(id: string): Promise<void> {
    try {
      await this.workspace?.flush();
      const loaded = await this.repo.load(id);
      if (!loaded) return;
      const now = new Date().toISOString();
      const copy: Plan = { ...loaded.plan, id: newPlanId(), name: `${loaded.plan.name} (copy)`, createdAt: now, updatedAt: now };
      if (await this.createPlan(copy)) this.notices.push('success', `Created “${copy.name}”.`);
    } catch (err) {
      this.notices.push('error', describeStorageError(err));
    }
  }

  async downloadBackup(id: string): Promise<void> {
    await this.workspace?.flush();
    const loaded = await this.repo.load(id);
    if (!loaded) return;
    downloadText(`${planFileStem(loaded.plan.name)} ${timestampForFile()}.scplan.json`, serializePlan(loaded.plan), 'application/json');
  }

  /**
   * Read a backup. Returns the plan and whether a plan with its id exists; nothing is written yet
   * (a restore never overwrites a plan silently).
   */
  async readBackup(file: File): Promise<{ plan: Plan; exists: boolean } | { error: string }> {
    try {
      const text = await file.text();
      const plan = deserializePlan(text);
      return { plan, exists: await this.repo.exists(plan.id) };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }

  async restoreBackup(plan: Plan, how: 'new' | 'replace' | 'copy'): Promise<string | null> {
    try {
      if (how === 'replace') {
        if (this.workspace?.plan.id === plan.id) this.workspace = null;
        await this.repo.replace(plan);
      } else if (how === 'copy') {
        plan = { ...plan, id: newPlanId(), name: `${plan.name} (restored)` };
        await this.repo.create(plan);
      } else {
        await this.repo.create(plan);
      }
      await this.refreshList();
      this.notices.push('success', `Restored “${plan.name}”.`);
      return plan.id;
    } catch (err) {
      this.notices.push('error', describeStorageError(err));
      return null;
    }
  }
}

export function newPlanId(): string {
  return `plan-${crypto.randomUUID()}`;
}
