/**
 * The design document: one self-contained HTML file a consultant hands to the customer, readable
 * on screen and printed (or saved as PDF) with its own print style sheet. No script, no external
 * resource: its Content-Security-Policy allows inline styles only, so no request leaves the page.
 *
 * Content comes from the core: call flows (src/lib/callflow), sizing (src/lib/sizing) and its
 * chart geometry (src/lib/sizing-chart), findings and readiness (status.ts), the runbook stages
 * (runbook.ts). Nothing here decides a rule or a status.
 */
import type { Finding } from '../checks/index.js';
import { RULES, CHECKLIST_RULES } from '../checks/index.js';
import { buildCallFlow, layoutCallFlow, narrateCallFlow, type Measure } from '../callflow/index.js';
import { NUMBER_KIND_LABEL, type NumberUse, type Plan, type SharedCallingPolicy } from '../domain/model.js';
import { numberUses, planIndex } from '../domain/lookup.js';
import { DECIDED_BY_WORDS, planSizingSummary, type PolicySizingSummary } from '../sizing/index.js';
import { formatLoad, formatPercent, formatProbability } from '../sizing-chart/index.js';
import { describeVerification } from '../verification-view.js';
import { callFlowSvg } from './callflow-svg.js';
import { count, esc, n, table } from './html.js';
import { runbookSteps } from './runbook.js';
import { sizingChartSvg } from './sizing-svg.js';
import { docDeployment, docStatus, READINESS_WORDS, VERIFICATION_KIND_WORDS, type DocStatus } from './status.js';
import { DESIGN_DOC_CSS } from './style.js';

/** The sections, in order; each is an <section id> with an <h2> of this title. */
export const DESIGN_DOC_SECTIONS = [
  { id: 'summary', title: 'Summary and readiness' },
  { id: 'sites', title: 'Sites and numbers' },
  { id: 'policies', title: 'Shared Calling policies' },
  { id: 'findings', title: 'Findings and fixes' },
  { id: 'runbook', title: 'Rollout runbook' },
  { id: 'deployment', title: 'Deployment status' },
] as const;

export interface DesignDocOptions {
  /** The plan's findings (checkPlan), as the workspace already holds them. */
  findings: readonly Finding[];
  /** Shown on the cover; ISO timestamp. */
  generatedAt: string;
  /** Text widths for the call-flow boxes (the browser passes one from a canvas); estimated otherwise. */
  measure?: Measure;
}

const USE_WORDS: Record<NumberUse, string> = {
  resourceAccount: 'Resource account number',
  callback: 'Emergency callback number',
  user: 'User’s own number',
  free: 'Not used',
};
/** In a quoted string: the architecture check reads bare `document` as the browser global. */
const DOC_KIND = 'Design document';
const SEVERITY_WORDS = { error: 'Must fix', warning: 'Should fix', info: 'Note' } as const;

function section(id: (typeof DESIGN_DOC_SECTIONS)[number]['id'], body: string): string {
  const title = DESIGN_DOC_SECTIONS.find((s) => s.id === id)?.title ?? id;
  return `<section id="${id}" class="doc-section"><h2>${esc(title)}</h2>${body}</section>`;
}

function badge(status: keyof typeof READINESS_WORDS): string {
  return `<span class="status status-${status}">${esc(READINESS_WORDS[status])}</span>`;
}

function dateWords(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}

function summary(plan: Plan, st: DocStatus): string {
  const facts: [string, string][] = [
    ['Tenant', plan.tenantDomain || '—'],
    ['Users', n(plan.users.length)],
    ['Sites', n(plan.sites.length)],
    ['Phone numbers', n(plan.numbers.length)],
    ['Shared Calling policies', n(plan.sharedCallingPolicies.length)],
    ['Resource accounts', n(plan.resourceAccounts.length)],
  ];
  const policyRows = plan.sharedCallingPolicies.map((p) => {
    const r = st.policies.get(p.id);
    return [esc(p.name), r ? badge(r.status) : '—', esc(n(r?.users ?? 0)), esc(r ? `${n(r.errors)} / ${n(r.warnings)}` : '—')];
  });
  return [
    `<p class="lead">These pages describe the Microsoft Teams Shared Calling design for <strong>${esc(plan.name)}</strong>: who shares which number, how inbound, outbound and emergency calls flow, how many emergency callback numbers each policy needs, what is still to fix, and how the rollout runs.</p>`,
    `<p class="readiness">Overall: ${badge(st.overall)} — ${esc(count(st.counts.error, 'finding'))} to fix before the rollout, ${esc(count(st.counts.warning, 'warning'))}, ${esc(count(st.counts.info, 'note'))}.</p>`,
    deploymentLine(plan),
    `<dl class="facts">${facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>`,
    '<h3>Readiness per policy</h3>',
    table(['Policy', 'Status', 'Users', 'To fix / warnings'], policyRows),
    plan.notes.trim() ? `<h3>Notes</h3><p class="notes">${esc(plan.notes.slice(0, 5000))}</p>` : '',
  ].join('');
}

/** One sentence on the deployment when a verification report is loaded; nothing before. */
function deploymentLine(plan: Plan): string {
  const d = docDeployment(plan);
  if (!d.loaded) return '';
  return `<p class="readiness">Deployment (last verification report): ${esc(n(d.counts.done))} deployed as planned, ${esc(n(d.counts.failed))} different from the plan, ${esc(n(d.counts.missing))} not found — see <a href="#deployment">Deployment status</a>.</p>`;
}

function sitesAndNumbers(plan: Plan, st: DocStatus): string {
  const idx = planIndex(plan);
  const uses = numberUses(plan);
  const siteRows = plan.sites.map((s) => {
    const addr = [s.address.street, s.address.postalCode, s.address.city, s.address.region].filter((x) => x.trim()).join(', ');
    const r = st.sites.get(s.id);
    return [
      esc(s.name),
      esc(s.country),
      esc(addr || '—'),
      esc(s.lisLocationId || 'not known yet'),
      esc(s.extensionRange ? `${s.extensionRange.from}–${s.extensionRange.to}` : '—'),
      r ? badge(r.status) : '—',
    ];
  });
  const numberRows = plan.numbers.map((x) => [
    `<span class="mono">${esc(x.e164)}</span>`,
    esc(NUMBER_KIND_LABEL[x.kind]),
    esc(x.siteId ? (idx.sites.get(x.siteId)?.name ?? x.siteId) : '—'),
    esc([...new Set<NumberUse>(uses.get(x.id) ?? ['free'])].map((u) => USE_WORDS[u]).join(', ')),
    esc(x.note || x.operator || ''),
  ]);
  return [
    '<h3>Sites</h3>',
    table(['Site', 'Country', 'Emergency address', 'LIS location', 'Extensions', 'Status'], siteRows),
    '<h3>Phone numbers</h3>',
    table(['Number', 'Kind', 'Site', 'Used as', 'Note'], numberRows),
  ].join('');
}

/** A paragraph in plain words: who shares what, and what the sizing says. Facts only, from the plan and the sizing core. */
function explanation(plan: Plan, p: SharedCallingPolicy, s: PolicySizingSummary | undefined): string {
  const idx = planIndex(plan);
  const ra = p.resourceAccountId ? idx.resourceAccounts.get(p.resourceAccountId) : undefined;
  const num = ra?.numberId ? idx.numbers.get(ra.numberId) : undefined;
  const aas = ra ? plan.autoAttendants.filter((a) => a.resourceAccountId === ra.id) : [];
  const users = s?.users ?? plan.users.filter((u) => u.sharedCallingPolicyId === p.id).length;
  const parts: string[] = [];
  parts.push(
    num && ra
      ? `The ${esc(count(users, 'user'))} of this policy share the number <span class="mono">${esc(num.e164)}</span> (${esc(NUMBER_KIND_LABEL[num.kind])}) of the resource account ${esc(ra.upn)}: it is the caller ID of their outbound calls, and calls to it arrive at ${aas.length > 0 ? `the auto attendant ${aas.map((a) => `“${esc(a.name)}”`).join(', ')}, where callers reach a user by name or extension` : 'the resource account, which has no auto attendant yet'}.`
      : `The ${esc(count(users, 'user'))} of this policy have no shared number yet: the policy needs a resource account with a number.`,
  );
  parts.push(
    `When a user places an emergency call, the next free number of the policy’s ${esc(count(p.callbackNumberIds.length, 'emergency callback number'))} becomes the caller ID and is held for 60 minutes, so that the emergency service reaches that user when it calls back (EN9).`,
  );
  if (s?.sizing) {
    const z = s.sizing;
    parts.push(
      `With the planning inputs (${esc(formatLoad(z.emergencyCallsPerHour))} emergency calls in the busy hour, offered load ${esc(formatLoad(z.offeredLoad))} Erlangs), the planner recommends <strong>${esc(n(z.recommended))}</strong> callback numbers, decided by ${esc(DECIDED_BY_WORDS[z.decidedBy])}, so that an emergency call finds every number taken with a probability of at most ${esc(formatPercent(s.inputs.target))}. The policy lists ${esc(n(s.current))} today.`,
    );
  } else if (s?.problem) {
    parts.push(`The callback pool cannot be sized: ${esc(s.problem)}`);
  }
  return `<p>${parts.join(' ')}</p>`;
}

function policies(plan: Plan, st: DocStatus, measure: Measure | undefined): string {
  if (plan.sharedCallingPolicies.length === 0) return '<p class="muted">The plan has no Shared Calling policy yet.</p>';
  const sizing = new Map(planSizingSummary(plan).map((s) => [s.policy.id, s] as const));
  return plan.sharedCallingPolicies
    .map((p, i) => {
      const s = sizing.get(p.id);
      const flow = buildCallFlow(plan, p.id, st.model);
      const layout = flow ? layoutCallFlow(flow, measure) : null;
      const r = st.policies.get(p.id);
      const chart = s?.sizing ? sizingChartSvg(s.sizing, s.current, p.name, `sz${i}`) : '';
      const rows = s?.sizing
        ? s.sizing.rows
            .filter((row) => row.n >= s.sizing!.recommended - 2 && row.n <= s.sizing!.recommended + 2)
            .map((row) => [esc(n(row.n)), esc(formatProbability(row.poissonTail)), esc(formatProbability(row.erlangB)), row.meetsTarget ? 'meets target' : '—'])
        : [];
      return [
        `<article class="policy" id="policy-${i + 1}"><h3>${esc(p.name)} ${r ? badge(r.status) : ''}</h3>`,
        p.description.trim() ? `<p class="muted">${esc(p.description)}</p>` : '',
        explanation(plan, p, s),
        flow && layout
          ? `<figure class="flow">${callFlowSvg(layout, `Call flow of Shared Calling policy ${flow.policyName}`, narrateCallFlow(flow), `cf${i}`)}<figcaption>Call flow: inbound, outbound and emergency calls. Dashed red boxes are missing pieces, amber boxes have a problem.</figcaption></figure>`
          : '',
        chart
          ? `<div class="sizing-block"><figure class="chart">${chart}<figcaption>Probability that an emergency call finds every callback number reserved, by pool size: Poisson upper bound (solid) and Erlang B (dashed), the target (red) and the recommended size (green).</figcaption></figure>${
              rows.length > 0 ? table(['Callback numbers', 'Reuse probability (Poisson)', 'Erlang B', ''], rows, 'compact') : ''
            }</div>`
          : '',
        '</article>',
      ].join('');
    })
    .join('');
}

function findingsSection(st: DocStatus): string {
  if (st.findings.length === 0) return '<p>No findings: every rule the planner checks is met.</p>';
  const actionable = st.findings.filter((f) => f.severity !== 'info');
  const rows = actionable.map((f) => [
    `<span class="sev sev-${f.severity}">${esc(SEVERITY_WORDS[f.severity])}</span>`,
    `<span class="mono">${esc(f.rule)}</span>`,
    esc(f.subject),
    esc(f.message),
    esc(f.fix),
  ]);
  // Notes need no action: one line per rule, with how many objects it concerns.
  const notes = new Map<string, Finding[]>();
  for (const f of st.findings) {
    if (f.severity !== 'info') continue;
    const list = notes.get(f.rule);
    if (list) list.push(f);
    else notes.set(f.rule, [f]);
  }
  const noteRows = [...notes].map(([rule, list]) => [
    `<span class="mono">${esc(rule)}</span>`,
    esc(RULES[rule]?.title ?? list[0]?.message ?? rule),
    esc(
      list.length === 1
        ? (list[0]?.subject ?? '')
        : `${n(list.length)} objects, e.g. ${list
            .slice(0, 3)
            .map((f) => f.subject)
            .join(', ')}`,
    ),
    esc(list[0]?.fix ?? ''),
  ]);
  return [
    `<p>${esc(count(st.counts.error, 'finding'))} must be fixed before the rollout and ${esc(count(st.counts.warning, 'warning'))} should be. Rule ids refer to the Shared Calling reference the planner checks against.</p>`,
    actionable.length > 0 ? table(['Severity', 'Rule', 'Subject', 'Problem', 'Fix'], rows, 'findings') : '<p>Nothing to fix.</p>',
    noteRows.length > 0 ? `<h3>Notes (no action needed)</h3>${table(['Rule', 'Note', 'Concerns', 'What happens'], noteRows, 'notes-table')}` : '',
  ].join('');
}

function runbookSection(plan: Plan): string {
  const steps = runbookSteps();
  const checklist = CHECKLIST_RULES.map((rule) => {
    const done = Object.entries(plan.checklist).filter(([k, e]) => k.startsWith(`${rule}:`) && e.done).length;
    return [`<span class="mono">${esc(rule)}</span>`, esc(RULES[rule]?.title ?? rule), done > 0 ? `ticked (${esc(n(done))})` : 'open'];
  });
  const rows = steps.map((s) => [esc(s.number), `<span class="mono">${esc(s.file)}</span>`, esc(s.who), esc(s.what), esc(s.wait || '—')]);
  return [
    '<p>The planner generates one PowerShell script per stage. A Teams administrator runs them in this order in PowerShell with the MicrosoftTeams module 5.5.0 or later (R1), first with <span class="mono">-DryRun</span> (reads the tenant, changes nothing), then for real. Every stage can run again safely: it changes only what differs from the plan and logs what it skipped.</p>',
    '<h3>Before the scripts: what the customer confirms</h3>',
    table(['Rule', 'Fact no file can prove', 'Checklist'], checklist),
    '<h3>Stages</h3>',
    table(['#', 'Script', 'Who runs it', 'What it does', 'Wait before going on'], rows, 'runbook'),
  ].join('');
}

function deploymentSection(plan: Plan): string {
  const d = docDeployment(plan);
  const verify = runbookSteps().find((s) => s.name === 'verify')?.file ?? 'the verification script';
  if (!d.loaded) {
    return `<p class="muted">No verification report is loaded yet. After the rollout, run <span class="mono">${esc(verify)}</span> and load its report in the planner (Export); this section then shows what is deployed as planned.</p>`;
  }
  const kinds = d.byKind.map((k) => [esc(VERIFICATION_KIND_WORDS[k.kind] ?? k.kind), esc(n(k.counts.done)), esc(n(k.counts.failed)), esc(n(k.counts.missing))]);
  const open = d.open.slice(0, 500).map((o) => [esc(o.key), esc(describeVerification(o.entry))]);
  return [
    `<p>From the last verification report: ${esc(n(d.counts.done))} deployed as planned, ${esc(n(d.counts.failed))} different from the plan, ${esc(n(d.counts.missing))} not found.</p>`,
    table(['Kind', 'Deployed', 'Differs', 'Missing'], kinds),
    d.open.length > 0 ? `<h3>Not deployed as planned</h3>${table(['Object', 'Result'], open, 'compact')}` : '',
    d.open.length > 500 ? `<p class="muted">… and ${esc(n(d.open.length - 500))} more.</p>` : '',
  ].join('');
}

/** The design document as one HTML file (UTF-8 text). */
export function buildDesignDocument(plan: Plan, options: DesignDocOptions): string {
  const st = docStatus(plan, options.findings);
  const toc = DESIGN_DOC_SECTIONS.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join('');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // No script, no fetch, no font or image from elsewhere: the file works offline and alone.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(`${plan.name} – Shared Calling design`)}</title>`,
    `<style>${DESIGN_DOC_CSS}</style></head><body>`,
    `<header class="cover"><p class="kicker">Microsoft Teams Shared Calling</p><h1>${esc(plan.name)}</h1><p class="muted">${DOC_KIND}${plan.tenantDomain ? ` for ${esc(plan.tenantDomain)}` : ''} · ${esc(dateWords(options.generatedAt))} · Shared Calling Planner</p>`,
    `<nav aria-label="Contents"><h2 class="toc-title">Contents</h2><ol class="toc">${toc}</ol></nav></header>`,
    '<main>',
    section('summary', summary(plan, st)),
    section('sites', sitesAndNumbers(plan, st)),
    section('policies', policies(plan, st, options.measure)),
    section('findings', findingsSection(st)),
    section('runbook', runbookSection(plan)),
    section('deployment', deploymentSection(plan)),
    '</main></body></html>',
  ].join('\n');
}
