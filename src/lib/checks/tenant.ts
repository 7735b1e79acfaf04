/** Tenant-wide items: PowerShell module versions (R1, R5, R8) and the blocked caller ID caveat (§2.10). */
import type { CheckContext } from './context.js';
import { checklistItem, finding } from './finding.js';
import type { Finding } from './types.js';
import { TENANT_ID } from './types.js';

export function checkTenant(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  // R1: the *-CsTeamsSharedCallingRoutingPolicy cmdlets arrived in MicrosoftTeams 5.5.0.
  const r1 = checklistItem(ctx.plan, {
    rule: 'R1',
    message:
      'The workstation that runs the scripts needs the MicrosoftTeams PowerShell module 5.5.0 or later; older versions do not have the Shared Calling cmdlets. Module 6.3.0 and later run only on PowerShell 7.2 or later, or on Windows PowerShell 5.1 (R5).',
    subject: 'Tenant',
    subjectKind: 'tenant',
    subjectId: TENANT_ID,
    fix: 'Run Install-Module MicrosoftTeams (or Update-Module MicrosoftTeams), check Get-Module MicrosoftTeams -ListAvailable, then tick this item.',
  });
  if (r1) out.push(r1);
  // R8: Set-CsPhoneNumberTag (tagging callback numbers, §3.17) needs MicrosoftTeams 7.1.0.
  if (ctx.plan.tenant.tagCallbackNumbers) {
    const r8 = checklistItem(ctx.plan, {
      rule: 'R8',
      message:
        'Tagging callback numbers uses Set-CsPhoneNumberTag, which needs the MicrosoftTeams PowerShell module 7.1.0 or later; on an older module the scripts skip the tags and say so.',
      subject: 'Tenant',
      subjectKind: 'tenant',
      subjectId: TENANT_ID,
      fix: 'Run Update-Module MicrosoftTeams (7.1.0 or later), check Get-Module MicrosoftTeams -ListAvailable, then tick this item.',
    });
    if (r8) out.push(r8);
  }
  // L1 (§2.10): documented in 7/2023, silently dropped later; treat as an open caveat.
  if (ctx.plan.users.length > 0 || ctx.plan.sharedCallingPolicies.length > 0) {
    out.push(
      finding({
        rule: 'L1',
        severity: 'info',
        message:
          'Blocked (anonymous) caller ID may not work for Shared Calling users. Microsoft mentioned this in 2023 and later removed the note without saying it was fixed.',
        subject: 'Tenant',
        subjectKind: 'tenant',
        subjectId: TENANT_ID,
        fix: 'Test blocked caller ID in a pilot before relying on it.',
      }),
    );
  }
  return out;
}
