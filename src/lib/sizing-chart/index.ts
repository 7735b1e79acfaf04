/** Pure helpers for the sizing screens: number formatting, chart scales and chart geometry. */
export { superscript, scientific, formatProbability, formatLoad, formatOdds, formatPercent, formatPerYear } from './format.js';
export { DECADES_BELOW_TARGET, MIN_EXP, type LogDomain, logDomain, logScale, logTicks, linearScale, integerTicks } from './scale.js';
export {
  MAX_CHART_POINTS,
  type SeriesPoint,
  type ChartInput,
  type ChartTick,
  type ChartGeometry,
  chartSeries,
  linePath,
  decadeLabel,
  buildSizingChart,
} from './chart.js';
