/** Call-flow diagram data and layout, and readiness per site and policy (pure; used by the Overview and Checks). */
export { buildCallFlow, narrateCallFlow, SHOWN_CALLBACKS, SHOWN_NAMES } from './flow.js';
export type { CallFlow, FlowLane, FlowLink, FlowStep, LaneId, StepState } from './flow.js';
export { layoutCallFlow, boxWidths, FLOW_GEOMETRY } from './layout.js';
export type { ArrowLayout, BoxLayout, FlowLayout, LaneLayout } from './layout.js';
export { fitText, wrapText, textWidth, summarizeUsers, formatCount, plural } from './text.js';
export type { FittedText, Measure, TextStyle, UserSummary } from './text.js';
