import { describe, expect, it } from 'vitest';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import type { E164 } from '../../../src/lib/domain/model.js';
import { planShape } from '../../../src/lib/plan-file/schema.js';
import { checkReferences } from '../../../src/lib/plan-file/references.js';
import { applyImport, importPreview, importPreviewDetails, parseUserList, rowIssuesToCsv, type ImportedUser } from '../../../src/lib/spreadsheet/index.js';
import { fixture } from './fixtures.js';

const sample = createSamplePlan();
const first = sample.users[0]!;
const second = sample.users[1]!;

const imported: ImportedUser[] = [
  // Existing user (different case), with new facts.
  {
    upn: first.upn.toUpperCase(),
    displayName: 'Renamed',
    usageLocation: 'US',
    hasTeamsPhone: false,
    enterpriseVoiceEnabled: true,
    phoneNumber: '+14255550100' as E164,
    phoneExtension: '7',
    department: 'Retail',
    row: 2,
  },
  // Existing user, nothing new.
  { upn: second.upn, displayName: second.displayName, row: 3 },
  // New user.
  { upn: 'new.person@contoso.com', displayName: 'New Person', usageLocation: 'GB', office: 'London', row: 4 },
];

describe('applyImport', () => {
  it('add: only new UPNs, nothing else changes', () => {
    const before = structuredClone(sample);
    const r = applyImport(sample, imported, 'add', { file: 'list.csv' });
    expect(sample).toEqual(before); // pure
    expect(r).toMatchObject({ added: 1, updated: 0, removed: 0, skipped: 2 });
    expect(r.plan.users).toHaveLength(sample.users.length + 1);
    expect(r.plan.users[0]).toBe(first);
    expect(r.plan.users.at(-1)).toMatchObject({
      upn: 'new.person@contoso.com',
      displayName: 'New Person',
      usageLocation: 'GB',
      office: 'London',
      teamsPhone: 'unknown',
      enterpriseVoice: 'unknown',
      siteId: null,
      source: { file: 'list.csv', row: 4 },
    });
  });

  it('update: refreshes existing users by UPN and keeps their assignments', () => {
    const r = applyImport(sample, imported, 'update', { file: 'list.csv' });
    expect(r).toMatchObject({ added: 1, updated: 1, removed: 0, skipped: 1 });
    const u = r.plan.users[0]!;
    expect(u).toMatchObject({
      displayName: 'Renamed',
      teamsPhone: 'no',
      enterpriseVoice: 'yes',
      currentNumber: '+14255550100;ext=7',
      department: 'Retail',
      siteId: first.siteId,
      sharedCallingPolicyId: first.sharedCallingPolicyId,
      emergencyPolicyId: first.emergencyPolicyId,
      extension: first.extension,
      source: { file: 'list.csv', row: 2 },
    });
    expect(r.plan.users[1]).toBe(second); // unchanged users keep their identity
    expect(sample.users[0]).toBe(first);
  });

  it('replace: the list becomes the user list, remaining users keep assignments', () => {
    const r = applyImport(sample, imported, 'replace', { file: 'list.csv' });
    expect(r).toMatchObject({ added: 1, updated: 1, removed: sample.users.length - 2, skipped: 1 });
    expect(r.plan.users.map((u) => u.upn)).toEqual([first.upn.toUpperCase(), second.upn, 'new.person@contoso.com']);
    expect(r.plan.users[0]?.sharedCallingPolicyId).toBe(first.sharedCallingPolicyId);
  });

  it('produces plans the plan-file validators accept, and remembers the mapping', () => {
    const list = parseUserList(fixture('hostile-proto-headers.csv'), 'p.csv');
    for (const mode of ['add', 'update', 'replace'] as const) {
      const r = applyImport(sample, list.users, mode, { file: 'p.csv', mapping: list.mapping });
      const valid = planShape(JSON.parse(JSON.stringify(r.plan)), 'plan');
      expect(() => checkReferences(valid)).not.toThrow();
      expect(r.plan.importMapping).toEqual({ 'User principal name': 'upn', 'Display name': 'displayName' });
    }
  });

  it('ignores repeated UPNs in the input', () => {
    const r = applyImport(sample, [imported[2]!, { ...imported[2]!, upn: 'NEW.person@contoso.com', row: 9 }], 'add', { file: 'x' });
    expect(r).toMatchObject({ added: 1, skipped: 1 });
  });

  it('imports a whole real export', () => {
    const list = parseUserList(fixture('teams-powershell-utf16.csv'), 'teams.csv');
    const r = applyImport({ ...sample, users: [] }, list.users, 'add', { file: 'teams.csv' });
    expect(r.added).toBe(5);
    expect(r.plan.users.find((u) => u.upn === 'megan.bowen@contoso.com')).toMatchObject({
      teamsPhone: 'yes',
      enterpriseVoice: 'yes',
      currentNumber: '+14255550101;ext=101',
      usageLocation: 'US',
    });
  });
});

describe('importPreview', () => {
  it('counts new, existing, changed and unchanged users', () => {
    expect(importPreview(sample, [...imported, imported[2]!])).toEqual({
      total: 3,
      new: 1,
      existing: 2,
      changed: 1,
      unchanged: 1,
      notInList: sample.users.length - 2,
      duplicates: 1,
    });
  });
});

describe('importPreviewDetails', () => {
  it('names the fields that change for whom, and who a replace would remove', () => {
    const d = importPreviewDetails(sample, [...imported, imported[2]!]);
    expect(d.changedTotal).toBe(1);
    expect(d.changed[0]?.upn).toBe(first.upn);
    expect(d.changed[0]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'Display name', from: first.displayName, to: 'Renamed' },
        { field: 'Teams Phone licence', from: 'yes', to: 'no' },
        { field: 'Teams number', from: '(empty)', to: '+14255550100;ext=7' },
      ]),
    );
    expect(d.removedTotal).toBe(sample.users.length - 2);
    expect(d.removed[0]?.upn).toBe(sample.users[2]?.upn);
  });
  it('keeps at most `limit` entries but counts all', () => {
    const d = importPreviewDetails(sample, [], 5);
    expect(d.removed).toHaveLength(5);
    expect(d.removedTotal).toBe(sample.users.length);
  });
});

describe('rowIssuesToCsv', () => {
  it('writes every issue, whole-file ones as "File", safe for Excel', () => {
    const csv = rowIssuesToCsv([
      { row: 0, severity: 'warning', code: 'featuretypes-not-joined', message: 'FeatureTypes, joined' },
      { row: 7, severity: 'error', code: 'invalid-upn', message: '=cmd|calc' },
    ]);
    expect(csv.startsWith('\uFEFFRow,Severity,Code,Message\r\n')).toBe(true);
    expect(csv).toContain('File,warning,featuretypes-not-joined,"FeatureTypes, joined"\r\n');
    expect(csv).toContain("7,error,invalid-upn,'=cmd|calc\r\n");
  });
});
