/**
 * Admin sizing inputs → offered load (shared-calling.md §7.2, §7.4.2, §7.5).
 *
 * Admin-typed inputs are data, so `sizingInputProblems` reports them as a list the UI can show;
 * the maths functions only accept inputs that pass it.
 */
import { DEFAULT_SIZING, type SizingInputs } from '../domain/model.js';

export const HOURS_PER_YEAR = 8760;

export interface SizingProblem {
  field: keyof SizingInputs;
  message: string;
}

const isNonNeg = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** Every field that cannot be used as it stands, with a message a Teams admin understands. */
export function sizingInputProblems(inputs: SizingInputs): SizingProblem[] {
  const out: SizingProblem[] = [];
  const nonNeg = (field: keyof SizingInputs, label: string): void => {
    if (!isNonNeg(inputs[field])) out.push({ field, message: `${label} must be a number of 0 or more.` });
  };
  if (inputs.mode !== 'rate' && inputs.mode !== 'direct') {
    out.push({ field: 'mode', message: "Sizing mode must be 'rate' or 'direct'." });
  }
  nonNeg('callsPer1000UsersPerYear', 'Emergency calls per 1,000 users per year');
  const bhf = inputs.busyHourFactor;
  if (typeof bhf !== 'number' || !Number.isFinite(bhf) || bhf <= 0) {
    out.push({ field: 'busyHourFactor', message: 'The busy-hour factor must be a number above 0 (1 = no peak).' });
  }
  nonNeg('callsPerHour', 'Emergency calls per hour');
  nonNeg('reservationMinutes', 'The reservation time');
  nonNeg('meanCallMinutes', 'The mean call duration');
  nonNeg('testCallsPerHour', 'Test calls per hour');
  if (typeof inputs.includeCallDuration !== 'boolean') {
    out.push({ field: 'includeCallDuration', message: 'Include call duration must be yes or no.' });
  }
  const t = inputs.target;
  if (typeof t !== 'number' || !Number.isFinite(t) || t <= 0 || t > 1) {
    out.push({ field: 'target', message: 'The target must be a probability above 0 and at most 1 (e.g. 0.001 = 0.1 %).' });
  }
  nonNeg('incidentFloor', 'The incident floor');
  if (inputs.model !== 'poisson' && inputs.model !== 'erlang-b') {
    out.push({ field: 'model', message: "The model must be 'poisson' or 'erlang-b'." });
  }
  return out;
}

/** The same inputs with every unusable field replaced by its DEFAULT_SIZING value. */
export function sanitizeSizing(inputs: SizingInputs): SizingInputs {
  const problems = sizingInputProblems(inputs);
  if (problems.length === 0) return inputs;
  const out: SizingInputs = { ...inputs };
  for (const p of problems) Object.assign(out, { [p.field]: DEFAULT_SIZING[p.field] });
  return out;
}

/** T in hours: the EN9 hold (60 min), plus the mean call if the hold may run from the call's end (§7.5). */
export function reservationHours(inputs: SizingInputs): number {
  return inputs.reservationMinutes / 60 + (inputs.includeCallDuration ? inputs.meanCallMinutes / 60 : 0);
}

/**
 * Busy-hour emergency calls per hour, test calls excluded (§7.2 λ, §7.4.2 busy hour).
 * rate: users × r/1000 / 8760 × busy-hour factor; direct: the admin's own per-hour figure.
 */
export function emergencyCallsPerHour(inputs: SizingInputs, users: number): number {
  if (inputs.mode === 'direct') return inputs.callsPerHour;
  return ((users * inputs.callsPer1000UsersPerYear) / 1000 / HOURS_PER_YEAR) * inputs.busyHourFactor;
}

/**
 * Offered load A = (λ + test calls per hour) × T in Erlangs (§7.2). Test calls count because the
 * docs do not say whether they reserve a number; plan as if they do (§7.4.2, EN13).
 */
export function offeredLoad(inputs: SizingInputs, users: number): number {
  return (emergencyCallsPerHour(inputs, users) + inputs.testCallsPerHour) * reservationHours(inputs);
}

/**
 * Emergency calls per year, the multiplier for the yearly companion figures (§7.3).
 * rate: users × r/1000 — the average rate; the busy-hour factor describes the peak hour, not
 * the year. direct: the entered figure is a busy-hour rate, so it is turned back into an average
 * by dividing by the busy-hour factor (enter 1 to treat every hour as busy). Test calls are left
 * out: a reuse only matters to a real emergency caller.
 */
export function annualEmergencyCalls(inputs: SizingInputs, users: number): number {
  if (inputs.mode === 'direct') return (inputs.callsPerHour * HOURS_PER_YEAR) / inputs.busyHourFactor;
  return (users * inputs.callsPer1000UsersPerYear) / 1000;
}

/**
 * A typed number, with a decimal comma accepted ("0,5" as in most of Europe) as well as a decimal
 * point. Spaces and apostrophes group thousands ("1 000", "1'000"); with both separators present the
 * last one is the decimal mark ("1.234,5", "1,234.5"). A lone comma followed by exactly three digits
 * is ambiguous ("1,000") and read as a decimal comma only when the number starts with "0"; otherwise
 * as thousands. Anything else (letters, two decimal marks) is NaN, never a guess.
 */
export function parseDecimal(text: string): number {
  let s = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return Number.NaN;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    const parts = s.split(',');
    const thousands = parts.length > 1 && parts.slice(1).every((p) => p.length === 3) && !/^[+-]?0$/.test(parts[0] ?? '');
    s = thousands ? parts.join('') : parts.length === 2 ? s.replace(',', '.') : 'x';
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return Number.NaN;
  return Number(s);
}
