/**
 * The design document from the Export screen: built by the core, with call-flow
 * labels measured in the document's own font so no label is cut that would fit.
 */
import { buildDesignDocument, type Finding, type Measure, type Plan, type PlanStatus } from '../../../lib/index.js';

const DOC_FONT = "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";

function canvasMeasure(): Measure | undefined {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx) return undefined;
  return (text, size, bold) => {
    ctx.font = `${bold ? 600 : 400} ${size}px ${DOC_FONT}`;
    // A small margin for hinting differences between canvas and SVG text.
    return ctx.measureText(text).width * 1.03 + 1;
  };
}

export function designDocumentHtml(plan: Plan, findings: readonly Finding[], status: PlanStatus): string {
  const measure = canvasMeasure();
  return buildDesignDocument(plan, { findings, status, generatedAt: new Date().toISOString(), ...(measure ? { measure } : {}) });
}
