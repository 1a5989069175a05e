// A domain-wide poolAssignments line as the reviews state it: once, however many projects it covers,
// with the per-project entries that win over it. The line, not a warning per pair or per empty
// account, is what the reviewer reads and approves.
import type { DomainWideAssignment } from '../plan/types';

/** Per-project entries named before the rest are counted, so the sentence stays one line at any size. */
const OVERRIDES_SHOWN = 5;

export function domainWideSentence(d: DomainWideAssignment, quote: (s: string) => string = (s) => s): string {
  const projects = `${d.knownProjects} known${d.onDemandProjects > 0 ? `, ${d.onDemandProjects} on-demand` : ''} and every project added later`;
  const where = d.runsIn.length === 0 ? '' : ` in ${d.runsIn.map(quote).join(', ')}`;
  const crossing = d.crossIsolation > 0 ? `; ${d.crossIsolation} run outside their own account${d.allowCrossIsolation ? ' (allowCrossIsolation: true)' : ''}` : '';
  const empty = d.accountsWithoutCluster > 0 ? `; ${d.accountsWithoutCluster} of their accounts hold no cluster` : '';
  const shown = d.overriddenBy.slice(0, OVERRIDES_SHOWN).map((o) => `${quote(`${o.project}/${d.domain}${o.workflow === null ? '' : `/${o.workflow}`}`)} on ${quote(o.pool)}`);
  const more = d.overriddenBy.length > OVERRIDES_SHOWN ? `, and ${d.overriddenBy.length - OVERRIDES_SHOWN} more` : '';
  const overrides = d.overriddenBy.length > 0 ? `; per-project entries override it for ${shown.join(', ')}${more}` : '';
  return `every project of ${quote(d.domain)} (${projects}) runs on pool ${quote(d.pool)}${where}${crossing}${empty}${overrides}`;
}
