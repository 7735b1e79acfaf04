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
  U1: {
    title: 'Teams Phone licence for every user',
    explanation:
      'Every Shared Calling user needs Teams Phone (the MCOEV "Microsoft 365 Phone System" service plan), from Teams Phone Standard, an E5 suite, Teams Phone for Frontline Workers or Teams Phone with Calling Plan. No calling plan or number is needed. When the imported list has no licence information the planner cannot confirm it and asks you to check.',
    source: '§2.2 U1, U3 — [PLAN], [SETUP] Step 1, [LIC-TP]',
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
      'Optionally, users get a Direct Routing number of the form +<E.164>;ext=<extension> (the base digits may repeat the resource account’s number) so callers can reach them by extension. Each extension must be unique; an extension equal to an emergency dial string would start an emergency call. An auto attendant that offers dial by extension can only reach users who have one.',
    source: '§2.3 V3 — [SETUP] Step 10; §2.5 AA5 [RW]',
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
      'A resource account with a Calling Plan service number needs a Pay-As-You-Go Calling Plan licence, funded through Communications Credits or pay-as-you-go billing. An unfunded call plays the caller a message that they are not set up for the feature. Funding cannot be read from any file, so it is a checklist item.',
    source: '§2.4 RA9 — [SETUP] Step 5, [PLAN], [PS-New], [LIC-TP]',
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
  E1: {
    title: 'Emergency call routing policy for every user',
    explanation:
      'Every Shared Calling user needs an emergency call routing policy that defines the emergency dial strings (e.g. 911 and 933), whatever the kind of the resource account’s number.',
    source: '§2.7 E1 — [SETUP] "Configure emergency calling numbers", [PLAN]',
  },
  E2: {
    title: 'PSTN usages on the emergency policy match the number kind',
    explanation:
      'When the resource account’s number is Calling Plan or Operator Connect, the users’ emergency call routing policy must have no online PSTN usages; with Direct Routing it must have them, because the usages route the emergency call.',
    source: '§2.7 E2 — [SETUP] "Routing of emergency calls"',
  },
  E3: {
    title: 'No site-assigned emergency policies in mixed tenants',
    explanation:
      'A tenant that runs Shared Calling on Calling Plan or Operator Connect and also uses Direct Routing cannot use emergency call routing policies assigned to network sites.',
    source: '§2.7 E3 — [SETUP] note (02/2024, 07/2024)',
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
    explanation:
      'A callback number belongs to one Shared Calling policy only; the same number cannot appear in two policies (or twice in one list).',
    source: '§2.8 EN7 — [SETUP], [PS-New]',
  },
  EN9: {
    title: 'Callback pool size',
    explanation:
      'An emergency call reserves the next free callback number for 60 minutes; when every number is reserved one is reused, and a callback may reach the wrong person. The planner sizes each policy’s pool with the Poisson-tail model (or Erlang B) from the policy’s users and your emergency call rate, and warns when the list is shorter.',
    source: '§2.8 EN9, EN10; §7 — [SETUP], [PS-New], [PS-Set]',
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
    explanation:
      'A phone number can be assigned to one resource account only. Several Shared Calling policies may share one resource account instead (RA6).',
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
export const CHECKLIST_RULES: readonly string[] = ['R1', 'RA9', 'RA10', 'E6'];
