/** The customer design document (one self-contained HTML file, printable to PDF). */
export { buildDesignDocument, DESIGN_DOC_SECTIONS, type DesignDocOptions } from './document.js';
export { runbookSteps, type RunbookStep } from './runbook.js';
