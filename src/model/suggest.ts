// Suggestions for a finding's fix: the known name a misspelt one most likely means, and the valid
// form of a name that is not one. messages.ts words them; this file only finds them.
import { closest, distance } from 'fastest-levenshtein';

/**
 * Name comparisons one check may spend on did-you-mean suggestions. Each suggestion compares the
 * unknown name with every known one: free in a model of ordinary size, but thousands of unknown names
 * against 30,000 known units would take minutes. Past the budget, findings come without a suggestion.
 */
export const SUGGESTION_BUDGET = 1_000_000;

/** A `nearest` for one check, suggesting until SUGGESTION_BUDGET comparisons are spent. */
export function suggester(budget = SUGGESTION_BUDGET): (name: string, candidates: readonly string[]) => string | undefined {
  let left = budget;
  return (name, candidates) => {
    left -= candidates.length;
    return left >= 0 ? nearest(name, candidates) : undefined;
  };
}

/** The nearest of `candidates` to `name`, if it is close enough to be a plausible typo. */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(name, [...candidates]);
  return distance(name, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** The Flyte name a file path or display name most likely means: `workflows/train-demand model.py` -> `workflows.train_demand_model`. */
export function suggestWorkflow(name: string): string | undefined {
  const s = name
    .trim()
    .replace(/^\.?\//, '')
    .replace(/\.py$/, '')
    .replace(/[/\\:]+/g, '.')
    .replace(/[^A-Za-z0-9_.]+/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[._]+|[._]+$/g, '')
    .slice(0, 255);
  return s && s !== name ? s : undefined;
}

/** A lower-case, hyphenated version of a name (a DNS label), when one can be made and differs from it. */
export function labelLike(name: string): string | undefined {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return s && s !== name ? s : undefined;
}
