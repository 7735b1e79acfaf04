import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { PlannerDb } from '../../../src/db/database.js';
import { PlanRepository } from '../../../src/db/plans.js';
import { createSamplePlan } from '../../../src/lib/index.js';
import type { Plan } from '../../../src/lib/index.js';

/** The sample as a planner before plan format 3 stored it (no RA9 billing, AA10/AA11, AA6, tag fields). */
function beforeV3(plan: Plan): unknown {
  const { tagCallbackNumbers: _t, ...tenant } = plan.tenant;
  return {
    ...plan,
    tenant,
    resourceAccounts: plan.resourceAccounts.map(({ callingPlanBilling: _b, ...r }) => r),
    autoAttendants: plan.autoAttendants.map(({ operator: _o, greeting: _g, ...a }) => a),
    users: plan.users.map(({ hiddenFromAddressLists: _h, ...u }) => u),
  };
}

/** What the schema-3 upgrade makes of it: the documented defaults. */
function withV3Defaults(plan: Plan): Plan {
  return {
    ...plan,
    tenant: { ...plan.tenant, tagCallbackNumbers: false },
    resourceAccounts: plan.resourceAccounts.map((r) => ({ ...r, callingPlanBilling: 'unknown' })),
    autoAttendants: plan.autoAttendants.map((a) => ({ ...a, operator: '', greeting: '' })),
  };
}

describe('database schema versions', () => {
  it('opens a database created by schema version 1 and finds the data intact', async () => {
    const name = `v1-${Math.random()}`;
    // Exactly the version-1 schema, as the first release created it.
    const v1 = new Dexie(name);
    v1.version(1).stores({ plans: 'id, name, updatedAt', userChunks: '[planId+index], planId', settings: 'key' });
    const sample = createSamplePlan();
    const { users, ...body } = beforeV3(sample) as Plan;
    await v1.table('plans').put({ id: sample.id, body, name: sample.name, updatedAt: sample.updatedAt, userCount: users.length, chunkCount: 1, revision: 7 });
    await v1.table('userChunks').put({ planId: sample.id, index: 0, users });
    await v1.table('settings').put({ key: 'lastPlanId', value: sample.id });
    v1.close();

    const repo = new PlanRepository(new PlannerDb(name));
    const loaded = await repo.load(sample.id);
    // Schema 3 filled in the plan-format-3 fields with their defaults.
    expect(loaded?.plan).toEqual(withV3Defaults(sample));
    expect(loaded?.revision).toBe(7);
    expect(await repo.getSetting('lastPlanId')).toBe(sample.id);
    expect(repo.db.verno).toBe(3);
    expect(await repo.listTrash()).toEqual([]);
  });
});

describe('schema 3', () => {
  it('upgrades a schema-2 database: plans, user chunks and deleted plans get the format-3 fields', async () => {
    const name = `v2-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ plans: 'id, name, updatedAt', userChunks: '[planId+index], planId', settings: 'key' });
    v2.version(2).stores({ trash: 'id, deletedAt', trashPlans: 'id' });
    const sample = createSamplePlan();
    const old = beforeV3(sample) as Plan;
    const { users, ...body } = old;
    await v2.table('plans').put({ id: sample.id, body, name: sample.name, updatedAt: sample.updatedAt, userCount: users.length, chunkCount: 1, revision: 3 });
    await v2.table('userChunks').put({ planId: sample.id, index: 0, users });
    await v2.table('trash').put({ id: 'gone', deletedAt: '2026-11-30T00:00:00.000Z', name: 'Gone', userCount: users.length });
    await v2.table('trashPlans').put({ id: 'gone', plan: { ...old, id: 'gone' } });
    v2.close();

    const repo = new PlanRepository(new PlannerDb(name));
    const loaded = await repo.load(sample.id);
    expect(loaded?.plan).toEqual(withV3Defaults(sample));
    expect(loaded?.plan.users.every((u) => u.hiddenFromAddressLists === false)).toBe(true);
    expect(await repo.restoreFromTrash('gone')).toEqual({ ...withV3Defaults(sample), id: 'gone' });
  });
});

describe('trash', () => {
  const repo = () => new PlanRepository(new PlannerDb(`trash-${Math.random()}`));

  it('a deleted plan goes to the trash and comes back whole', async () => {
    const r = repo();
    const sample = createSamplePlan();
    await r.create(sample);
    await r.delete(sample.id, '2026-11-01T00:00:00.000Z');
    expect(await r.load(sample.id)).toBeUndefined();
    expect(await r.listTrash()).toEqual([{ id: sample.id, deletedAt: '2026-11-01T00:00:00.000Z', name: sample.name, userCount: sample.users.length }]);
    expect(await r.restoreFromTrash(sample.id)).toEqual(sample);
    expect((await r.load(sample.id))?.plan).toEqual(sample);
    expect(await r.listTrash()).toEqual([]);
  });

  it('restoring refuses to overwrite a plan that exists again, and keeps the trash entry', async () => {
    const r = repo();
    const sample = createSamplePlan();
    await r.create(sample);
    await r.delete(sample.id);
    await r.create({ ...sample, name: 'New one' });
    await expect(r.restoreFromTrash(sample.id)).rejects.toThrow();
    expect((await r.load(sample.id))?.plan.name).toBe('New one');
    expect(await r.listTrash()).toHaveLength(1);
  });

  it('purges entries older than 30 days and deletes forever on request', async () => {
    const r = repo();
    const a = { ...createSamplePlan(), id: 'a' };
    const b = { ...createSamplePlan(), id: 'b' };
    await r.create(a);
    await r.create(b);
    await r.delete('a', '2026-01-01T00:00:00.000Z');
    await r.delete('b', '2026-11-20T00:00:00.000Z');
    expect(await r.purgeTrash(Date.parse('2026-11-25T00:00:00.000Z'))).toBe(1);
    expect((await r.listTrash()).map((t) => t.id)).toEqual(['b']);
    await r.deleteForever('b');
    expect(await r.listTrash()).toEqual([]);
    expect(await r.db.trashPlans.count()).toBe(0);
  });
});
