/** The design document's style sheet: screen (light) and print (A4, page breaks, no clipped figures). */
export const DESIGN_DOC_CSS = `
:root { --text: #1b1b24; --muted: #5a5c6e; --border: #d5d7e3; --accent: #4f52b2; --surface: #fff; --surface-2: #eef0f7;
  --error: #b3261e; --error-soft: #fde7e6; --warning: #8a5300; --warning-soft: #fff1d6; --info: #0b5cad; --info-soft: #e3f0fc;
  --ok: #1d7a3a; --ok-soft: #e2f4e7; }
* { box-sizing: border-box; }
html { font-family: 'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; color: var(--text); background: #f6f6fa; line-height: 1.45; }
body { margin: 0 auto; max-width: 1040px; padding: 1.5rem; background: var(--surface); }
h1 { font-size: 2rem; margin: 0.2rem 0 0.4rem; }
h2 { font-size: 1.45rem; margin: 2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.1rem; margin: 1.4rem 0 0.5rem; }
p { margin: 0.4rem 0 0.7rem; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; color: var(--accent); font-weight: 700; margin: 0; }
.muted { color: var(--muted); }
.mono { font-family: ui-monospace, 'Cascadia Mono', Consolas, 'DejaVu Sans Mono', monospace; font-size: 0.92em; }
.lead { font-size: 1.05rem; }
.cover { border-bottom: 1px solid var(--border); padding-bottom: 1rem; }
.toc-title { border: 0; font-size: 1rem; margin: 1rem 0 0.3rem; }
.toc { margin: 0; padding-left: 1.4rem; columns: 2; }
.toc a { color: var(--accent); }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.5rem 1rem; margin: 0.8rem 0; }
.facts div { border: 1px solid var(--border); border-radius: 8px; padding: 0.5rem 0.7rem; }
.facts dt { font-size: 0.8rem; color: var(--muted); }
.facts dd { margin: 0; font-size: 1.25rem; font-weight: 600; }
table { width: 100%; border-collapse: collapse; margin: 0.4rem 0 1rem; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.45rem; border-bottom: 1px solid var(--border); overflow-wrap: break-word; }
td .mono, .status, .sev, td.nowrap { white-space: nowrap; }
thead th { background: var(--surface-2); font-size: 0.82rem; }
table.compact { width: auto; min-width: 50%; }
.runbook td:nth-child(4) { width: 34%; } .runbook td:nth-child(5) { width: 26%; }
.status { display: inline-block; padding: 0 0.5rem; border-radius: 999px; font-size: 0.8rem; font-weight: 600; vertical-align: middle; }
.status-ready { background: var(--ok-soft); color: var(--ok); }
.status-warnings { background: var(--warning-soft); color: var(--warning); }
.status-blocked { background: var(--error-soft); color: var(--error); }
.sev { font-weight: 600; white-space: nowrap; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.notes { white-space: pre-wrap; }
figure { margin: 0.8rem 0 1rem; }
figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.3rem; }
figure svg { display: block; width: 100%; height: auto; max-width: 100%; font-family: inherit; }
figure.chart svg { max-width: 640px; }
.sizing-block { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
.sizing-block table.compact { width: 100%; min-width: 0; margin-top: 0.8rem; }
.policy { border-top: 1px solid var(--border); padding-top: 0.4rem; margin-top: 1.2rem; }
/* Call flow (same classes as the planner's diagram). */
.callflow .lane-bg { fill: var(--surface-2); }
.callflow .lane-inbound .lane-stripe { fill: var(--info); }
.callflow .lane-outbound .lane-stripe { fill: var(--accent); }
.callflow .lane-emergency .lane-stripe { fill: var(--warning); }
.callflow .lane-title { fill: var(--text); font-size: 13px; font-weight: 600; }
.callflow .arrow { stroke: var(--muted); stroke-width: 1.6; }
.callflow .arrowhead { fill: var(--muted); }
.callflow .box rect { fill: var(--surface); stroke: var(--border); stroke-width: 1.3; }
.callflow .box.missing rect { fill: var(--error-soft); stroke: var(--error); stroke-width: 1.8; stroke-dasharray: 6 4; }
.callflow .box.problem rect { fill: var(--warning-soft); stroke: var(--warning); stroke-width: 1.8; }
.callflow .caption { fill: var(--muted); font-size: 11px; font-weight: 600; }
.callflow .line { fill: var(--text); font-size: 13px; }
.callflow .line.first { font-weight: 600; }
.callflow .problem { fill: var(--error); font-size: 11px; }
.callflow .box.problem .problem { fill: var(--warning); }
.callflow .note { fill: var(--text); font-size: 12.5px; }
/* Sizing chart. */
.sizing .grid { stroke: var(--border); }
.sizing .axis, .sizing .tick-mark { stroke: var(--muted); }
.sizing .tick { fill: var(--muted); font-size: 11px; }
.sizing .axis-label { fill: var(--muted); font-size: 12px; }
.sizing .curve { fill: none; stroke-width: 3.5; stroke-linejoin: round; }
.sizing .curve.poisson { stroke: var(--accent); }
.sizing .curve.erlang { stroke: var(--warning); stroke-width: 2; stroke-dasharray: 6 4; }
.sizing .dot.poisson { fill: var(--accent); stroke: #fff; stroke-width: 1.5; }
.sizing .dot.erlang { fill: var(--warning); stroke: #fff; }
.sizing .target { stroke: var(--error); stroke-width: 1.5; stroke-dasharray: 3 3; }
.sizing .target-label { fill: var(--error); font-size: 11px; font-weight: 600; }
.sizing .recommended { stroke: var(--ok); stroke-width: 2; }
.sizing .current { stroke: var(--text); stroke-width: 1.5; stroke-dasharray: 2 3; }
.sizing .marker-label { font-size: 11px; font-weight: 600; }
.sizing .recommended-label { fill: var(--ok); } .sizing .current-label { fill: var(--text); }
@media (max-width: 640px) { body { padding: 0.8rem; } .sizing-block { grid-template-columns: 1fr; } .toc { columns: 1; } table { font-size: 0.82rem; } }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  html { font-size: 9.5pt; }
  html, body { background: #fff; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .doc-section { break-before: page; }
  main > .doc-section:first-child { break-before: avoid; }
  h2, h3 { break-after: avoid; }
  .policy { break-before: page; border-top: 0; }
  .policy:first-of-type { break-before: avoid; }
  figure, tr, .facts div, .sizing-block { break-inside: avoid; }
  thead { display: table-header-group; }
  figure.flow svg { max-height: 88mm; }
  figure.chart svg { max-width: 110mm; }
  figure { margin: 0.4rem 0 0.6rem; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
