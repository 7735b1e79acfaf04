/**
 * Plan repository: every read and write of plans goes through here. Multi-record writes run in one
 * `rw` transaction so that a save, an import or a restore is all or nothing.
 */
import Dexie from 'dexie';
import type { Plan, User } from '../lib/index.js';
import { PlannerDb, TRASH_DAYS, USER_CHUNK_SIZE, type PlanBody, type PlanRecord, type TrashRecord } from './database.js';

export interface PlanSummary {
  id: string;
  name: string;
  tenantDomain: string;
  updatedAt: string;
  userCount: number;
  revision: number;
}

/** Another tab (or window) saved the plan since this one loaded it. */
export class SaveConflictError extends Error {
  constructor(public readonly storedRevision: number) {
    super('This plan was changed in another tab or window. Reload it to see those changes; your last edit was not saved over them.');
    this.name = 'SaveConflictError';
  }
}

/** Turn storage failures into messages a person can act on. */
export function describeStorageError(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  const inner = err instanceof Dexie.DexieError && err.inner instanceof Error ? err.inner.name : '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'The browser has no storage space left for this site. Nothing was saved. Free disk space or delete plans you no longer need, then try again.';
  }
  if (err instanceof SaveConflictError) return err.message;
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError') {
    return 'The browser closed the planner database (private mode or a storage reset?). Reload the page; unsaved changes in this tab may need to be made again.';
  }
  const msg = err instanceof Error ? err.message : String(err);
  return `Saving failed: ${msg}`;
}

function splitPlan(plan: Plan): { body: PlanBody; users: User[] } {
  const { users, ...body } = plan;
  return { body, users };
}

function chunkOf(users: User[], index: number): User[] {
  return users.slice(index * USER_CHUNK_SIZE, (index + 1) * USER_CHUNK_SIZE);
}

/** Chunks whose users differ (by reference) between two user lists. */
export function changedChunks(prev: User[] | null, next: User[]): number[] {
  const count = Math.ceil(next.length / USER_CHUNK_SIZE);
  if (!prev) return Array.from({ length: count }, (_, i) => i);
  if (prev === next) return [];
  const out: number[] = [];
  for (let c = 0; c < count; c++) {
    const start = c * USER_CHUNK_SIZE;
    const end = Math.min(start + USER_CHUNK_SIZE, next.length);
    if (Math.min(start + USER_CHUNK_SIZE, prev.length) !== end) {
      out.push(c);
      continue;
    }
    for (let i = start; i < end; i++) {
      if (prev[i] !== next[i]) {
        out.push(c);
        break;
      }
    }
  }
  return out;
}

export class PlanRepository {
  constructor(public readonly db: PlannerDb) {}

  async list(): Promise<PlanSummary[]> {
    const records = await this.db.plans.orderBy('updatedAt').reverse().toArray();
    return records.map((r) => ({
      id: r.id,
      name: r.name,
      tenantDomain: r.body.tenantDomain,
      updatedAt: r.updatedAt,
      userCount: r.userCount,
      revision: r.revision,
    }));
  }

  async exists(id: string): Promise<boolean> {
    return (await this.db.plans.get(id)) !== undefined;
  }

  /** Load a plan and the revision it was loaded at; undefined when there is none. */
  async load(id: string): Promise<{ plan: Plan; revision: number } | undefined> {
    return this.db.transaction('r', this.db.plans, this.db.userChunks, async () => {
      const record = await this.db.plans.get(id);
      if (!record) return undefined;
      const chunks = await this.db.userChunks.where('planId').equals(id).sortBy('index');
      const users: User[] = [];
      for (const chunk of chunks) {
        if (chunk.index < record.chunkCount) users.push(...chunk.users);
      }
      return { plan: { ...record.body, users } as Plan, revision: record.revision };
    });
  }

  /**
   * Save a plan. `previous` is the plan as last saved (to write only changed user chunks; null =
   * write all) and `expectedRevision` the revision it was saved at (null = the plan must be new).
   * Returns the new revision. Throws SaveConflictError when another tab saved in between.
   */
  async save(plan: Plan, previous: Plan | null, expectedRevision: number | null): Promise<number> {
    const { body, users } = splitPlan(plan);
    const chunkCount = Math.ceil(users.length / USER_CHUNK_SIZE);
    const dirty = changedChunks(previous?.users ?? null, users);
    return this.db.transaction('rw', this.db.plans, this.db.userChunks, async () => {
      const current = await this.db.plans.get(plan.id);
      const storedRevision = current?.revision ?? null;
      if (storedRevision !== expectedRevision) throw new SaveConflictError(storedRevision ?? 0);
      const revision = (storedRevision ?? 0) + 1;
      const record: PlanRecord = {
        id: plan.id,
        body,
        name: plan.name,
        updatedAt: plan.updatedAt,
        userCount: users.length,
        chunkCount,
        revision,
      };
      await this.db.plans.put(record);
      // A previous save may have written chunks the caller does not know about: rewrite all then.
      const toWrite = current && previous ? dirty : Array.from({ length: chunkCount }, (_, i) => i);
      if (toWrite.length > 0) {
        await this.db.userChunks.bulkPut(toWrite.map((index) => ({ planId: plan.id, index, users: chunkOf(users, index) })));
      }
      const oldCount = current?.chunkCount ?? 0;
      if (oldCount > chunkCount) {
        await this.db.userChunks.bulkDelete(Array.from({ length: oldCount - chunkCount }, (_, i) => [plan.id, chunkCount + i] as [string, number]));
      }
      return revision;
    });
  }

  /** Create a plan that must not exist yet. */
  async create(plan: Plan): Promise<number> {
    return this.save(plan, null, null);
  }

  /** Replace a stored plan whatever its revision (a confirmed restore). */
  async replace(plan: Plan): Promise<number> {
    return this.db.transaction('rw', this.db.plans, this.db.userChunks, async () => {
      const current = await this.db.plans.get(plan.id);
      if (current) {
        await this.db.userChunks.where('planId').equals(plan.id).delete();
      }
      return this.save(plan, null, current?.revision ?? null);
    });
  }

  /**
   * Delete a plan: it moves to the trash (one transaction), from where it can be restored.
   * Returns the plan so the caller can offer undo.
   */
  async delete(id: string, now = new Date().toISOString()): Promise<Plan | undefined> {
    return this.db.transaction('rw', [this.db.plans, this.db.userChunks, this.db.trash, this.db.trashPlans], async () => {
      const loaded = await this.load(id);
      if (!loaded) return undefined;
      await this.db.trash.put({ id, deletedAt: now, name: loaded.plan.name, userCount: loaded.plan.users.length });
      await this.db.trashPlans.put({ id, plan: loaded.plan });
      await this.db.userChunks.where('planId').equals(id).delete();
      await this.db.plans.delete(id);
      return loaded.plan;
    });
  }

  /** Deleted plans, newest first (without their contents). */
  async listTrash(): Promise<TrashRecord[]> {
    return this.db.trash.orderBy('deletedAt').reverse().toArray();
  }

  /** Put a deleted plan back. Refuses (SaveConflictError) when a plan with its id exists again. */
  async restoreFromTrash(id: string): Promise<Plan | undefined> {
    return this.db.transaction('rw', [this.db.plans, this.db.userChunks, this.db.trash, this.db.trashPlans], async () => {
      const record = await this.db.trashPlans.get(id);
      if (!record) return undefined;
      await this.create(record.plan);
      await this.db.trash.delete(id);
      await this.db.trashPlans.delete(id);
      return record.plan;
    });
  }

  async deleteForever(id: string): Promise<void> {
    await this.db.transaction('rw', this.db.trash, this.db.trashPlans, async () => {
      await this.db.trash.delete(id);
      await this.db.trashPlans.delete(id);
    });
  }

  /** Remove trash older than TRASH_DAYS. */
  async purgeTrash(now = Date.now()): Promise<number> {
    const cutoff = new Date(now - TRASH_DAYS * 86_400_000).toISOString();
    return this.db.transaction('rw', this.db.trash, this.db.trashPlans, async () => {
      const old = await this.db.trash.where('deletedAt').below(cutoff).primaryKeys();
      await this.db.trashPlans.bulkDelete(old);
      await this.db.trash.bulkDelete(old);
      return old.length;
    });
  }

  async rename(id: string, name: string, now: string): Promise<void> {
    await this.db.transaction('rw', this.db.plans, async () => {
      const record = await this.db.plans.get(id);
      if (!record) throw new Error('That plan no longer exists.');
      await this.db.plans.put({
        ...record,
        name,
        updatedAt: now,
        body: { ...record.body, name, updatedAt: now },
        revision: record.revision + 1,
      });
    });
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await this.db.settings.get(key))?.value as T | undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.settings.put({ key, value });
  }
}
