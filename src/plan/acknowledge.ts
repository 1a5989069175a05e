// `acknowledge:` in the model: warnings a reviewer has accepted, by stable code and model path. An
// accepted warning leaves the terminal and the exit status alone but stays listed in the review; an
// acknowledgement that matches nothing is itself a warning, so stale ones do not pile up.
import { formatPath, isError, type Finding } from '../model/findings';
import { placementMessages } from '../model/messages';
import type { Model } from '../model/schema';
import type { PlanWarning } from './types';

export function applyAcknowledgements(model: Model, findings: readonly Finding[]): { kept: Finding[]; acknowledged: Finding[] } {
  const kept: Finding[] = [];
  const acknowledged: Finding[] = [];
  const acks = model.acknowledge;
  const matched = new Set<number>();
  for (const f of findings) {
    if (isError(f) || f.code === undefined || acks.length === 0) {
      kept.push(f);
      continue;
    }
    const path = formatPath(f.path);
    const i = acks.findIndex((a) => a.warning === f.code && (a.at === undefined || a.at === path || a.at === f.subject));
    if (i < 0) kept.push(f);
    else {
      matched.add(i);
      acknowledged.push(f);
    }
  }
  // With errors, resolution stopped early and the warnings an acknowledgement names may not have been looked for.
  if (!findings.some(isError))
    acks.forEach((a, i) => {
      if (!matched.has(i)) kept.push(placementMessages.acknowledgedNothing(['acknowledge', i], a.warning, a.at));
    });
  return { kept, acknowledged };
}

/** A warning as the plan (plan.json, review) carries it. */
export function planWarning(f: Finding): PlanWarning {
  const detail = [f.found !== undefined ? `found ${f.found}` : '', f.allowed !== undefined ? `allowed ${f.allowed}` : ''].filter(Boolean).join('; ');
  return { path: f.subject ?? formatPath(f.path), message: `${f.problem}${detail ? ` (${detail})` : ''}. Fix: ${f.fix}`, ...(f.code !== undefined ? { code: f.code } : {}) };
}
