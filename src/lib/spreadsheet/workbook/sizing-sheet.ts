/** The workbook's Sizing sheet: one row per Shared Calling policy (read-only; not read back). */
import type { Plan } from '../../domain/model.js';
import { DECIDED_BY_WORDS, planSizingSummary } from '../../sizing/plan-summary.js';
import type { CellValue, ColumnSpec } from './sheet-write.js';

export function sizingSheet(plan: Plan): { columns: ColumnSpec[]; rows: CellValue[][] } {
  const info = (header: string, numFmt?: string): ColumnSpec => ({ header, role: 'info', ...(numFmt ? { numFmt } : {}) });
  const columns = [
    info('Shared Calling policy'),
    info('Users', '#,##0'),
    info('Emergency calls per hour (busy hour)', '0.0000'),
    info('Offered load (Erlangs)', '0.0000'),
    info('Target probability', '0.0000%'),
    info('Model'),
    info('Recommended pool', '#,##0'),
    info('Numbers in the list', '#,##0'),
    info('Numbers to add', '#,##0'),
    info('Decided by'),
    info('Problem'),
  ];
  const rows = planSizingSummary(plan).map((s): CellValue[] => {
    const z = s.sizing;
    return [
      s.policy.name,
      s.users,
      z?.emergencyCallsPerHour,
      z?.offeredLoad,
      s.inputs.target,
      s.inputs.model === 'erlang-b' ? 'Erlang B' : 'Poisson',
      z?.recommended,
      s.current,
      z ? Math.max(0, z.recommended - s.current) : null,
      z ? DECIDED_BY_WORDS[z.decidedBy] : null,
      s.problem || null,
    ];
  });
  return { columns, rows };
}
