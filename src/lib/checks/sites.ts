/** Site rules: an emergency address (RA8, E7) and a country the planner knows (S1). */
import type { CheckContext } from './context.js';
import { finding } from './finding.js';
import type { Finding } from './types.js';
import { countryProblem } from '../forms/validators.js';

export function checkSites(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const site of ctx.plan.sites) {
    const a = site.address;
    // RA8 / E7: the site's address is the emergency location of the numbers placed on it, and the
    // location sent with an emergency call when the client detects none. Without one the site is not ready.
    if (a.street.trim() === '' || a.city.trim() === '') {
      out.push(
        finding({
          rule: 'RA8',
          severity: 'warning',
          message: `Site ${site.name} has no complete emergency address (street and city), so the numbers on it have no emergency location and an emergency call without a location detected by the client is sent without one.`,
          subject: site.name,
          subjectKind: 'site',
          subjectId: site.id,
          fix: 'Enter the site’s civic address (as in Teams admin center › Locations › Emergency addresses) and its LIS location id.',
        }),
      );
    }
    // Countries come from libphonenumber-js: a code it does not know ("ZZ", "UK") cannot be right.
    const problem = countryProblem(site.country);
    if (problem !== '') {
      out.push(
        finding({
          rule: 'S1',
          severity: 'warning',
          message: `Site ${site.name}: ${problem}`,
          subject: site.name,
          subjectKind: 'site',
          subjectId: site.id,
          fix: site.country.trim().toUpperCase() === 'UK' ? 'Change the country to GB.' : 'Choose the site’s country from the list.',
        }),
      );
    }
  }
  return out;
}
