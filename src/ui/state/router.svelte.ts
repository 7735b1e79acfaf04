/** Hash routing: `#/` is the plan list, `#/plan/<id>/<area>` a plan's workspace area. */

export const AREAS = [
  { id: 'overview', label: 'Overview' },
  { id: 'import', label: 'Import users' },
  { id: 'users', label: 'Users' },
  { id: 'sites', label: 'Sites and numbers' },
  { id: 'accounts', label: 'Resource accounts and auto attendants' },
  { id: 'policies', label: 'Policies' },
  { id: 'emergency', label: 'Emergency' },
  { id: 'checks', label: 'Checks' },
  { id: 'export', label: 'Export' },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];

export type Route = { kind: 'plans' } | { kind: 'plan'; planId: string; area: AreaId; detail: string };

export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  if (parts[0] === 'plan' && parts[1]) {
    const area = AREAS.find((a) => a.id === parts[2])?.id ?? 'overview';
    return { kind: 'plan', planId: parts[1], area, detail: parts.slice(3).join('/') };
  }
  return { kind: 'plans' };
}

export function planHref(planId: string, area: AreaId = 'overview', detail = ''): string {
  const tail = detail ? `/${encodeURIComponent(detail)}` : '';
  return `#/plan/${encodeURIComponent(planId)}/${area}${tail}`;
}

export class Router {
  route = $state<Route>(parseRoute(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parseRoute(location.hash);
    });
  }

  go(hash: string) {
    if (location.hash === hash) this.route = parseRoute(hash);
    else location.hash = hash;
  }
}
