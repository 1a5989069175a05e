// The model's own rules that need a well-shaped model (2, 7 and setting formats); rule 1 (names)
// runs separately in compile, also on models that fail the shape check.
import type { Finding } from './findings';
import { checkIsolationShape } from './rules/isolation-shape';
import { checkReferences } from './rules/references';
import { checkSettings } from './rules/settings';
import { checkShortNames } from './rules/short-names';
import type { Model } from './schema';

export function checkModel(model: Model): Finding[] {
  return [...checkIsolationShape(model), ...checkReferences(model), ...checkSettings(model), ...checkShortNames(model)];
}
