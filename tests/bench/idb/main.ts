/**
 * Runs in Chromium: save a 100,000-user plan the way the planner does (PlanRepository over Dexie)
 * and compare with a raw IndexedDB put loop in one transaction, plus Dexie bulkPut of the same
 * 100,000 records (Dexie's own overhead).
 */
import Dexie from 'dexie';
import { PlannerDb } from '../../../src/db/database.js';
import { PlanRepository } from '../../../src/db/plans.js';
import { blankUser, createEmptyPlan, type User } from '../../../src/lib/index.js';

function users(n: number): User[] {
  return Array.from({ length: n }, (_, i) => ({
    ...blankUser(`user${i}@contoso.com`, `User ${i}`),
    department: `Dept ${i % 40}`,
    office: `Office ${i % 12}`,
    usageLocation: 'US',
    sharedCallingPolicyId: 'scp-seattle',
  }));
}

function rawPutLoop(name: string, list: User[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('users', { keyPath: 'upn' });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const t0 = performance.now();
      const tx = db.transaction('users', 'readwrite');
      const store = tx.objectStore('users');
      for (const u of list) store.put(u);
      tx.oncomplete = () => {
        db.close();
        resolve(performance.now() - t0);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

async function dexieBulkPut(name: string, list: User[]): Promise<number> {
  const db = new Dexie(name);
  db.version(1).stores({ users: 'upn' });
  await db.open();
  const t0 = performance.now();
  await db.table('users').bulkPut(list);
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

async function plannerSave(name: string, list: User[]): Promise<number> {
  const repo = new PlanRepository(new PlannerDb(name));
  const plan = { ...createEmptyPlan('bench', 'Bench', new Date().toISOString()), users: list };
  const t0 = performance.now();
  await repo.save(plan, null, null);
  const ms = performance.now() - t0;
  repo.db.close();
  return ms;
}

declare global {
  interface Window {
    runBench: (n: number, round: number) => Promise<{ raw: number; dexie: number; planner: number }>;
  }
}

window.runBench = async (n, round) => {
  const list = users(n);
  const raw = await rawPutLoop(`raw-${round}`, list);
  const dexie = await dexieBulkPut(`dexie-${round}`, list);
  const planner = await plannerSave(`planner-${round}`, list);
  return { raw, dexie, planner };
};
