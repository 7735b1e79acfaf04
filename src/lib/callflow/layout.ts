/**
 * Layout of the call-flow diagram: pure geometry in SVG user units (the component scales the
 * viewBox to its width). Each lane is a title, a row of equal boxes joined by arrows, and
 * optional notes wrapped under the row.
 */
import type { CallFlow, FlowLane, FlowStep } from './flow.js';
import { fitText, wrapText, type FittedText, type Measure } from './text.js';

export const FLOW_GEOMETRY = {
  width: 1000,
  pad: 16,
  /** Horizontal gap between boxes (holds the arrow). */
  gap: 34,
  laneGap: 22,
  titleHeight: 26,
  boxPadX: 10,
  boxPadY: 9,
  font: 13,
  captionFont: 11,
  lineHeight: 17,
  noteFont: 12.5,
  noteLineHeight: 17,
  /** Lines of content per box, and of problem text under it. */
  maxLines: 5,
  maxProblemLines: 4,
  maxNoteLines: 3,
} as const;

export interface BoxLayout {
  step: FlowStep;
  x: number;
  y: number;
  w: number;
  h: number;
  caption: FittedText;
  lines: FittedText[];
  /** Per line: drawn bold (the step's first line, wrapped or not). */
  bold: boolean[];
  /** The finding text of a missing step or a problem, wrapped. */
  problem: FittedText[];
}

export interface ArrowLayout {
  x1: number;
  x2: number;
  y: number;
}

export interface LaneLayout {
  lane: FlowLane;
  y: number;
  h: number;
  title: FittedText;
  titleY: number;
  boxes: BoxLayout[];
  arrows: ArrowLayout[];
  notes: { y: number; line: FittedText }[];
}

export interface FlowLayout {
  width: number;
  height: number;
  lanes: LaneLayout[];
}

/** Equal box widths filling `width` with `gap` between boxes and `pad` at both ends. */
export function boxWidths(count: number, width: number, pad: number, gap: number): { x: number; w: number }[] {
  if (count <= 0) return [];
  const w = (width - 2 * pad - (count - 1) * gap) / count;
  return Array.from({ length: count }, (_, i) => ({ x: pad + i * (w + gap), w }));
}

function layoutLane(lane: FlowLane, top: number, g: typeof FLOW_GEOMETRY, measure: Measure | undefined): LaneLayout {
  const slots = boxWidths(lane.steps.length, g.width, g.pad, g.gap);
  const boxTop = top + g.titleHeight;
  const prepared = lane.steps.map((step, i) => {
    const slot = slots[i] ?? { x: g.pad, w: g.width - 2 * g.pad };
    const inner = slot.w - 2 * g.boxPadX;
    // Each line may wrap once; the box holds at most maxLines lines.
    // The first line is drawn bold.
    const lines = step.lines
      .flatMap((l, i) => wrapText(l, inner, { fontSize: g.font, bold: i === 0, measure }, 2).map((t) => ({ t, bold: i === 0 })))
      .slice(0, g.maxLines);
    const problem =
      step.state === 'ok' || step.problem === ''
        ? []
        : wrapText(`${step.rule}: ${step.problem}`, inner, { fontSize: g.captionFont, measure }, g.maxProblemLines);
    const caption = fitText(step.caption.toUpperCase(), inner, { fontSize: g.captionFont, bold: true, measure });
    return { step, slot, caption, lines, problem };
  });
  const contentLines = Math.max(1, ...prepared.map((p) => p.lines.length + p.problem.length * 0.85));
  const boxH = Math.ceil(2 * g.boxPadY + g.lineHeight + contentLines * g.lineHeight);
  const boxes: BoxLayout[] = prepared.map((p) => ({
    step: p.step,
    x: p.slot.x,
    y: boxTop,
    w: p.slot.w,
    h: boxH,
    caption: p.caption,
    lines: p.lines.map((l) => l.t),
    bold: p.lines.map((l) => l.bold),
    problem: p.problem,
  }));
  const arrows: ArrowLayout[] = boxes.slice(1).map((b, i) => {
    const prev = boxes[i] as BoxLayout;
    return { x1: prev.x + prev.w + 3, x2: b.x - 3, y: boxTop + boxH / 2 };
  });
  let y = boxTop + boxH + (lane.notes.length ? 10 : 0);
  const notes: { y: number; line: FittedText }[] = [];
  for (const note of lane.notes) {
    for (const line of wrapText(note, g.width - 2 * g.pad - 14, { fontSize: g.noteFont, measure }, g.maxNoteLines)) {
      y += g.noteLineHeight;
      notes.push({ y, line });
    }
  }
  if (notes.length) y += 6;
  return {
    lane,
    y: top,
    h: y - top,
    title: fitText(lane.title, g.width - 2 * g.pad, { fontSize: g.font, bold: true, measure }),
    titleY: top + 17,
    boxes,
    arrows,
    notes,
  };
}

/**
 * Position every lane, box, arrow and note of a call flow. `measure` gives real text widths in a
 * browser (canvas measureText); without it widths are estimated.
 */
export function layoutCallFlow(flow: CallFlow, measure?: Measure, geometry: typeof FLOW_GEOMETRY = FLOW_GEOMETRY): FlowLayout {
  const lanes: LaneLayout[] = [];
  let y = geometry.pad / 2;
  for (const lane of flow.lanes) {
    const l = layoutLane(lane, y, geometry, measure);
    lanes.push(l);
    y += l.h + geometry.laneGap;
  }
  return { width: geometry.width, height: Math.ceil(y - geometry.laneGap + geometry.pad), lanes };
}
