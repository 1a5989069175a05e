// The model's own rules that need a well-shaped model (src/model/rules/, one file per rule); `names`
// runs separately in compile, also on models that fail the shape check.
import type { Finding } from './findings';
import { checkAdoption } from './rules/adoption';
import { checkByoc } from './rules/byoc';
import { checkIsolationShape } from './rules/isolation-shape';
import { checkReferences } from './rules/references';
import { checkSelfManaged } from './rules/self-managed';
import { checkHcpBackend } from './rules/hcp-backend';
import { checkSettings } from './rules/settings';
import { checkShortNames } from './rules/short-names';
import type { Model } from './schema';

export function checkModel(model: Model): Finding[] {
  return [
    ...checkIsolationShape(model),
    ...checkReferences(model),
    ...checkSettings(model),
    ...checkHcpBackend(model),
    ...checkAdoption(model),
    ...checkByoc(model),
    ...checkSelfManaged(model),
    ...checkShortNames(model),
  ];
}
