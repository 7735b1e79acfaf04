/**
 * The design document from the Export screen: built by the core (loaded on first use), with call-flow
 * labels measured in the document's own font so no label is cut that would fit.
 */
import type { Finding, Measure, Plan } from '../../../lib/index.js';

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

export async function designDocumentHtml(plan: Plan, findings: readonly Finding[]): Promise<string> {
  const { buildDesignDocument } = await import('../../../lib/index.js');
  const measure = canvasMeasure();
  return buildDesignDocument(plan, { findings, generatedAt: new Date().toISOString(), ...(measure ? { measure } : {}) });
}
