// The model's own rules (1, 2, 7 and setting formats), run on a model that has the right shape.
import type { Finding } from './findings';
import { checkIsolationShape } from './rules/isolation-shape';
import { checkNames } from './rules/names';
import { checkReferences } from './rules/references';
import { checkSettings } from './rules/settings';
import type { Model } from './schema';

export function checkModel(model: Model): Finding[] {
  return [...checkNames(model), ...checkIsolationShape(model), ...checkReferences(model), ...checkSettings(model)];
}
