/**
 * Benchmarks print figures; they never assert. Each figure is also printed as one machine-readable
 * line (`BENCH\t{json}`) that `npm run bench` (scripts/bench.mjs) gathers into one table.
 */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** e.g. "≤ 200 ms" */
  target?: string;
  ok?: boolean;
}

export function report(fig: BenchFigure): void {
  console.log(`BENCH\t${JSON.stringify(fig)}`);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
