import { describe, expect, it } from 'vitest';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { blankUser } from '../../../src/lib/domain/model.js';
import { csvSafe, parseUserList, usersToCsv } from '../../../src/lib/spreadsheet/index.js';
import { parseCsv } from '../../../src/lib/spreadsheet/csv.js';

describe('usersToCsv', () => {
  it('starts with a BOM, uses CRLF and has one row per user', () => {
    const p = createSamplePlan();
    const csv = usersToCsv(p);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(p.users.length + 2);
    expect(csv).toContain('SC-Seattle');
  });

  it('neutralizes formula injection but leaves E.164 numbers alone', () => {
    expect(csvSafe("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvSafe('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvSafe('+1')).toBe("'+1");
    expect(csvSafe('-2')).toBe("'-2");
    expect(csvSafe('+14255550100')).toBe('+14255550100');
    expect(csvSafe('José')).toBe('José');
  });

  it('reads back through parseUserList with the same users', () => {
    const p = createSamplePlan();
    p.users = [
      { ...blankUser('a@contoso.com', '=1+1'), department: 'a, "b"\r\nc', teamsPhone: 'yes', enterpriseVoice: 'no', currentNumber: '+14255550100' },
      { ...blankUser('b@contoso.com', 'José'), usageLocation: 'GB' },
    ];
    const csv = usersToCsv(p);
    const rows = parseCsv(csv.slice(1), ',').rows;
    expect(rows[1]?.[1]).toBe("'=1+1");
    expect(rows[1]?.[3]).toBe('a, "b"\r\nc');
    const r = parseUserList(new TextEncoder().encode(csv), 'users.csv');
    expect(r.issues).toEqual([]);
    expect(r.users[0]).toMatchObject({ upn: 'a@contoso.com', hasTeamsPhone: true, enterpriseVoiceEnabled: false, phoneNumber: '+14255550100' });
    expect(r.users[1]).toMatchObject({ displayName: 'José', usageLocation: 'GB' });
  });

  it("carries each user's deployment status from the last verification report", () => {
    const p = createSamplePlan();
    const [a, b] = p.users;
    p.verification = {
      [`user:${a!.upn.toLowerCase()}`]: { status: 'done', detail: '', at: '2026-11-30T10:00:00Z' },
      [`user:${b!.upn.toLowerCase()}`]: { status: 'failed', detail: 'Policy SC-Other found', at: '2026-11-30T10:00:00Z' },
    };
    const rows = parseCsv(usersToCsv(p).slice(1), ',').rows;
    const header = rows[0] ?? [];
    const st = header.indexOf('Deployment status');
    expect(st).toBeGreaterThan(0);
    expect([rows[1]?.[st], rows[1]?.[st + 1]]).toEqual(['Deployed', '']);
    expect([rows[2]?.[st], rows[2]?.[st + 1]]).toEqual(['Failed', 'Policy SC-Other found']);
    expect(rows[3]?.[st]).toBe('');
  });
});
