/**
 * The one Dexie module (architecture.md, convention 7). Schema versions are only ever appended.
 *
 * Layout:
 *   plans       one record per plan: everything except the users, plus bookkeeping
 *   userChunks  the plan's users in order, USER_CHUNK_SIZE per record, so that an edit to one user
 *               rewrites one chunk and a 100,000-user plan loads with ~100 reads
 *   settings    small key/value pairs (last opened plan, …)
 *   trash       (version 2) deleted plans' names and dates, for the "Recently deleted" list
 *   trashPlans  (version 2) deleted plans, whole, so that a delete can be undone even after a
 *               reload; both purged after TRASH_DAYS
 *
 * Version 3 changes no table: it fills in the plan fields of plan file format 3 (RA9 billing,
 * AA10 operator, AA11 greeting, AA6 hidden users, callback-number tags) in stored plans, with the
 * same defaults as the plan-file migration, so that a plan saved by an older planner still loads.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
// Straight from the migrations module: a value import of the whole facade from here (the entry
// script) drags the spreadsheet and phone-number code into the startup bundle.
import { fillV3PlanBody, fillV3User, fillV4PlanBody, fillV4User } from '../lib/plan-file/migrations.js';
import type { Plan, User } from '../lib/index.js';

export const USER_CHUNK_SIZE = 1000;

export type PlanBody = Omit<Plan, 'users'>;

export interface PlanRecord {
  id: string;
  /** The plan without its users. */
  body: PlanBody;
  name: string;
  updatedAt: string;
  userCount: number;
  chunkCount: number;
  /** Incremented on every save; a save that expects another revision is a conflict (two tabs). */
  revision: number;
}

export interface UserChunkRecord {
  planId: string;
  index: number;
  users: User[];
}

export interface TrashRecord {
  id: string;
  /** ISO timestamp of the deletion. */
  deletedAt: string;
  name: string;
  userCount: number;
}

export interface TrashPlanRecord {
  id: string;
  plan: Plan;
}

export const TRASH_DAYS = 30;

export interface SettingRecord {
  key: string;
  value: unknown;
}

export const DB_NAME = 'shared-calling-planner';

export class PlannerDb extends Dexie {
  plans!: Table<PlanRecord, string>;
  userChunks!: Table<UserChunkRecord, [string, number]>;
  settings!: Table<SettingRecord, string>;
  trash!: Table<TrashRecord, string>;
  trashPlans!: Table<TrashPlanRecord, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      plans: 'id, name, updatedAt',
      userChunks: '[planId+index], planId',
      settings: 'key',
    });
    // Version 2 adds the trash. Existing plans need no change.
    this.version(2).stores({
      trash: 'id, deletedAt',
      trashPlans: 'id',
    });
    // Version 3 and 4 fill the fields their plan formats added, in stored plans, user chunks and the
    // trash alike (version 4: brownfield flags, assignment method and user scope, issue 12).
    this.version(3)
      .stores({})
      .upgrade((tx) => fillStoredPlans(tx, fillV3PlanBody, fillV3User));
    this.version(4)
      .stores({})
      .upgrade((tx) => fillStoredPlans(tx, fillV4PlanBody, fillV4User));
  }
}

/** One plan-format migration over everything stored: plan bodies, their user chunks and trashed plans. */
async function fillStoredPlans(tx: Transaction, fillBody: (body: unknown) => unknown, fillUser: (user: unknown) => unknown): Promise<void> {
  await tx
    .table('plans')
    .toCollection()
    .modify((r: { body: unknown }) => {
      r.body = fillBody(r.body);
    });
  await tx
    .table('userChunks')
    .toCollection()
    .modify((c: { users: unknown[] }) => {
      if (Array.isArray(c.users)) c.users = c.users.map(fillUser);
    });
  await tx
    .table('trashPlans')
    .toCollection()
    .modify((t: { plan: unknown }) => {
      const plan = fillBody(t.plan) as { users?: unknown };
      if (Array.isArray(plan.users)) plan.users = plan.users.map(fillUser);
      t.plan = plan;
    });
}
