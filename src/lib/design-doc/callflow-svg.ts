/**
 * The call-flow diagram of one policy as an SVG string: the same layout (src/lib/callflow) the
 * Overview draws, so the document and the screen never disagree.
 */
import type { FlowLayout } from '../callflow/index.js';
import { esc } from './html.js';

export function callFlowSvg(layout: FlowLayout, title: string, description: string, uid: string): string {
  const parts: string[] = [];
  parts.push(
    `<svg class="callflow" role="img" aria-labelledby="${uid}-t ${uid}-d" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${uid}-t">${esc(title)}</title><desc id="${uid}-d">${esc(description)}</desc>`,
    `<defs><marker id="${uid}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>`,
  );
  for (const lane of layout.lanes) {
    parts.push(`<g class="lane lane-${esc(lane.lane.id)}">`);
    parts.push(`<rect class="lane-bg" x="4" y="${lane.y}" width="${layout.width - 8}" height="${lane.h}" rx="10"/>`);
    parts.push(`<rect class="lane-stripe" x="4" y="${lane.y}" width="5" height="${lane.h}" rx="2"/>`);
    parts.push(`<text class="lane-title" x="18" y="${lane.titleY}">${esc(lane.title.text)}</text>`);
    for (const a of lane.arrows) parts.push(`<line class="arrow" x1="${a.x1}" y1="${a.y}" x2="${a.x2}" y2="${a.y}" marker-end="url(#${uid}-arrow)"/>`);
    for (const b of lane.boxes) {
      parts.push(`<g class="box ${esc(b.step.state)}"><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="7"/>`);
      parts.push(`<text class="caption" x="${b.x + 10}" y="${b.y + 19}">${esc(b.caption.text)}</text>`);
      b.lines.forEach((line, i) => {
        parts.push(`<text class="line${b.bold[i] ? ' first' : ''}" x="${b.x + 10}" y="${b.y + 38 + i * 17}">${esc(line.text)}</text>`);
      });
      b.problem.forEach((line, i) => {
        parts.push(`<text class="problem" x="${b.x + 10}" y="${b.y + 38 + b.lines.length * 17 + 2 + i * 14.5}">${esc(line.text)}</text>`);
      });
      parts.push('</g>');
    }
    for (const note of lane.notes) parts.push(`<text class="note" x="22" y="${note.y}">${esc(note.line.text)}</text>`);
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('');
}
