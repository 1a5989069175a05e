// plan.json: the resolved plan for automation. Keys are sorted at every level so the bytes depend
// only on the plan's content; the generated notice rides in a `$comment` key on the first line,
// since JSON has no comments.
import type { Plan } from '../plan/types';
import { generatedNotice, type RenderOptions } from './generated-header';

export const PLAN_JSON_FILE = 'plan.json';

/** The value with the keys of every object sorted: JSON whose bytes depend only on its content. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

export function renderPlanJson(plan: Plan, options: RenderOptions = {}): string {
  const body = JSON.stringify(sortKeys(plan), null, 2);
  // body starts with "{\n"; put the notice on the first line without changing the plan's shape.
  const notice = `"$comment": ${JSON.stringify(generatedNotice(options))}`;
  return body === '{}' ? `{${notice}}\n` : `{${notice},\n${body.slice(2)}\n`;
}
