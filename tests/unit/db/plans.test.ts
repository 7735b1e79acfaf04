import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PlannerDb, USER_CHUNK_SIZE } from '../../../src/db/database.js';
import { PlanRepository, SaveConflictError, changedChunks, describeStorageError } from '../../../src/db/plans.js';
import { blankUser, createEmptyPlan, createSamplePlan, type Plan } from '../../../src/lib/index.js';

let n = 0;
const freshRepo = () => new PlanRepository(new PlannerDb(`test-db-${++n}-${Math.random()}`));

function bigPlan(users: number): Plan {
  const p = createEmptyPlan('big', 'Big', '2026-01-01T00:00:00.000Z');
  p.users = Array.from({ length: users }, (_, i) => blankUser(`user${i}@contoso.com`, `User ${i}`));
  return p;
}

describe('PlanRepository', () => {
  it('creates, loads deep-equal, lists', async () => {
    const repo = freshRepo();
    const sample = createSamplePlan();
    expect(await repo.create(sample)).toBe(1);
    const loaded = await repo.load('sample');
    expect(loaded?.plan).toEqual(sample);
    expect(loaded?.revision).toBe(1);
    const list = await repo.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'sample', userCount: sample.users.length, tenantDomain: 'contoso.com' });
  });

  it('keeps user order across chunks and writes only changed chunks', async () => {
    const repo = freshRepo();
    const p = bigPlan(USER_CHUNK_SIZE * 2 + 10);
    await repo.create(p);
    const users = p.users.slice();
    users[USER_CHUNK_SIZE + 5] = { ...users[USER_CHUNK_SIZE + 5]!, department: 'Edited' };
    const next = { ...p, users };
    expect(changedChunks(p.users, next.users)).toEqual([1]);
    await repo.save(next, p, 1);
    const loaded = await repo.load('big');
    expect(loaded?.plan).toEqual(next);
    expect(loaded?.revision).toBe(2);
  });

  it('shrinking a plan deletes stale chunks', async () => {
    const repo = freshRepo();
    const p = bigPlan(USER_CHUNK_SIZE * 3);
    await repo.create(p);
    const small = { ...p, users: p.users.slice(0, 5) };
    await repo.save(small, p, 1);
    expect((await repo.load('big'))?.plan.users).toHaveLength(5);
    expect(await repo.db.userChunks.where('planId').equals('big').count()).toBe(1);
  });

  it('refuses a save from a stale revision (two tabs) and keeps the newer data', async () => {
    const repo = freshRepo();
    const p = createSamplePlan();
    await repo.create(p);
    const tabA = { ...p, name: 'Tab A' };
    const tabB = { ...p, name: 'Tab B' };
    await repo.save(tabA, p, 1);
    await expect(repo.save(tabB, p, 1)).rejects.toBeInstanceOf(SaveConflictError);
    expect((await repo.load('sample'))?.plan.name).toBe('Tab A');
  });

  it('create refuses to overwrite an existing plan', async () => {
    const repo = freshRepo();
    await repo.create(createSamplePlan());
    await expect(repo.create({ ...createSamplePlan(), name: 'other' })).rejects.toBeInstanceOf(SaveConflictError);
    expect((await repo.load('sample'))?.plan.name).toBe(createSamplePlan().name);
  });

  it('deletes and can restore (undo) the deleted plan', async () => {
    const repo = freshRepo();
    const p = createSamplePlan();
    await repo.create(p);
    const deleted = await repo.delete('sample');
    expect(deleted).toEqual(p);
    expect(await repo.load('sample')).toBeUndefined();
    expect(await repo.db.userChunks.count()).toBe(0);
    await repo.create(deleted!);
    expect((await repo.load('sample'))?.plan).toEqual(p);
  });

  it('replace overwrites whatever is stored (confirmed restore)', async () => {
    const repo = freshRepo();
    await repo.create(bigPlan(2500));
    const replacement = { ...bigPlan(10), name: 'Restored' };
    await repo.replace(replacement);
    const loaded = await repo.load('big');
    expect(loaded?.plan).toEqual(replacement);
  });

  it('renames', async () => {
    const repo = freshRepo();
    await repo.create(createSamplePlan());
    await repo.rename('sample', 'Renamed', '2026-03-03T00:00:00.000Z');
    const loaded = await repo.load('sample');
    expect(loaded?.plan.name).toBe('Renamed');
    expect(loaded?.revision).toBe(2);
  });

  it('a failing write inside the transaction changes nothing', async () => {
    const repo = freshRepo();
    const p = createSamplePlan();
    await repo.create(p);
    const broken = { ...p, name: 'Broken', users: [...p.users, { upn: 'x', toString: () => '' } as never] };
    // A function value cannot be stored (DataCloneError): the whole save must roll back.
    (broken.users[broken.users.length - 1] as unknown as Record<string, unknown>).fn = () => 1;
    await expect(repo.save(broken, null, 1)).rejects.toBeTruthy();
    const loaded = await repo.load('sample');
    expect(loaded?.plan).toEqual(p);
    expect(loaded?.revision).toBe(1);
  });

  it('settings round-trip', async () => {
    const repo = freshRepo();
    await repo.setSetting('lastPlanId', 'abc');
    expect(await repo.getSetting('lastPlanId')).toBe('abc');
  });

  it('describes quota errors in words a person can act on', () => {
    const e = new Error('quota');
    e.name = 'QuotaExceededError';
    expect(describeStorageError(e)).toMatch(/no storage space left/);
  });
});
