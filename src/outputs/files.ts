// PLACEHOLDER until the outputs work lands: every file under `<out>/union/`, by relative path.
import type { Plan } from '../plan/types';

export function renderUnionFiles(plan: Plan): ReadonlyMap<string, string> {
  return new Map([['plan.json', JSON.stringify(plan, null, 2) + '\n']]);
}
