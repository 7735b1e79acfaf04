import { describe, expect, it } from 'vitest';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { checkPlan } from '../../../src/lib/checks/index.js';
import { planSizingSummary } from '../../../src/lib/sizing/index.js';
import { STAGES } from '../../../src/lib/powershell/index.js';
import { buildDesignDocument, DESIGN_DOC_SECTIONS } from '../../../src/lib/design-doc/index.js';
import type { Plan } from '../../../src/lib/domain/model.js';

const doc = (p: Plan) => buildDesignDocument(p, { findings: checkPlan(p), generatedAt: '2026-12-01T09:00:00Z' });

describe('design document', () => {
  it('has every section, in order, with its title', () => {
    const html = doc(createSamplePlan());
    let last = -1;
    for (const s of DESIGN_DOC_SECTIONS) {
      const at = html.indexOf(`<section id="${s.id}" class="doc-section"><h2>${s.title}</h2>`);
      expect(at, s.id).toBeGreaterThan(last);
      last = at;
    }
  });

  it('is self-contained: no script, no external resource, a CSP that allows nothing else', () => {
    const html = doc(createSamplePlan());
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
    expect(html).not.toMatch(/(src|href)="(?!#)/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('shows each policy with its call flow, its sizing chart and the recommendation of the sizing core', () => {
    const p = createSamplePlan();
    const html = doc(p);
    for (const s of planSizingSummary(p)) {
      const start = html.indexOf(`<h3>${s.policy.name} `);
      expect(start, s.policy.name).toBeGreaterThan(0);
      const article = html.slice(start, html.indexOf('</article>', start));
      expect(article).toContain(`<title id="cf${p.sharedCallingPolicies.indexOf(s.policy)}-t">Call flow of Shared Calling policy ${s.policy.name}</title>`);
      expect(article).toContain('class="sizing"');
      expect(article).toContain(`recommends <strong>${s.sizing!.recommended}</strong> callback numbers`);
    }
  });

  it('lists the runbook stages in the generator’s order, with the documented waits', () => {
    const html = doc(createSamplePlan());
    const runbook = html.slice(html.indexOf('<section id="runbook"'), html.indexOf('<section id="deployment"'));
    let last = -1;
    for (const s of STAGES) {
      const at = runbook.indexOf(`<span class="mono">${s.file}</span>`);
      expect(at, s.file).toBeGreaterThan(last);
      last = at;
    }
    expect(runbook).toContain('up to 36 hours for a new user in an auto attendant (AA8)');
  });

  it('carries findings with their fix, and escapes every plan value', () => {
    const p = createSamplePlan();
    p.name = '<script>alert("x")</script> & Co';
    p.resourceAccounts[0] = { ...p.resourceAccounts[0]!, numberId: null };
    const findings = checkPlan(p);
    const error = findings.find((f) => f.severity === 'error')!;
    expect(error).toBeDefined();
    const html = buildDesignDocument(p, { findings, generatedAt: '2026-12-01T09:00:00Z' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    const findingsPart = html.slice(html.indexOf('<section id="findings"'), html.indexOf('<section id="runbook"'));
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    expect(findingsPart).toContain(esc(error.fix));
    expect(html).toContain('status-blocked');
  });

  it('shows the deployment status once a verification report is loaded', () => {
    const p = createSamplePlan();
    expect(doc(p)).toContain('No verification report is loaded yet');
    p.verification = {
      'user:alex.obrien0@contoso.com': { status: 'done', detail: '', at: '2026-11-30T10:00:00Z' },
      'resourceAccount:ra-seattle': { status: 'failed', detail: 'Number not assigned', at: '2026-11-30T10:00:00Z' },
    };
    const html = doc(p);
    const part = html.slice(html.indexOf('<section id="deployment"'));
    expect(part).toContain('1 deployed as planned, 1 different from the plan, 0 not found');
    expect(part).toContain('resourceAccount:ra-seattle');
    expect(part).toContain('Number not assigned');
  });
});
