/**
 * One truth on every screen: each contradiction a new user met between screens, driven in the
 * built app. Every screen reads the core's status model (src/lib/status), so a user, site, policy
 * or call-flow box says the same as the Overview.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { UsersPage } from './pages/users.js';
import { ChecksPage } from './pages/checks.js';
import { ObjectsPage } from './pages/objects.js';
import { StatusPages } from './pages/status.js';
import { createSamplePlan, serializePlan, stampVerification, userKey, type Plan, type User } from '../../src/lib/index.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let s: Session;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  // Every test: no console errors, and nothing left the page's origin.
  expect(s.errors, 'console errors').toEqual([]);
  expect(s.foreign, 'requests outside the origin').toEqual([]);
  await s.context.close();
});

/** The sample plan under another id, changed by `fn`. */
function variant(id: string, fn: (p: Plan) => Plan): Plan {
  return fn({ ...createSamplePlan(), id, name: `Sample (${id})` });
}
const mapUsers = (p: Plan, fn: (u: User) => User): Plan => ({ ...p, users: p.users.map(fn) });

async function open(plan: Plan): Promise<StatusPages> {
  s = await openSession(browser, baseUrl);
  const st = new StatusPages(s.page);
  await st.restore(baseUrl, serializePlan(plan));
  return st;
}

/** The Findings cell of the one user a UPN search leaves. */
async function userFindings(users: UsersPage, upn: string): Promise<string> {
  await users.search(upn);
  await expect.poll(() => users.countText()).toMatch(/^1 of /);
  return (await users.columnTexts('Findings'))[0] ?? '';
}

describe('one truth on every screen', () => {
  it('Users: an aggregated U1 error and a missing policy show on each user’s row, filterable and sortable', async () => {
    // 60 London users without Teams Phone: more than 50, so Checks lists one aggregated U1 finding.
    const plan = variant('u1', (p) =>
      mapUsers(p, (u) =>
        u.sharedCallingPolicyId === 'scp-london' ? { ...u, teamsPhone: 'no' } : u.upn.startsWith('alex.nakamura0') ? { ...u, sharedCallingPolicyId: null } : u,
      ),
    );
    await open(plan);
    const users = new UsersPage(s.page);
    await users.open(baseUrl, plan.id);
    const london = plan.users.find((u) => u.sharedCallingPolicyId === 'scp-london')!;
    expect(await userFindings(users, london.upn)).toMatch(/error/);
    // No policy (P1): not "Ready".
    expect(await userFindings(users, 'alex.nakamura0@')).toMatch(/error/);
    await users.search('');
    await users.filter('Findings', 'errors');
    await expect.poll(() => users.countText()).toBe('61 of 180 users');
    await users.filter('Findings', '');
    await users.sortBy('Findings');
    await users.sortBy('Findings'); // descending: errors first
    expect((await users.columnTexts('Findings'))[0]).toMatch(/error/);
  });

  it('Policies and Sites say what the Overview says (RA9 on the account, RA8 with no LIS location)', async () => {
    const plan = variant('scope', (p) => ({
      ...p,
      // Seattle's account loses its Pay-As-You-Go licence (RA9 error on the resource account, not on the policy).
      resourceAccounts: p.resourceAccounts.map((r) => (r.id === 'ra-seattle' ? { ...r, payAsYouGoCallingPlan: false } : r)),
      // London's site has no LIS location (RA8, an error since the runbook stops for it: "must").
      sites: p.sites.map((x) => (x.id === 'site-london' ? { ...x, lisLocationId: '' } : x)),
    }));
    const st = await open(plan);
    await st.go(baseUrl, plan.id, 'overview');
    const seattle = st.overviewPolicy('SC-Seattle');
    await seattle.getByText('Blocked', { exact: true }).waitFor();
    expect(await seattle.textContent()).toContain('1 error');
    await st.overviewSiteRow('London').getByText('Blocked', { exact: true }).waitFor();

    await st.go(baseUrl, plan.id, 'policies');
    expect(await st.rowBadge('SC-Seattle').textContent()).toMatch(/^1 error/);
    await st.go(baseUrl, plan.id, 'sites');
    expect(await st.rowBadge('London').textContent()).toMatch(/^1 error/);
    expect(await st.rowBadge('Seattle').textContent()).toMatch(/^1 error/);
  });

  it('Call-flow boxes show RA9, V2 and EN findings of their policy; an E2 of SC-Sydney stays on SC-Sydney', async () => {
    const sydneyUser = createSamplePlan().users.find((u) => u.sharedCallingPolicyId === 'scp-sydney')!;
    const seattleUser = createSamplePlan().users.find((u) => u.sharedCallingPolicyId === 'scp-seattle')!;
    const plan = variant('flow', (p) => ({
      ...mapUsers(p, (u) =>
        u.upn === sydneyUser.upn ? { ...u, emergencyPolicyId: 'ecrp-us' } : u.upn === seattleUser.upn ? { ...u, currentNumber: '+12065550199' } : u,
      ),
      resourceAccounts: p.resourceAccounts.map((r) => (r.id === 'ra-seattle' ? { ...r, payAsYouGoCallingPlan: false } : r)),
      // A Calling Plan service number as a callback number of Seattle (EN3: subscriber numbers only).
      sharedCallingPolicies: p.sharedCallingPolicies.map((x) =>
        x.id === 'scp-seattle' ? { ...x, callbackNumberIds: ['num-12065550100', ...x.callbackNumberIds] } : x,
      ),
    }));
    const st = await open(plan);
    await st.go(baseUrl, plan.id, 'overview');
    await st.chooseOverviewCallFlow('SC-Seattle');
    expect(await st.callFlowBoxState('in-number')).toBe('problem');
    expect(await st.callFlowBoxState('out-callerid')).toBe('problem');
    expect(await st.callFlowBoxState('em-callback')).toBe('problem');
    // ECRP-US is Seattle's emergency policy too, but the E2 error is about a Sydney user.
    expect(await st.callFlowBoxState('em-policy')).toBe('ok');
    await st.chooseOverviewCallFlow('SC-Sydney');
    expect(await st.callFlowBoxState('em-policy')).toBe('problem');
  });

  it('Users: the wrong emergency policy for the number kind (E2) is an error on the user’s row', async () => {
    const target = createSamplePlan().users.find((u) => u.sharedCallingPolicyId === 'scp-sydney')!;
    const plan = variant('e2', (p) => mapUsers(p, (u) => (u.upn === target.upn ? { ...u, emergencyPolicyId: 'ecrp-us' } : u)));
    await open(plan);
    const users = new UsersPage(s.page);
    await users.open(baseUrl, plan.id);
    expect(await userFindings(users, target.upn)).toMatch(/^1 error/);
    // The user dialog lists it.
    await s.page.goto(`${baseUrl}#/plan/${plan.id}/users/${encodeURIComponent(userKey(target.upn))}`);
    const dialog = s.page.getByRole('dialog', { name: target.displayName });
    await dialog.getByText(/Emergency call routing policy ECRP-US-CPOC is assigned to Direct Routing users/).waitFor();
  });

  it('Overview: the verification report reaches the dashboard, and goes stale when the policy changes', async () => {
    const AT = '2025-03-04T14:05:00.000Z';
    const base = variant('deployed', (p) => p);
    const london = base.users.find((u) => u.sharedCallingPolicyId === 'scp-london')!;
    const reported: Plan = {
      ...base,
      verification: {
        'sharedCallingPolicy:scp-london': { status: 'missing', detail: 'Policy not found', at: AT },
        'sharedCallingPolicy:scp-seattle': { status: 'done', detail: '', at: AT },
        [`user:${userKey(london.upn)}`]: { status: 'done', detail: '', at: AT },
      },
    };
    const plan = stampVerification(base, reported);
    const st = await open(plan);
    await st.go(baseUrl, plan.id, 'overview');
    const row = st.overviewPolicy('SC-London');
    await row.getByText('Missing in the tenant').waitFor();
    expect(await row.textContent()).toContain('1 deployed · 1 missing · 59 not verified');
    await st.overviewPolicy('SC-Seattle').getByText('Deployed', { exact: true }).waitFor();

    // Change SC-London after the report: its deployment state is stale, on the Overview and in Policies.
    await st.go(baseUrl, plan.id, 'policies');
    const o = new ObjectsPage(s.page);
    await s.page.getByRole('button', { name: 'Edit Shared Calling policy SC-London' }).click();
    const d = o.dialog('Edit Shared Calling policy');
    await d.getByLabel('Description').fill('Changed after the report');
    await o.save(d);
    await st.tableRow('SC-London').getByText(/stale/).waitFor();
    await st.go(baseUrl, plan.id, 'overview');
    await st.overviewPolicy('SC-London').getByText('Missing in the tenant (stale: changed since the report)').waitFor();
    await st.overviewPolicy('SC-Seattle').getByText('Deployed', { exact: true }).waitFor();
  });

  it('Deep links land: a policy link opens that policy; number, account and auto attendant links open and highlight it', async () => {
    const plan = variant('links', (p) => ({
      ...p,
      // London's account takes Seattle's number too (N1 on the number).
      resourceAccounts: p.resourceAccounts.map((r) => (r.id === 'ra-london' ? { ...r, numberId: 'num-12065550100' } : r)),
    }));
    const st = await open(plan);
    await st.go(baseUrl, plan.id, 'overview');
    await st.overviewPolicy('SC-Sydney').getByRole('link', { name: 'SC-Sydney' }).click();
    await s.page.getByRole('heading', { name: 'Policy details: SC-Sydney' }).waitFor();
    expect(await st.highlighted()).toBe('scp-sydney');
    expect(await s.page.getByRole('img', { name: 'Call flow of Shared Calling policy SC-Sydney', exact: true }).count()).toBe(1);

    // A number: from its finding in Checks.
    const checks = new ChecksPage(s.page);
    await checks.open(baseUrl, plan.id);
    await checks.openSubject('N1', '+12065550100');
    await s.page.getByRole('heading', { name: 'Sites and numbers', level: 1 }).waitFor();
    expect(await st.highlighted()).toBe('num-12065550100');
    await expect.poll(() => st.focusedObjectId()).toBe('num-12065550100');

    // A resource account and an auto attendant: from the call flow's steps.
    await st.go(baseUrl, plan.id, 'accounts', 'aa-london');
    expect(await st.highlighted()).toBe('aa-london');
    await st.go(baseUrl, plan.id, 'accounts', 'ra-sydney');
    expect(await st.highlighted()).toBe('ra-sydney');
  });

  it('An aggregated finding links to the users it names; yes/no/unknown filters match exactly; Quick start closes', async () => {
    // 55 users without a Shared Calling policy (P1, aggregated on the tenant); some licences unknown.
    const plan = variant('p1', (p) => mapUsers(p, (u) => u));
    const withNoPolicy = mapUsers(plan, (u) => u);
    const ids = new Set(withNoPolicy.users.slice(0, 55).map((u) => u.upn));
    const unknown = new Set(withNoPolicy.users.slice(100, 110).map((u) => u.upn));
    const p1: Plan = mapUsers(withNoPolicy, (u) =>
      ids.has(u.upn) ? { ...u, sharedCallingPolicyId: null } : unknown.has(u.upn) ? { ...u, teamsPhone: 'unknown' } : u,
    );
    await open(p1);
    const checks = new ChecksPage(s.page);
    await checks.open(baseUrl, p1.id);
    await checks.openSubject('P1', 'Users without a Shared Calling policy');
    const users = new UsersPage(s.page);
    await users.grid().waitFor();
    await expect.poll(() => users.countText()).toBe('55 of 180 users');
    await s.page.getByText(/Showing the 55 users named by P1/).waitFor();

    await users.open(baseUrl, p1.id);
    await users.filter('Teams Phone', 'no');
    await expect.poll(() => users.countText()).toBe('0 of 180 users');
    await users.filter('Teams Phone', 'unknown');
    await expect.poll(() => users.countText()).toBe('10 of 180 users');

    // A plan without policies opens Quick start by itself; Close closes it.
    const empty = variant('nopolicies', (p) => ({ ...p, sharedCallingPolicies: [], users: p.users.map((u) => ({ ...u, sharedCallingPolicyId: null })) }));
    await s.context.close();
    const st = await open(empty);
    await st.go(baseUrl, empty.id, 'users');
    const panel = s.page.getByRole('button', { name: 'Close' });
    await panel.first().waitFor();
    await panel.first().click();
    await expect.poll(() => s.page.getByRole('heading', { name: /Quick start/ }).count()).toBe(0);
  });
});
