// The isolation units a model defines, by key. Units are the model's own vocabulary (overrides and
// clusters name them), so their keys are derived here; their names and settings are resolved in plan/.
import type { Cloud, Model } from './schema';
import { compareStrings } from '../order';

export interface UnitKey {
  /** `development` | `development/project-1` | `default` | `default/development`. */
  readonly key: string;
  readonly kind: 'domain' | 'pair' | 'default';
  readonly domain: string | null;
  readonly project: string | null;
  /** The override's cloud, else the domain's, else onDemand.cloud for the shared default. */
  readonly cloud: Cloud;
}

export function domainNames(model: Model): string[] {
  return Object.keys(model.domains).sort();
}

export function onDemandProjects(model: Model): readonly string[] {
  return model.isolation === 'project' ? (model.onDemand?.projects ?? []) : [];
}

const UNIT_KEYS = new WeakMap<Model, readonly UnitKey[]>();
const KNOWN_PROJECTS = new WeakMap<Model, ReadonlySet<string>>();

/**
 * Every unit of the model, sorted by key. Worked out once per model (a checked model is a value
 * nobody changes), since most rules and the plan ask for them: thousands of units in a large model.
 */
export function unitKeys(model: Model): readonly UnitKey[] {
  let keys = UNIT_KEYS.get(model);
  if (!keys) UNIT_KEYS.set(model, (keys = listUnitKeys(model)));
  return keys;
}

function listUnitKeys(model: Model): UnitKey[] {
  const domains = domainNames(model);
  const units: Omit<UnitKey, 'cloud'>[] = [];
  if (model.isolation === 'domain') {
    for (const d of domains) units.push({ key: d, kind: 'domain', domain: d, project: null });
  } else {
    for (const d of domains)
      for (const p of model.projects) units.push({ key: `${d}/${p}`, kind: 'pair', domain: d, project: p });
    if (model.onDemand) {
      if (model.onDemand.perDomain) for (const d of domains) units.push({ key: `default/${d}`, kind: 'default', domain: d, project: null });
      else units.push({ key: 'default', kind: 'default', domain: null, project: null });
    }
  }
  return units
    .map((u) => ({ ...u, cloud: model.accounts[u.key]?.cloud ?? (u.domain ? model.domains[u.domain] : model.onDemand?.cloud) ?? 'aws' }))
    .sort((a, b) => compareStrings(a.key, b.key));
}

/** The default unit that receives on-demand projects of `domain`, if the model has one. */
export function defaultUnitOf(model: Model, domain: string): string | null {
  if (model.isolation !== 'project' || !model.onDemand) return null;
  return model.onDemand.perDomain ? `default/${domain}` : 'default';
}

/** The unit a project-domain pair runs in: its domain's, its own, or the default account. */
export function unitOfPair(model: Model, project: string, domain: string): string {
  if (model.isolation === 'domain') return domain;
  if (knownProjects(model).has(project)) return `${domain}/${project}`;
  return defaultUnitOf(model, domain) ?? `${domain}/${project}`;
}

/** The projects known at onboarding, as a set, once per model: asked for every pair of a large model. */
export function knownProjects(model: Model): ReadonlySet<string> {
  let known = KNOWN_PROJECTS.get(model);
  if (!known) KNOWN_PROJECTS.set(model, (known = new Set(model.projects)));
  return known;
}
