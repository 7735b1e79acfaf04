/**
 * The read-only discovery stage on its own (issue 12 item 3), for a consultant who has no plan yet:
 * 00-discovery.ps1 takes no plan data (its StageSpec lists none), so it is generated from an empty
 * plan with a fixed date, byte-identical on every call. The plan list offers it beside New plan from
 * tenant; the Export screen's download holds the same stage for a plan.
 */
import { createEmptyPlan } from '../domain/model.js';
import { generateScripts, type ScriptFile } from './generate.js';
import { discoveryStage } from './stages/00-discovery.js';

export function discoveryScript(): ScriptFile {
  const plan = createEmptyPlan('tenant-discovery', 'Tenant discovery (no plan yet)', '2000-01-01T00:00:00.000Z');
  const file = generateScripts(plan).find((f) => f.name === discoveryStage.file);
  if (!file) throw new Error(`${discoveryStage.file} is not generated.`);
  return file;
}
