import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseUserList, type UserListResult } from '../../../src/lib/spreadsheet/index.js';

export const fixtureUrl = (name: string) => new URL(`../../fixtures/import/${name}`, import.meta.url);
export const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(fixtureUrl(name))));
export const parseFixture = (name: string): UserListResult => parseUserList(fixture(name), name);
export const errors = (r: UserListResult) => r.issues.filter((i) => i.severity === 'error');
export const byUpn = (r: UserListResult, upn: string) => r.users.find((u) => u.upn.toLowerCase() === upn.toLowerCase());
