// shortNames: a known project's short form, used in derived cloud names. It must name a project
// that gets accounts, be a DNS label no longer than the project id, and stand for one project only.
import type { Finding } from '../findings';
import { DNS_LABEL_RULE, messages } from '../messages';
import type { Model } from '../schema';
import { suggester } from '../suggest';
import { findMisspeltDefinitions } from './misspelt-definitions';
import { isDnsLabel } from './names';

export function checkShortNames(model: Model): Finding[] {
  const out: Finding[] = [];
  const nearest = suggester();
  const known = model.isolation === 'project' ? model.projects : [];
  const knownSet = new Set(known);
  const owner = new Map<string, string>();
  const misspelt = findMisspeltDefinitions(model);
  for (const [project, short] of Object.entries(model.shortNames)) {
    if (!knownSet.has(project)) {
      if (misspelt.projects.has(project)) continue; // reported once, at the misspelt definition
      out.push({
        ...messages.unknownReference(['shortNames', project], 'project', project, known, nearest(project, known)),
        at: 'key',
        allowed: model.isolation === 'project' ? `a project listed in projects: ${known.slice(0, 8).join(', ')}` : 'none: domain isolation derives no name from projects',
      });
      continue;
    }
    if (!isDnsLabel(short)) out.push(messages.badName(['shortNames', project], 'short name', short, DNS_LABEL_RULE));
    else if (short.length >= project.length) out.push(messages.invalidValue(['shortNames', project], JSON.stringify(short), `shorter than ${JSON.stringify(project)}`, 'Use a shorter form, or remove the entry.'));
    const taken = owner.get(short) ?? (knownSet.has(short) && short !== project ? short : undefined);
    if (taken !== undefined) out.push(messages.nameTaken(['shortNames', project], 'short name', short, `project ${taken}`));
    else owner.set(short, project);
  }
  return out;
}
