/**
 * What each rule id means, for the UI's "explain" panel. Ids without a letter-digit id in
 * shared-calling.md §2 (P1–P5, N1, L1, L2) are planner rules derived from the §9 checklist, §2.10 or §3.
 */
import type { RuleInfo } from './types.js';

export const RULES: Record<string, RuleInfo> = {
  R1: {
    title: 'MicrosoftTeams module 5.5.0 or later',
    explanation:
      'The New-, Set-, Get-, Grant- and Remove-CsTeamsSharedCallingRoutingPolicy cmdlets were introduced in the MicrosoftTeams PowerShell module 5.5.0. The generated scripts declare this requirement; confirm the admin workstation has it and tick the checklist item.',
    source: '§2.1 R1 — [PLAN], [PS-New] NOTES, [PS-Grant] NOTES',
  },
  R5: {
    title: 'MicrosoftTeams 6.3.0 and later need PowerShell 7.2+ or Windows PowerShell 5.1',
    explanation:
      'Since June 2024 (6.3.0, and 6.2.2-preview) the MicrosoftTeams module runs only on PowerShell 7.2 or later, or on Windows PowerShell 5.1. Stage 01 of the generated scripts checks both the module version and the PowerShell version and stops with a clear message on PowerShell 6.x or 7.0/7.1.',
    source: '§2.1 R5 — [RELNOTES]',
  },
  R6: {
    title: 'Get-CsOnlineUser output depends on the module version',
    explanation:
      'From 6.2.0 Get-CsOnlineUser also returns unlicensed users (AccountType IneligibleUser, formerly Unknown), and without -Identity it returns guests and soft-deleted users (SoftDeletionTimestamp set). The import leaves those rows out with a note, because they cannot be Shared Calling users. 7.0.0 removed OptionFlags, 7.1.0 DialPlan; 7.2.0 (7.1.1-preview) adds EffectivePolicyAssignments in the commercial cloud.',
    source: '§2.1 R6 — [PS-GetUser] NOTES, [RELNOTES]',
  },
  R7: {
    title: 'Parameter names of Set-/Remove-CsPhoneNumberAssignment',
    explanation:
      'Since the 2026-06-26 documentation change the parameters are called -TelephoneNumber and -NumberType, with -PhoneNumber and -PhoneNumberType as aliases; older module versions know only -PhoneNumber and -PhoneNumberType. The generated scripts use -PhoneNumber and -PhoneNumberType, which every supported module accepts (inferred, not documented: no source says which version renamed them).',
    source: '§2.1 R7 — [PS-SetPNA-2026], [PS-SetPNA]',
  },
  R8: {
    title: 'Number tags need MicrosoftTeams 7.1.0',
    explanation:
      'Tagging callback numbers (Set-CsPhoneNumberTag, also Get-, Update- and Remove-CsPhoneNumberTag) needs MicrosoftTeams 7.1.0 or later. With the plan setting on, stage 01 checks for 7.1.0 and the tagging step is skipped with a note on older modules. Other minimums: Get-CsPhoneNumberAssignment -Filter 6.8.0; Export-CsAcquiredPhoneNumber 6.1.0 per its page, 6.6.0 per the release notes.',
    source: '§2.1 R8, §3.17 — [RELNOTES], [PS-Tag], [PS-Export]',
  },
  U1: {
    title: 'Teams Phone licence for every user',
    explanation:
      'Every Shared Calling user needs Teams Phone (the MCOEV "Microsoft 365 Phone System" service plan), from Teams Phone Standard, an E5 suite, Teams Phone for Frontline Workers or Teams Phone with Calling Plan. No calling plan or number is needed. When the imported list has no licence information the planner cannot confirm it and asks you to check.',
    source: '§2.2 U1, U3 — [PLAN], [SETUP] Step 1, [LIC-TP]',
  },
  U5: {
    title: 'India needs an India-specific Teams Phone licence',
    explanation:
      'For India PSTN requirements a separate, India-specific Teams Phone licence from a licensed telecom operator in India is required (see "Plan Operator Connect for India"). Assigning India numbers provided by Airtel automatically e-mails the user usage guidelines; this cannot be turned off.',
    source: '§2.2 U5 — [LIC-TP] 04/25/2025, [PS-SetPNA] Example 13',
  },
  V1: {
    title: 'Enterprise Voice enabled',
    explanation:
      'Every Shared Calling user must be Enterprise Voice enabled (Set-CsPhoneNumberAssignment -Identity <user> -EnterpriseVoiceEnabled $true). The generated script always does this, so the finding is information only.',
    source: '§2.3 V1 — [PLAN], [SETUP] Step 1, [SCEN]',
  },
  V2: {
    title: 'No phone number of their own',
    explanation:
      'Shared Calling users borrow the resource account’s number and get no number of their own. A user who keeps a number keeps calling with it. The only exception is extension dialing: a Direct Routing number with ;ext=<extension> (V3).',
    source: '§2.3 V2 — [PLAN] 09/12/2024, [SETUP] Step 1',
  },
  V3: {
    title: 'Extension dialing',
    explanation:
      'Optionally, users get a Direct Routing number of the form +<E.164>;ext=<extension> (the base digits may repeat the resource account’s number) so internal callers can reach them by extension. That needs a Direct Routing number on the resource account of the user’s policy: with a Calling Plan or Operator Connect resource account an extension cannot be assigned. Each extension must be unique; an extension equal to an emergency dial string would start an emergency call. The Teams number alone does not make a user reachable by extension through the auto attendant: that reads Entra BusinessPhone or Mobile (AA7).',
    source: '§2.3 V3 — [SETUP] Step 10, [DIALREF]; §2.5 AA7',
  },
  V4: {
    title: 'Extension dialing needs a voice routing policy without PSTN usages',
    explanation:
      'Extension dialing only works while the user’s voice routing policy has no PSTN usages. With usages the user leaves Shared Calling and behaves like any user with an assigned number.',
    source: '§2.3 V4 — [SETUP] Step 10 note',
  },
  VR1: {
    title: 'Users need a voice routing policy without PSTN usages',
    explanation:
      'Shared Calling users must not end up with a voice routing policy that has PSTN usages, whether assigned directly or inherited from Global. If Global has usages, create a policy with empty PSTN usages (e.g. SC-NoPSTN) and assign it to the users. When the plan does not know whether Global has usages it assumes it might.',
    source: '§2.6 VR1 — [PLAN], [SETUP] Step 6',
  },
  RA1: {
    title: 'Resource account has a number',
    explanation:
      'The resource account’s number is the caller ID of every Shared Calling user of the policy and the line their inbound calls arrive on. It must be a Calling Plan service number, an Operator Connect number or a Direct Routing number.',
    source: '§2.4 RA1 — [PLAN], [SETUP] Step 2',
  },
  RA2: {
    title: 'Teams Phone Resource Account licence',
    explanation:
      'Every resource account needs the Microsoft Teams Phone Resource Account licence (PHONESYSTEM_VIRTUALUSER), free since 04/2025 but still "purchased" at zero cost, and assigned before the number. Teams Phone Standard must never sit on a resource account; if one has it, swap the two licences in a single operation.',
    source: '§2.4 RA2 — [RA-LIC] 04/03/2025; §3.9 [RA-INC]',
  },
  RA4: {
    title: 'Number kinds a resource account can take',
    explanation:
      'Resource accounts take Calling Plan service numbers (toll or toll-free), Operator Connect numbers and Direct Routing numbers. Calling Plan subscriber numbers are user numbers and cannot go on a resource account.',
    source: '§2.4 RA4 — [RA-INC]',
  },
  RA8: {
    title: 'Emergency location on the resource account’s number',
    explanation:
      'The resource account’s number must carry an emergency location (LocationId); it is the static location sent with emergency calls when the client cannot detect one (E7), and Teams admin center will not save the policy without it. The planner takes the address and LIS location id from the number’s site.',
    source: '§2.4 RA8 — [SETUP], [PS-New] -ResourceAccount; §8 item 12',
  },
  RA9: {
    title: 'Pay-As-You-Go Calling Plan and funding for Calling Plan service numbers',
    explanation:
      'A resource account with a Calling Plan service number needs a Pay-As-You-Go Calling Plan licence, and its calls must be funded. Since 09/17/2024 Microsoft says: fund them with pay-as-you-go minutes; only when the Calling Plan subscription is billed through a Microsoft Online Subscription Agreement (MOSA) billing account (or the tenant will not post-pay) set up Communications Credits (MCOPSTNC, also listed as MCOPSTNPP) with a funded balance. Credits cannot be bought by Microsoft Customer Agreement customers; with a Cloud Solution Provider the CSP funds them. An unfunded call plays “You are not setup to use this calling feature”. Admins may still meet the older rule: the 09/2023 planning page and the cmdlet help still say to assign Communications Credits to the resource account in every case. The billing type and the funding cannot be read from any file, so they are a checklist item.',
    source: '§2.4 RA9, §8 item 16 — [SETUP] Step 5 09/17/2024, [PLAN] 09/17/2024, [CREDITS], [LIC-TP]; older rule [PS-New]/[PS-Set] NOTES',
  },
  RA10: {
    title: 'Operator supports Shared Calling',
    explanation:
      'Operator Connect numbers need no extra licence, but support for Shared Calling varies by operator: confirm it with the operator and tick the checklist item.',
    source: '§2.4 RA10, §2.9 C2 — [SETUP] Step 5, [PS-New] NOTES',
  },
  RA11: {
    title: 'Direct Routing resource account needs PSTN usages',
    explanation:
      'With a Direct Routing number, the resource account (not the users) needs an online voice routing policy with valid PSTN usages; otherwise outbound Shared Calling calls have no route.',
    source: '§2.4 RA11, §2.6 VR2 — [SETUP] Step 5 (07/15/2024)',
  },
  C1: {
    title: 'Markets without Calling Plan service numbers for Shared Calling',
    explanation:
      'Shared Calling is not supported with Calling Plan service numbers in Romania, the Czech Republic, Hungary, Singapore, New Zealand, Australia or Japan. Use Operator Connect or Direct Routing there. Some other existing service numbers are unsupported too; the TNS service desk can confirm.',
    source: '§2.9 C1 — [SETUP], [PS-New]/[PS-Set] NOTES',
  },
  AA1: {
    title: 'Dial scope covers the users',
    explanation:
      'Inbound calls and return calls land on the auto attendant, which passes callers on to users by name or extension. If the auto attendant has an inclusion dial scope, it must contain the users who share its number; without a scope everyone is reachable. The planner checks the sites each dial scope group is expected to contain.',
    source: '§2.5 AA1, AA2 — [PLAN], [SETUP] Step 3, [PS-AA], [PS-AADS]',
  },
  AA3: {
    title: 'Directory search on the auto attendant',
    explanation:
      'The auto attendant’s menu must turn on dial by name (-EnableDialByName) and/or dial by extension (-DirectorySearchMethod ByExtension); otherwise callers cannot reach Shared Calling users at all.',
    source: '§2.5 AA3 — [PS-AAMenu]',
  },
  AA4: {
    title: 'Auto attendant associated with the resource account',
    explanation:
      'The auto attendant is linked to its resource account with New-CsOnlineApplicationInstanceAssociation. A resource account without an auto attendant takes no inbound calls; an auto attendant without a resource account is never reached.',
    source: '§2.5 AA4 — [PS-AA] NOTES, [PS-Assoc]',
  },
  AA5: {
    title: 'Directory search fails when more than 5 names remain',
    explanation:
      'Auto attendant search applies the Exchange address-book settings first, then the dial scope. If more than 5 names remain, the search fails and the caller is told that too many names were found. So when more than 5 people in one dial scope share a first or last name, callers must say or type the full name; when more than 5 share the full name, none of them can be found by name. The planner counts the names of the plan’s users in each scope (a heuristic: the tenant’s directory may hold more people). An older third-party note put the limit at 100 matches before scoping; Microsoft’s figure supersedes it.',
    source: '§2.5 AA5, §8 item 17 — [DIALREF] 1/29/2025; older [RW]',
  },
  AA6: {
    title: 'Users hidden from address lists are never found',
    explanation:
      'A user with HiddenFromAddressListsEnabled set (hidden from the Exchange global address list) is not returned by auto attendant search, so callers and return calls cannot reach a hidden Shared Calling user through the auto attendant. A user in both the include and the exclude list of a dial scope is excluded too.',
    source: '§2.5 AA6 — [DIALREF] 1/29/2025, [AA-DOC] 02/28/2025',
  },
  AA7: {
    title: 'Dial by extension reads Entra BusinessPhone or Mobile',
    explanation:
      '“Teams Assigned Phone number, LineURI, isn’t supported for Auto attendant Dial by Extension.” The auto attendant finds an extension only in the user’s Entra BusinessPhone (AD TelephoneNumber) or Mobile attribute, written as +<number>;ext=<extension>, +<number>x<extension> or x<extension>. The users script (stage 07) writes +<resource account number>;ext=<extension> to BusinessPhone with Microsoft Graph (Update-MgUser -BusinessPhones), reads it back on every run and never overwrites a business phone the plan did not write; the rollback script clears it again where it is still that value. Without Microsoft Graph the step is a Manual item. Callers must enter the full extension.',
    source: '§2.5 AA7, §2.3 V3 — [DIALREF] 1/29/2025',
  },
  AA8: {
    title: 'Directory search starts working up to 36 hours later',
    explanation:
      'Address-book changes can take up to 24 hours to reach auto attendant search, and a new user can take up to 36 hours to be listed. Plan for 36 hours after the users are assigned before testing dial by name or extension (inferred from the two figures).',
    source: '§2.5 AA8, §8 item 18 — [DIALREF] 1/29/2025, [AA-DOC] 02/28/2025',
  },
  AA9: {
    title: 'Menu design with directory search',
    explanation:
      'Dial keys are matched before directory search, so a caller is transferred before finishing a name or extension. If keys are mapped, Microsoft says to set directory search to None and put it on a separate auto attendant reached by a key; to offer both dial by name and dial by extension, link a dial-by-name auto attendant and map its key 1 to a dial-by-extension auto attendant. The planner’s directory menu maps no keys; when one auto attendant offers both searches the planner says so, since Microsoft recommends separate ones.',
    source: '§2.5 AA9 — [AA-DOC] 02/28/2025',
  },
  AA10: {
    title: 'Operator',
    explanation:
      'The operator is optional but recommended: the auto attendant sends calls to the operator on a configuration error (for example a deleted user) or when the caller makes no choice after hearing the menu three times; without an operator those calls are dropped. Voice command “Operator” works only when a key (0) is mapped to the operator, which the planner’s directory menu does not do (AA9). The plan records the operator; the generated scripts do not set it yet (Teams admin center or Set-CsAutoAttendant).',
    source: '§2.5 AA10 — [AA-DOC] 02/28/2025',
  },
  AA11: {
    title: 'Auto attendant limits',
    explanation:
      'A typed greeting or announcement may have at most 1,000 characters (uploaded audio: 5 MB, .WAV/.MP3/.WMA); an auto attendant has at most 20 holiday sets of 50 date ranges each and at most 15 authorized users. -UserNameExtension (Office/Department, to tell apart people with the same name) is PowerShell-only and any later edit of the auto attendant in Teams admin center erases it.',
    source: '§2.5 AA11 — [AA-DOC] 02/28/2025',
  },
  E1: {
    title: 'Emergency call routing policy for every user',
    explanation:
      'Every Shared Calling user needs an emergency call routing policy that defines the emergency dial strings (e.g. 911 and 933), whatever the kind of the resource account’s number. A policy that defines no dial string does not identify any emergency call.',
    source: '§2.7 E1 — [SETUP] "Configure emergency calling numbers", [PLAN]',
  },
  E2: {
    title: 'PSTN usages on the emergency policy match the number kind',
    explanation:
      'With Direct Routing the users’ emergency call routing policy must have online PSTN usages on its dial strings, because the usages route the emergency call. When the resource account’s number is Calling Plan or Operator Connect it must have none (E8).',
    source: '§2.7 E2 — [SETUP] "Routing of emergency calls"',
  },
  E3: {
    title: 'No site-assigned emergency policies in mixed tenants',
    explanation:
      'A tenant that runs Shared Calling on Calling Plan or Operator Connect and also uses Direct Routing cannot use emergency call routing policies assigned to network sites.',
    source: '§2.7 E3 — [SETUP] note (02/2024, 07/2024)',
  },
  E4: {
    title: 'Site emergency policies override only for users with a Direct Routing number',
    explanation:
      'An emergency call routing policy assigned to a network site overrides the user’s policy only for users who have a Direct Routing number and are at that site (04/2025; the 2020 page said every user at the site). Shared Calling users normally have no number of their own, so for them the user-assigned policy is what counts; whether a site policy ever applies to them is not documented (§8 item 20).',
    source: '§2.7 E4, §8 item 20 — [ECRP-DOC] 04/25/2025',
  },
  E5: {
    title: 'Unique dial strings and masks',
    explanation: 'Within one emergency call routing policy every dial string and every dial mask must be unique.',
    source: '§2.7 E5 — [ECRP-DOC]',
  },
  E6: {
    title: 'Carrier emergency database outside North America',
    explanation:
      'Shared Calling emergency calling works globally, but outside North America the emergency addresses of the resource-account numbers must be loaded into each carrier’s emergency database, arranged with each carrier. This is a checklist item per site.',
    source: '§2.7 E6, §2.9 C4 — [SETUP], [PLAN] 7/21/2023',
  },
  E8: {
    title: 'Calling Plan and Operator Connect: the policy only identifies emergency numbers',
    explanation:
      'With Shared Calling on Calling Plan or Operator Connect, emergency call routing policies are only used to identify emergency numbers; they route nothing, and PSTN usages should not be added to policies assigned to such users. With Direct Routing they identify the numbers and carry the PSTN routes (E2).',
    source: '§2.7 E8 — [ECRP-DOC] 04/25/2025',
  },
  E9: {
    title: 'Direct Routing: emergency dial strings without “+”',
    explanation:
      'Teams clients no longer send emergency calls with a “+” in front of the emergency dial string, so the voice route that carries emergency calls must match the dial string without “+”, exactly. A dial string or mask with “+” in a policy for Direct Routing users never matches what the client sends.',
    source: '§2.7 E9 — [ECRP-DOC] 04/25/2025',
  },
  EN1: {
    title: 'Emergency callback numbers',
    explanation:
      'Callback numbers are optional. Without them the resource account’s number is the emergency caller ID, so emergency services calling back reach the auto attendant instead of the caller (inferred, not documented).',
    source: '§2.8 EN1, §7.1 — [SETUP] Step 7, [PS-New]',
  },
  EN2: {
    title: 'Toll-free resource accounts need callback numbers',
    explanation:
      'The fallback to the resource account’s number is not supported when it is a Calling Plan toll-free service number; such policies need Calling Plan subscriber numbers as callback numbers.',
    source: '§2.8 EN2 — [SETUP]',
  },
  EN3: {
    title: 'Subscriber numbers behind a Calling Plan service number',
    explanation:
      'When the resource account has a Calling Plan service number, the callback numbers must be Calling Plan subscriber numbers, not service numbers.',
    source: '§2.8 EN3 — [SETUP], [PS-New]',
  },
  EN4: {
    title: 'Same number type and country as the resource account',
    explanation:
      'Callback numbers must be of the same number type (Calling Plan, Operator Connect or Direct Routing) and from the same country as the resource account’s number.',
    source: '§2.8 EN4 — [PS-New], [SETUP] "Keep in mind"',
  },
  EN5: {
    title: 'Callback numbers exist',
    explanation:
      'Callback numbers must be able to take inbound PSTN calls and, for Calling Plan and Operator Connect, be present in the tenant. The planner checks that every number a policy lists is in the plan’s number list.',
    source: '§2.8 EN5 — [SETUP], [PS-New]',
  },
  EN6: {
    title: 'Callback numbers are unassigned',
    explanation: 'Callback numbers cannot be assigned to any user or resource account.',
    source: '§2.8 EN6 — [SETUP], [PS-New]',
  },
  EN7: {
    title: 'One policy per callback number',
    explanation: 'A callback number belongs to one Shared Calling policy only; the same number cannot appear in two policies (or twice in one list).',
    source: '§2.8 EN7 — [SETUP], [PS-New]',
  },
  EN9: {
    title: 'Callback pool size',
    explanation:
      'An emergency call reserves the next free callback number for 60 minutes; when every number is reserved one is reused, and a callback may reach the wrong person. The planner sizes each policy’s pool with the Poisson-tail model (or Erlang B) from the policy’s users and your emergency call rate, and warns when the list is shorter.',
    source: '§2.8 EN9, EN10; §7 — [SETUP], [PS-New], [PS-Set]',
  },
  C3: {
    title: 'Users outside the country of the policy’s numbers',
    explanation:
      'No source requires Shared Calling users to be in the same country as the policy’s numbers; the same-country rule applies only to the numbers inside a policy (the resource account’s number and the callback numbers). It is allowed, but worth knowing: such users show a foreign caller ID, their emergency calls use the location their Teams client detects or else the address of the resource account’s number (E7), and callbacks come from that country’s emergency services.',
    source: '§2.9 C3 (absence of a rule), §2.7 E7 — [SETUP]',
  },
  S1: {
    title: 'Site country is a known country code',
    explanation:
      'A site’s country must be an ISO 3166-1 alpha-2 code of a country libphonenumber-js knows, because it decides how national numbers are read, which emergency dial strings apply and whether the carrier database upload is needed (E6). “UK” is a common slip: the United Kingdom is GB. Plans from workbooks or older planners may still hold such a code.',
    source: 'Planner rule; §2.7 E6, §2.8 EN4',
  },
  P1: {
    title: 'A Shared Calling policy for every user',
    explanation:
      'Every user in the plan needs exactly one Shared Calling policy; without one they cannot call the PSTN. Direct assignment beats group assignment; group rank decides between groups.',
    source: '§9 per user "Exactly one Shared Calling policy"; §3.14',
  },
  P2: {
    title: 'Policy has a resource account',
    explanation:
      'The resource account supplies the outbound caller ID of every user of the policy (-ResourceAccount takes its ObjectId). A policy without one cannot be used.',
    source: '§9 per policy "Exactly one resource account"; §1, §3.1 [PS-New]',
  },
  P3: {
    title: 'Unique policy names',
    explanation:
      'The policy name is its identity (kept as Tag:<name>) and is used bare in the Grant cmdlets, so two policies cannot share a name, regardless of case.',
    source: '§9 per policy "Name is unique"; §3.6',
  },
  P4: {
    title: 'Valid policy name',
    explanation:
      'The planner accepts policy names of 1–64 letters, digits, spaces, "-", "_" and ".", without leading or trailing spaces, so that the name works as a PowerShell identity and a Tag:<name> (a conservative planner rule, not documented by Microsoft).',
    source: '§3.6 (planner rule, inferred)',
  },
  P5: {
    title: 'Policy without users',
    explanation: 'A policy that no user is assigned to is created by the script but has no effect. It may be a leftover.',
    source: '§9 per policy (planner rule)',
  },
  N1: {
    title: 'One resource account per number',
    explanation: 'A phone number can be assigned to one resource account only. Several Shared Calling policies may share one resource account instead (RA6).',
    source: '§2.4 RA1, RA6 — [SETUP], [PS-New]',
  },
  L2: {
    title: 'Emergency policy description at most 512 characters',
    explanation:
      'New-CsTeamsEmergencyCallRoutingPolicy and Set-CsTeamsEmergencyCallRoutingPolicy accept a description of at most 512 characters; with a longer one the generated script cannot create or update the policy, and its users get no emergency call routing policy (E1).',
    source: '§3.12 [PS-ECRP] -Description: at most 512 characters',
  },
  L1: {
    title: 'Blocked caller ID caveat',
    explanation:
      'The first Shared Calling plan page (7/21/2023) warned that blocked (anonymous) caller ID might not work with Shared Calling. The 09/14/2023 version dropped the note without mentioning a fix, so treat it as an open caveat and test it.',
    source: '§2.10, §8 item 10 — [PLAN] 7/21/2023',
  },
};

/** Rules whose findings can be checklist items (ticked in plan.checklist[finding.key]). */
export const CHECKLIST_RULES: readonly string[] = ['R1', 'R8', 'RA9', 'RA10', 'E6'];
