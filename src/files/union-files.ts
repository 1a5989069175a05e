// Every file under `<out>/union/`, by relative path. Pure: synth writes them.
import type { Plan } from '../plan/types';
import { APPLY_SCRIPT_FILE, renderApplyScript } from './apply-attributes-script';
import { renderAttributeFiles } from './attribute-files';
import { renderDataPlaneRequest } from './data-plane-request';
import { CLUSTER_POOLS_FILE, renderClusterPools } from './cluster-pools-yaml';
import { generatedNotice, type RenderOptions } from './generated-header';
import { renderAllHelmValues } from './helm-values';
import { PLAN_JSON_FILE, renderPlanJson } from './plan-json';
import { renderQueueFiles } from './queue-files';
import { REVIEW_DIR, renderReviewPages } from './review-md';
import { compareEntries } from '../order';

export const REVIEW_FILE = 'review.md';

/** Relative path under `<out>/union/` -> content, sorted by path. */
export function renderUnionFiles(plan: Plan, options: RenderOptions = {}): ReadonlyMap<string, string> {
  const review = renderReviewPages(plan);
  const files = new Map<string, string>([
    [CLUSTER_POOLS_FILE, renderClusterPools(plan, options)],
    [APPLY_SCRIPT_FILE, renderApplyScript(plan, options)],
    [PLAN_JSON_FILE, renderPlanJson(plan, options)],
    [REVIEW_FILE, `<!-- ${generatedNotice(options)} -->\n${review.page}`],
    // The review's detail when it does not fit one page: review.md links each file.
    ...[...review.detail].map(([name, text]): [string, string] => [`${REVIEW_DIR}/${name}`, `<!-- ${generatedNotice(options)} -->\n${text}`]),
    ...renderAttributeFiles(plan, options),
    // In BYOC Union installs the data plane: the self-managed chart's values and steps would mislead.
    ...(plan.deployment === 'byoc' ? [] : renderAllHelmValues(plan, options)),
    ...renderDataPlaneRequest(plan, options),
    ...renderQueueFiles(plan, options),
  ]);
  return new Map([...files].sort(compareEntries));
}
