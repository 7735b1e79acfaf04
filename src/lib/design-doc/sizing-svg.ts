/**
 * The callback-pool sizing chart of one policy as an SVG string, from the same geometry
 * (src/lib/sizing-chart) the Sizing screen draws (shared-calling.md §7.2, §7.3).
 */
import type { PolicySizing } from '../sizing/index.js';
import { buildSizingChart, chartSeries, formatLoad, formatPercent, formatProbability } from '../sizing-chart/index.js';
import { esc } from './html.js';

const WIDTH = 640;
const HEIGHT = 300;

export function sizingChartSvg(sizing: PolicySizing, current: number, name: string, uid: string): string {
  const first = sizing.rows[0]?.n ?? 1;
  const last = Math.max(sizing.rows.at(-1)?.n ?? 1, current + 1);
  const series = chartSeries(sizing.offeredLoad, first, last);
  const g = buildSizingChart({ series, target: sizing.inputs.target, current, recommended: sizing.recommended, width: WIDTH, height: HEIGHT });
  const rec = series.find((s) => s.n === sizing.recommended);
  const desc = [
    `Offered load ${formatLoad(sizing.offeredLoad)} Erlangs. Target ${formatPercent(sizing.inputs.target)}.`,
    `Recommended ${sizing.recommended} callback numbers${rec ? `: reuse probability ${formatProbability(rec.poisson)} (Poisson upper bound), ${formatProbability(rec.erlang)} (Erlang B)` : ''}.`,
    current === 0 ? 'No callback numbers configured today.' : `Configured today: ${current}.`,
  ].join(' ');
  const label = (x: number, dy: number, cls: string, text: string) => {
    const flip = x > g.plot.right - 110;
    return `<text class="marker-label ${cls}" x="${flip ? x - 5 : x + 5}" y="${g.plot.top + dy}" text-anchor="${flip ? 'end' : 'start'}">${esc(text)}</text>`;
  };
  const p: string[] = [
    `<svg class="sizing" role="img" aria-labelledby="${uid}-t ${uid}-d" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${uid}-t">${esc(`Reuse probability by number of callback numbers for ${name}`)}</title><desc id="${uid}-d">${esc(desc)}</desc>`,
  ];
  for (const t of g.yTicks) {
    p.push(`<line class="grid" x1="${g.plot.left}" x2="${g.plot.right}" y1="${t.pos}" y2="${t.pos}"/>`);
    p.push(`<text class="tick" x="${g.plot.left - 8}" y="${t.pos}" text-anchor="end" dominant-baseline="middle">${esc(t.label)}</text>`);
  }
  for (const t of g.xTicks) {
    p.push(`<line class="tick-mark" x1="${t.pos}" x2="${t.pos}" y1="${g.plot.bottom}" y2="${g.plot.bottom + 5}"/>`);
    p.push(`<text class="tick" x="${t.pos}" y="${g.plot.bottom + 18}" text-anchor="middle">${esc(t.label)}</text>`);
  }
  p.push(`<line class="axis" x1="${g.plot.left}" x2="${g.plot.left}" y1="${g.plot.top}" y2="${g.plot.bottom}"/>`);
  p.push(`<line class="axis" x1="${g.plot.left}" x2="${g.plot.right}" y1="${g.plot.bottom}" y2="${g.plot.bottom}"/>`);
  p.push(`<text class="axis-label" x="${(g.plot.left + g.plot.right) / 2}" y="${HEIGHT - 6}" text-anchor="middle">Callback numbers in the policy</text>`);
  p.push(
    `<text class="axis-label" transform="translate(14 ${(g.plot.top + g.plot.bottom) / 2}) rotate(-90)" text-anchor="middle">Reuse probability per call</text>`,
  );
  p.push(`<line class="target" x1="${g.plot.left}" x2="${g.plot.right}" y1="${g.targetY}" y2="${g.targetY}"/>`);
  p.push(
    `<text class="target-label" x="${g.plot.right - 4}" y="${g.targetY - 5}" text-anchor="end">${esc(`target ${formatPercent(sizing.inputs.target)}`)}</text>`,
  );
  if (g.currentX !== null && current !== sizing.recommended) {
    p.push(`<line class="current" x1="${g.currentX}" x2="${g.currentX}" y1="${g.plot.top}" y2="${g.plot.bottom}"/>`);
    p.push(label(g.currentX, 24, 'current-label', `current ${current}`));
  }
  if (g.recommendedX !== null) {
    p.push(`<line class="recommended" x1="${g.recommendedX}" x2="${g.recommendedX}" y1="${g.plot.top}" y2="${g.plot.bottom}"/>`);
    p.push(label(g.recommendedX, 10, 'recommended-label', `recommended ${sizing.recommended}${current === sizing.recommended ? ' = current' : ''}`));
  }
  p.push(`<path class="curve poisson" d="${g.poissonPath}"/>`);
  for (const pt of g.poissonPoints) p.push(`<circle class="dot poisson" cx="${pt.x}" cy="${pt.y}" r="4.5"/>`);
  p.push(`<path class="curve erlang" d="${g.erlangPath}"/>`);
  for (const pt of g.erlangPoints) p.push(`<rect class="dot erlang" x="${pt.x - 2.5}" y="${pt.y - 2.5}" width="5" height="5"/>`);
  p.push('</svg>');
  return p.join('');
}
