import { describe, expect, it } from 'vitest';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { applyVerification, parseVerificationCsv, readVerificationCsv, VerificationCsvError, type VerificationRow } from '../../../src/lib/powershell/index.js';
import { unguardCsvField } from '../../../src/lib/powershell/verification.js';

/** What Windows PowerShell 5.1's Export-Csv -NoTypeInformation -Encoding UTF8 writes. */
const PS51 =
  '\uFEFF"Kind","Subject","Property","Expected","Actual","Status","Name"\r\n' +
  '"resourceAccount","ra-seattle","Exists","yes","yes","Done","sc-seattle@contoso.com"\r\n' +
  '"resourceAccount","ra-seattle","LocationId","00000000-0000-4000-8000-000000000001","","Failed","sc-seattle@contoso.com"\r\n' +
  '"sharedCallingPolicy","scp-london","Exists","yes","no","Missing","SC-London"\r\n' +
  '"user","alex.obrien0@contoso.com","Exists","yes","yes","Done","alex.obrien0@contoso.com"\r\n' +
  '"user","alex.obrien0@contoso.com","SharedCallingPolicy","SC-Seattle","SC-Seattle","Done","alex.obrien0@contoso.com"\r\n' +
  '"user","bianca.obrien1@contoso.com","Exists","yes","yes","Done","x"\r\n' +
  '"user","bianca.obrien1@contoso.com","EmergencyPolicy","ECRP-US-CPOC","","Failed","x"\r\n' +
  '"emergencyPolicy","ecrp-au","Exists","yes","yes","Done","ECRP-AU-DR"\r\n' +
  '"emergencyPolicy","ecrp-au","EmergencyNumbers","000||AU-Emergency;112||AU-Emergency","multi\r\nline, ""quoted""","Failed","ECRP-AU-DR"\r\n';

describe('parseVerificationCsv', () => {
  it('reads the report as Export-Csv writes it (BOM, quoted fields, CRLF, quoted line breaks)', () => {
    const rows = parseVerificationCsv(PS51);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual({
      kind: 'resourceAccount',
      subject: 'ra-seattle',
      property: 'Exists',
      expected: 'yes',
      actual: 'yes',
      status: 'done',
    } satisfies VerificationRow);
    expect(rows[2]!.status).toBe('missing');
    expect(rows[8]!.actual).toBe('multi\r\nline, "quoted"');
  });

  it('accepts PowerShell 7 output (no BOM), LF line ends, unquoted fields, other column order and a #TYPE line', () => {
    const text =
      '#TYPE System.Management.Automation.PSCustomObject\n' +
      'Status,Name,Kind,Subject,Property,Expected,Actual,Extra\n' +
      'Done,n,user,a@b.c,Exists,yes,yes,z\n' +
      'failed,n,USER,a@b.c,VoiceRoutingPolicy,SC-NoPSTN,,z\n';
    expect(parseVerificationCsv(text)).toEqual([
      { kind: 'user', subject: 'a@b.c', property: 'Exists', expected: 'yes', actual: 'yes', status: 'done' },
      { kind: 'user', subject: 'a@b.c', property: 'VoiceRoutingPolicy', expected: 'SC-NoPSTN', actual: '', status: 'failed' },
    ]);
  });

  it('reports rows with an unknown kind or status as issues and skips them', () => {
    const { rows, issues } = readVerificationCsv(
      'Kind,Subject,Property,Expected,Actual,Status\nuser,a,Exists,yes,yes,Done\nrobot,a,x,y,z,Done\nuser,a,x,y,z,Maybe\n',
    );
    expect(rows).toHaveLength(1);
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'unknown-kind'],
      [4, 'unknown-status'],
    ]);
  });

  it('rejects a file that is not a verification report', () => {
    expect(() => parseVerificationCsv('Name,Upn\nA,b\n')).toThrow(VerificationCsvError);
    expect(() => parseVerificationCsv('')).toThrow(/empty/);
  });
});

describe('applyVerification', () => {
  const at = '2026-02-01T12:00:00.000Z';

  it('stores one entry per object: missing > failed > done, with the differing properties as detail', () => {
    const plan = createSamplePlan();
    const next = applyVerification(plan, parseVerificationCsv(PS51), at);
    expect(next).not.toBe(plan);
    expect(plan.verification).toEqual({});
    expect(next.verification['resourceAccount:ra-seattle']).toEqual({
      status: 'failed',
      detail: 'LocationId: expected "00000000-0000-4000-8000-000000000001", found ""',
      at,
    });
    expect(next.verification['sharedCallingPolicy:scp-london']).toEqual({ status: 'missing', detail: 'Not found in the tenant.', at });
    expect(next.verification['user:alex.obrien0@contoso.com']).toEqual({ status: 'done', detail: 'All 2 checks as planned.', at });
    expect(next.verification['user:bianca.obrien1@contoso.com']?.status).toBe('failed');
    expect(next.verification['emergencyPolicy:ecrp-au']?.status).toBe('failed');
    expect(Object.keys(next.verification)).toHaveLength(5);
  });

  it('ignores subjects that are not in the plan and keeps earlier entries of others', () => {
    const plan = { ...createSamplePlan(), verification: { 'user:old@contoso.com': { status: 'done' as const, detail: 'x', at: 'then' } } };
    const rows: VerificationRow[] = [{ kind: 'user', subject: 'nobody@contoso.com', property: 'Exists', expected: 'yes', actual: 'no', status: 'missing' }];
    expect(applyVerification(plan, rows, at)).toBe(plan);
    const next = applyVerification(plan, parseVerificationCsv(PS51), at);
    expect(next.verification['user:old@contoso.com']).toEqual({ status: 'done', detail: 'x', at: 'then' });
  });

  it('matches users case-insensitively through the user key, and ids the script had to sanitize', () => {
    const plan = createSamplePlan();
    plan.users[0]!.upn = 'Alex.OBrien0@Contoso.com';
    plan.resourceAccounts[0]!.id = 'ra\nseattle';
    const rows: VerificationRow[] = [
      { kind: 'user', subject: 'alex.obrien0@contoso.com', property: 'Exists', expected: 'yes', actual: 'yes', status: 'done' },
      { kind: 'resourceAccount', subject: 'ra seattle', property: 'Exists', expected: 'yes', actual: 'yes', status: 'done' },
    ];
    const next = applyVerification(plan, rows, at);
    expect(next.verification['user:alex.obrien0@contoso.com']?.status).toBe('done');
    expect(next.verification['resourceAccount:ra\nseattle']?.status).toBe('done');
  });
});

describe('Excel guard of the report fields', () => {
  it('takes one leading apostrophe off a guarded field and leaves every other field alone', () => {
    expect(unguardCsvField("'+12065550101")).toBe('+12065550101');
    expect(unguardCsvField("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unguardCsvField("''quoted")).toBe("'quoted");
    expect(unguardCsvField("'-x")).toBe('-x');
    expect(unguardCsvField("'@x")).toBe('@x');
    expect(unguardCsvField("'plain")).toBe("'plain");
    expect(unguardCsvField('+12065550101')).toBe('+12065550101');
    expect(unguardCsvField("'")).toBe("'");
  });
  it('reads guarded rows back to the values the script had', () => {
    const text =
      '\uFEFF"Kind","Subject","Property","Expected","Actual","Status","Name"\r\n' +
      `"sharedCallingPolicy","scp-seattle","EmergencyNumbers","'+12065550101;+12065550102","'+12065550102;+12065550101","Failed","SC-Seattle"\r\n`;
    expect(parseVerificationCsv(text)[0]).toMatchObject({ expected: '+12065550101;+12065550102', actual: '+12065550102;+12065550101', status: 'failed' });
  });
});
