/** Issue 12 item 1: parseNumberInventory reads the tenant's number exports and carrier lists. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyNumberInventory, createSamplePlan, parseNumberInventory } from '../../../src/lib/index.js';

const file = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/numbers/${name}`, import.meta.url)));
const parse = (name: string) => parseNumberInventory(file(name), name);
const text = (s: string) => new TextEncoder().encode(s);

describe('parseNumberInventory', () => {
  it('reads Export-CsAcquiredPhoneNumber: kinds from NumberType and capabilities, targets, LocationId', () => {
    const r = parse('export-acquired.csv');
    expect(r.layout).toBe('export-acquired-phone-number');
    expect(r.issues).toEqual([]);
    expect(r.numbers.map((n) => [n.number, n.kind, n.country])).toEqual([
      ['+12065550100', 'callingPlanService', 'US'],
      ['+12065550101', 'callingPlanSubscriber', 'US'],
      ['+18885550100', 'callingPlanTollFreeService', 'US'],
      ['+442079460100', 'operatorConnect', 'GB'],
      ['+61255501000', 'directRouting', 'AU'],
    ]);
    const [ra, free, tollFree] = r.numbers;
    expect(ra).toMatchObject({
      assignedTo: '5b7c5d3e-2a1f-4a8e-9c0d-6f1e2d3c4b5a',
      targetType: 'ResourceAccount',
      locationId: '00000000-0000-4000-8000-000000000001',
    });
    expect(ra!.capabilities).toEqual(['VoiceApplicationAssignment', 'ConferenceAssignment']);
    // Service / subscriber decided from the capabilities: said on the number.
    expect(ra!.inferred).toMatch(/capabilities/);
    expect(free!.inferred).toMatch(/UserAssignment/);
    expect(tollFree!.inferred).toMatch(/toll-free/i);
    expect(r.numbers[3]!.inferred).toBe('');
    expect(r.numbers[4]!.capabilities).toContain('SharedCalling');
  });

  it('reads Get-CsPhoneNumberAssignment | Export-Csv from Windows PowerShell (#TYPE line, list written as its type name)', () => {
    const r = parse('get-phone-number-assignment-51.csv');
    expect(r.layout).toBe('get-phone-number-assignment');
    expect(r.issues).toEqual([]);
    expect(r.numbers.map((n) => [n.number, n.kind, n.assignedTo !== '', n.capabilities])).toEqual([
      ['+12065550100', 'callingPlanSubscriber', true, null],
      ['+442079460101', 'operatorConnect', false, null],
    ]);
    // Without capabilities a Calling Plan number's kind is a guess, and the number says so.
    expect(r.numbers[0]!.inferred).toMatch(/no capabilities/);
    expect(r.numbers[1]!.operator).toBe('Contoso Telecom');
  });

  it('reads the PowerShell 7 export (no #TYPE line) with capabilities', () => {
    const r = parse('get-phone-number-assignment-7.csv');
    expect(r.layout).toBe('get-phone-number-assignment');
    expect(r.numbers.map((n) => n.kind)).toEqual(['callingPlanSubscriber', 'callingPlanService']);
  });

  it('reads the Teams admin center export: kind from Number type and Usage', () => {
    const r = parse('admin-center.csv');
    expect(r.layout).toBe('admin-center');
    expect(r.issues).toEqual([]);
    expect(r.numbers.map((n) => [n.number, n.kind, n.country, n.assignedTo])).toEqual([
      ['+12065550104', 'callingPlanService', 'US', 'Seattle Main Line'],
      ['+12065550105', 'callingPlanSubscriber', 'US', ''],
      ['+442079460102', 'operatorConnect', 'GB', ''],
    ]);
    expect(r.numbers[0]!.inferred).toMatch(/usage "Voice app"/);
  });

  it('reads a carrier list with ranges (last number as trailing digits or in full)', () => {
    const r = parse('carrier-range.csv');
    expect(r.layout).toBe('carrier-list');
    expect(r.issues).toEqual([]);
    expect(r.numbers).toHaveLength(102);
    expect(r.numbers[0]!.number).toBe('+61255502000');
    expect(r.numbers[99]!.number).toBe('+61255502099');
    expect(r.numbers.every((n) => n.kind === 'directRouting' && n.country === 'AU' && /Direct Routing/.test(n.inferred))).toBe(true);
    const plain = parse('carrier-plain.txt');
    expect(plain.numbers.map((n) => n.number)).toEqual(Array.from({ length: 10 }, (_, i) => `+6125550400${i}`));
  });

  it('bad input: clear messages, never a throw', () => {
    expect(parseNumberInventory(new Uint8Array(), 'x.csv').issues[0]!.code).toBe('empty-file');
    expect(parseNumberInventory(text('Name,Department\nAlex,Sales\n'), 'users.csv').issues[0]!.code).toBe('no-numbers');
    const r = parseNumberInventory(text('Number\n+1206555\n+12065550100 - 0099\n+12065550100-+12065560100\n+12065550100\n+12065550100\n'), 'bad.csv');
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'bad-number'],
      [3, 'bad-number'],
      [4, 'bad-number'],
      [6, 'duplicate'],
    ]);
    expect(r.issues[1]!.message).toMatch(/ends before it starts/);
    expect(r.issues[2]!.message).toMatch(/at most 10,000/);
    expect(r.numbers.map((n) => n.number)).toEqual(['+12065550100']);
    const kind = parseNumberInventory(text('TelephoneNumber,NumberType\n+12065550100,Skype\n'), 'k.csv');
    expect(kind.issues[0]).toMatchObject({ row: 2, code: 'bad-kind' });
  });
});

describe('applyNumberInventory', () => {
  it('Add keeps numbers already in the plan, Update corrects them; assigned numbers are marked existing', () => {
    const plan = createSamplePlan();
    const r = parse('export-acquired.csv');
    const add = applyNumberInventory(plan, r.numbers, 'add');
    // +12065550100, +12065550101 and +442079460100 are in the sample plan; the other two are new.
    expect(['+12065550100', '+12065550101', '+442079460100'].every((e) => plan.numbers.some((n) => n.e164 === e))).toBe(true);
    expect([add.added, add.updated, add.unchanged]).toEqual([2, 0, 3]);
    expect(add.plan.numbers.length).toBe(plan.numbers.length + 2);
    expect(add.plan.numbers.find((n) => n.e164 === '+61255501000')).toMatchObject({ kind: 'directRouting', country: 'AU', existing: true, siteId: null });
    expect(add.plan.numbers.find((n) => n.e164 === '+18885550100')).toMatchObject({ kind: 'callingPlanTollFreeService', existing: false });
    const upd = applyNumberInventory(plan, r.numbers, 'update');
    expect(upd.added).toBe(2);
    // The sample's main line is assigned in the export: Update marks it existing.
    expect(upd.plan.numbers.find((n) => n.e164 === '+12065550100')!.existing).toBe(true);
    expect(upd.updated).toBeGreaterThan(0);
    // Nothing to do: the very same plan value (no undo step).
    expect(applyNumberInventory(upd.plan, r.numbers, 'update').plan).toBe(upd.plan);
  });
});
