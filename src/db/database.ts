/**
 * The one Dexie module (architecture.md, convention 7). Schema versions are only ever appended.
 *
 * Layout:
 *   plans       one record per plan: everything except the users, plus bookkeeping
 *   userChunks  the plan's users in order, USER_CHUNK_SIZE per record, so that an edit to one user
 *               rewrites one chunk and a 100,000-user plan loads with ~100 reads
 *   settings    small key/value pairs (last opened plan, …)
 */
import Dexie, { type Table } from 'dexie';
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

export interface SettingRecord {
  key: string;
  value: unknown;
}

export const DB_NAME = 'shared-calling-planner';

export class PlannerDb extends Dexie {
  plans!: Table<PlanRecord, string>;
  userChunks!: Table<UserChunkRecord, [string, number]>;
  settings!: Table<SettingRecord, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      plans: 'id, name, updatedAt',
      userChunks: '[planId+index], planId',
      settings: 'key',
    });
  }
}
