import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { unzipSync, strFromU8 } from 'fflate';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { blankUser, type E164, type Plan } from '../../../src/lib/domain/model.js';
import { previewWorkbookUpdate, readPlanWorkbook, writePlanWorkbook } from '../../../src/lib/spreadsheet/index.js';
import { fixture } from './fixtures.js';

const HOSTILE = [
  "=cmd|' /C calc'!A0",
  '@SUM(1)',
  '+1',
  '-2',
  '=1+1',
  'line\r\nbreak',
  'cr\ronly',
  '_x0041_',
  '_x005F_x0041_',
  'lone \uD800 surrogate',
  'ctl \u0001\u001f',
  '  spaces  ',
  '',
  'emoji 😀 José',
  '<b>&amp;</b>',
  '"quoted";semi',
  '[json]',
  '\uFFFE',
  '__proto__',
  'TRUE',
  '0012',
  '1E5',
];

function hostilePlan(): Plan {
  const p = createSamplePlan();
  const h = (i: number) => HOSTILE[i % HOSTILE.length] ?? '';
  p.name = h(0);
  p.tenantDomain = '';
  // Longer than one Excel cell, with a CR LF and a surrogate pair around the 30,000 boundary.
  p.notes = `${'n'.repeat(29_999)}\r\n${'😀'.repeat(10)}${'x'.repeat(40_000)}_x0041_`;
  p.tenant = { globalVoiceRoutingHasUsages: 'unknown', siteAssignedEmergencyPolicies: true, tagCallbackNumbers: true };
  p.sites[0] = {
    ...p.sites[0]!,
    id: 'id with spaces; = and "quotes"',
    name: h(1),
    address: { street: h(5), city: '', postalCode: '0012', region: h(7) },
    lisLocationId: '',
    extensionRange: { from: 0, to: 0 },
  };
  // Keep references intact after changing the site id.
  const oldSite = 'site-seattle';
  const newSite = p.sites[0].id;
  p.numbers = p.numbers.map((n) => (n.siteId === oldSite ? { ...n, siteId: newSite } : n));
  p.users = p.users.map((u) => (u.siteId === oldSite ? { ...u, siteId: newSite } : u));
  p.autoAttendants = p.autoAttendants.map((a) => ({
    ...a,
    dialScopeGroups: a.dialScopeGroups.map((g) => ({ ...g, siteIds: g.siteIds.map((s) => (s === oldSite ? newSite : s)) })),
  }));
  // A duplicate E.164 under another id, and a null site.
  p.numbers.push({ id: '=dup', e164: '+12065550100' as E164, kind: 'directRouting', country: 'US', siteId: null, operator: h(2), note: h(9), existing: false });
  p.sharedCallingPolicies[0] = {
    ...p.sharedCallingPolicies[0]!,
    name: h(3),
    description: h(10),
    sizing: { target: 0.0001, model: 'erlang-b', includeCallDuration: true },
  };
  p.sharedCallingPolicies[1] = { ...p.sharedCallingPolicies[1]!, sizing: {}, resourceAccountId: null, callbackNumberIds: ['=dup', 'num-442079460101'] };
  p.sharedCallingPolicies[2] = { ...p.sharedCallingPolicies[2]!, callbackNumberIds: [] };
  p.voiceRoutingPolicies[0] = { ...p.voiceRoutingPolicies[0]!, pstnUsages: ['a;b', '', ' spaced ', '[x]'] };
  p.voiceRoutingPolicies[1] = { ...p.voiceRoutingPolicies[1]!, pstnUsages: ['[starts]', 'second'] };
  p.emergencyPolicies[0] = {
    ...p.emergencyPolicies[0]!,
    numbers: [
      { dialString: '', dialMask: '', pstnUsage: '' },
      { dialString: '911', dialMask: '9911;911', pstnUsage: h(6) },
    ],
  };
  p.emergencyPolicies[1] = { ...p.emergencyPolicies[1]!, numbers: [] };
  p.autoAttendants[0] = { ...p.autoAttendants[0]!, dialScopeGroups: [], resourceAccountId: null };
  p.autoAttendants[1] = {
    ...p.autoAttendants[1]!,
    dialScopeGroups: [
      { name: '', objectId: h(8), siteIds: [] },
      { name: 'two', objectId: '', siteIds: [newSite, 'site-london'] },
    ],
  };
  p.resourceAccounts[0] = { ...p.resourceAccounts[0]!, displayName: h(11), numberId: null, licence: 'none' };
  p.assignmentRules = [
    {
      id: 'r1',
      enabled: true,
      field: 'department',
      operator: 'isOneOf',
      values: ['Retail', '=1+1', ''],
      assign: { siteId: newSite, sharedCallingPolicyId: 'scp-london' },
    },
    { id: 'r2', enabled: false, field: 'upnDomain', operator: 'is', values: [], assign: {} },
    {
      id: 'r3',
      enabled: true,
      field: 'office',
      operator: 'contains',
      values: ['a; b'],
      assign: { emergencyPolicyId: 'ecrp-uk', voiceRoutingPolicyId: 'vrp-users' },
    },
  ];
  p.checklist = { 'RA9:ra-seattle': { done: false, note: '' }, toString: { done: true, note: h(12) }, '': { done: true, note: 'empty key' } };
  p.verification = { 'user:a@b.c': { status: 'failed', detail: h(13), at: '2026-01-01T00:00:00Z' } };
  p.importMapping = { 'User principal name': 'upn', '=HEADER': 'displayName', hasOwnProperty: 'office' };
  p.sizingDefaults = { ...p.sizingDefaults, target: 1e-12, callsPer1000UsersPerYear: 0.1 + 0.2, busyHourFactor: 1 / 3 };
  const users = HOSTILE.map((s, i) => ({
    ...blankUser(`hostile${i}@contoso.com`, s),
    department: HOSTILE[(i + 1) % HOSTILE.length] ?? '',
    office: HOSTILE[(i + 2) % HOSTILE.length] ?? '',
    usageLocation: i % 2 ? '' : 'US',
    extension: i % 3 ? '' : '0012',
    currentNumber: i % 4 ? '' : '+14255550100;ext=12',
    teamsPhone: (['yes', 'no', 'unknown'] as const)[i % 3] ?? 'unknown',
    enterpriseVoice: (['unknown', 'yes', 'no'] as const)[i % 3] ?? 'unknown',
    source: i % 2 ? null : { file: s, row: i },
  }));
  p.users = [...p.users.slice(0, 5), ...users];
  return p;
}

describe('writePlanWorkbook / readPlanWorkbook', () => {
  it('round-trips the sample plan losslessly', async () => {
    const p = createSamplePlan();
    expect(readPlanWorkbook(await writePlanWorkbook(p))).toEqual(p);
  });

  it('round-trips a brownfield plan: existing flags, excluded users and group assignment (issue 12)', async () => {
    const p = createSamplePlan();
    p.numbers = p.numbers.map((n, i) => ({ ...n, existing: i % 2 === 0 }));
    p.resourceAccounts = p.resourceAccounts.map((r, i) => ({ ...r, existing: i === 0 }));
    p.autoAttendants = p.autoAttendants.map((a, i) => ({ ...a, existing: i === 0 }));
    p.emergencyPolicies = p.emergencyPolicies.map((e) => ({ ...e, existing: true }));
    p.voiceRoutingPolicies = p.voiceRoutingPolicies.map((v) => ({ ...v, existing: true }));
    p.sharedCallingPolicies = p.sharedCallingPolicies.map((s, i) =>
      i === 0
        ? {
            ...s,
            existing: true,
            assignment: {
              method: 'group' as const,
              group: {
                name: 'SC Seattle users',
                objectId: '0b5e7d1c-0000-4000-8000-000000000001',
                rank: 2,
                existing: true,
                hiddenMembership: false,
                nestedGroups: true,
              },
            },
          }
        : s,
    );
    p.users = p.users.map((u, i) => (i < 3 ? { ...u, excludedReason: i === 0 ? 'Guest account' : 'Disabled account' } : u));
    const back = readPlanWorkbook(await writePlanWorkbook(p));
    expect(back).toEqual(p);
    expect(back.sharedCallingPolicies[0]!.assignment).toMatchObject({ method: 'group', group: { rank: 2, nestedGroups: true } });
    expect(back.users.filter((u) => u.excludedReason !== '')).toHaveLength(3);
  });

  it('reads an assignment method typed as words or code, and refuses an unknown one with its cell', async () => {
    const p = createSamplePlan();
    const words = await edit(p, (wb) => {
      const ws = wb.Sheets['Shared Calling policies']!;
      const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 });
      const col = (rows[0] as string[]).indexOf('Assignment');
      ws[XLSX.utils.encode_cell({ r: 1, c: col })] = { t: 's', v: 'bogus' };
    });
    const { read } = previewWorkbookUpdate(words, p);
    expect(read.issues.some((i) => i.sheet === 'Shared Calling policies' && i.column === 'Assignment' && i.row === 2)).toBe(true);
  });

  it('round-trips a hostile plan losslessly', async () => {
    const p = hostilePlan();
    const back = readPlanWorkbook(await writePlanWorkbook(p));
    expect(back).toEqual(p);
    expect(back.notes).toBe(p.notes);
    expect(back.users.map((u) => u.displayName)).toEqual(p.users.map((u) => u.displayName));
  });

  it('round-trips an empty plan', async () => {
    const p = createSamplePlan();
    const empty: Plan = {
      ...p,
      sites: [],
      numbers: [],
      resourceAccounts: [],
      autoAttendants: [],
      sharedCallingPolicies: [],
      emergencyPolicies: [],
      voiceRoutingPolicies: [],
      users: [],
      assignmentRules: [],
      checklist: {},
      importMapping: {},
      verification: {},
      notes: '',
      name: '',
    };
    expect(readPlanWorkbook(await writePlanWorkbook(empty))).toEqual(empty);
  });

  it('round-trips arbitrary user text', async () => {
    const tricky = fc
      .array(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 6 }),
          fc.constantFrom('&amp;', '&#65;', '&lt;', '_x0041_', '_x005F_', '_x', '\r\n', '\r', '\n', '\uD800', '\uDC00', '=', '@', ';', '"', '['),
        ),
        { maxLength: 8 },
      )
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(tricky, fc.string({ maxLength: 30 })), { maxLength: 5 }), async (texts) => {
        const p = createSamplePlan();
        p.users = texts.map(([a, b], i) => ({ ...blankUser(`u${i}@contoso.com`, a), department: b, office: `${b}\r\n${a}` }));
        expect(readPlanWorkbook(await writePlanWorkbook(p)).users).toEqual(p.users);
      }),
      { numRuns: 60 },
    );
  });

  it('writes no formulas: every text cell is a string cell', async () => {
    const bytes = await writePlanWorkbook(hostilePlan(), { findings: [{ rule: 'EN3', severity: 'error', subject: '=cmd', message: '@SUM(1)' }] });
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, dense: true });
    let texts = 0;
    for (const name of wb.SheetNames) {
      for (const row of wb.Sheets[name]?.['!data'] ?? []) {
        for (const cell of row ?? []) {
          if (!cell) continue;
          expect(cell.f).toBeUndefined();
          if (typeof cell.v === 'string' && /^[=+\-@]/.test(cell.v)) {
            expect(cell.t).toBe('s');
            texts++;
          }
        }
      }
    }
    expect(texts).toBeGreaterThan(20);
    const files = unzipSync(bytes);
    for (const [path, data] of Object.entries(files)) {
      if (path.startsWith('xl/worksheets/')) expect(strFromU8(data)).not.toMatch(/<f[ >]/);
    }
  });

  it('has one readable sheet per object kind, with names beside ids', async () => {
    const wb = XLSX.read(await writePlanWorkbook(createSamplePlan()), { type: 'array' });
    expect(wb.SheetNames).toEqual(
      expect.arrayContaining([
        'Plan',
        'Users',
        'Sites',
        'Numbers',
        'Resource accounts',
        'Auto attendants',
        'Shared Calling policies',
        'Emergency routing',
        'Voice routing',
        'Assignment rules',
        'Checklist',
        'Findings',
      ]),
    );
    const users = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Users']!);
    expect(users[0]).toMatchObject({ 'Shared Calling policy': 'SC-Seattle', 'Shared Calling policy id': 'scp-seattle', Site: 'Seattle' });
    const pols = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Shared Calling policies']!);
    expect(pols[0]?.['Callback numbers']).toBe('+12065550101; +12065550102; +12065550103');
  });

  it('ignores the Findings sheet on reading', async () => {
    const p = createSamplePlan();
    const bytes = await writePlanWorkbook(p, { findings: [{ rule: 'U1', severity: 'warning', subject: 'user:x', message: 'm' }] });
    expect(readPlanWorkbook(bytes)).toEqual(p);
  });
});

/** Edit a written workbook like a person in Excel would. */
async function edit(p: Plan, change: (wb: XLSX.WorkBook) => void): Promise<Uint8Array> {
  const wb = XLSX.read(await writePlanWorkbook(p), { type: 'array' });
  change(wb);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer); // 'array' → ArrayBuffer
}
const col = (ws: XLSX.WorkSheet, header: string): string => {
  const headers = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 })[0] ?? [];
  return XLSX.utils.encode_col(headers.indexOf(header));
};

describe('hand-edited workbooks', () => {
  it('resolves a reference typed by name when its id cell is emptied', async () => {
    const p = createSamplePlan();
    const bytes = await edit(p, (wb) => {
      const ws = wb.Sheets['Users']!;
      delete ws[`${col(ws, 'Site id')}2`];
      ws[`${col(ws, 'Site')}2`] = { t: 's', v: 'london' };
      delete ws[`${col(ws, 'Shared Calling policy id')}2`];
      ws[`${col(ws, 'Shared Calling policy')}2`] = { t: 's', v: 'SC-London' };
    });
    const back = readPlanWorkbook(bytes);
    expect(back.users[0]).toMatchObject({ siteId: 'site-london', sharedCallingPolicyId: 'scp-london' });
  });

  it('keeps an edited readable cell instead of the hidden exact copy', async () => {
    const p = createSamplePlan();
    p.users[0] = { ...p.users[0]!, displayName: 'two\r\nlines' };
    const bytes = await edit(p, (wb) => {
      const ws = wb.Sheets['Users']!;
      ws[`${col(ws, 'Display name')}2`] = { t: 's', v: 'Edited' };
    });
    expect(readPlanWorkbook(bytes).users[0]?.displayName).toBe('Edited');
  });

  it('refuses invalid values and broken references with a clear message', async () => {
    const p = createSamplePlan();
    const bad = await edit(p, (wb) => {
      const ws = wb.Sheets['Users']!;
      ws[`${col(ws, 'Teams Phone')}2`] = { t: 's', v: 'maybe' };
    });
    expect(() => readPlanWorkbook(bad)).toThrow(/Sheet "Users", row 2, column "Teams Phone": should be one of yes, no, unknown/);
    const dangling = await edit(p, (wb) => {
      const ws = wb.Sheets['Users']!;
      ws[`${col(ws, 'Site id')}2`] = { t: 's', v: 'site-nowhere' };
      delete ws[`${col(ws, 'Site')}2`];
    });
    expect(() => readPlanWorkbook(dangling)).toThrow(/site-nowhere/);
    const unknownName = await edit(p, (wb) => {
      const ws = wb.Sheets['Users']!;
      delete ws[`${col(ws, 'Site id')}2`];
      ws[`${col(ws, 'Site')}2`] = { t: 's', v: 'Atlantis' };
    });
    expect(() => readPlanWorkbook(unknownName)).toThrow(/Sheet "Users", row 2.*no site "Atlantis"/);
    const proto = await edit(p, (wb) => {
      XLSX.utils.sheet_add_aoa(wb.Sheets['Checklist']!, [['', true, 'x', '__proto__']], { origin: -1 });
    });
    expect(() => readPlanWorkbook(proto)).toThrow(/reserved key/);
    expect(({} as Record<string, unknown>)['done']).toBeUndefined();
  });

  it('throws a clear Error for workbooks that are not plan workbooks', async () => {
    expect(() => readPlanWorkbook(fixture('m365-admin-center.xlsx'))).toThrow(/not a plan workbook/);
    expect(() => readPlanWorkbook(fixture('not-a-spreadsheet.png'))).toThrow(/not a plan workbook/);
    expect(() => readPlanWorkbook(new Uint8Array(0))).toThrow(/not a plan workbook/);
    expect(() => readPlanWorkbook(fixture('encrypted.xlsx'))).toThrow(/not a plan workbook/);
  });
});
