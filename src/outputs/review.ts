// PLACEHOLDER until the outputs work lands: the human review of a plan (review.md, `plan` on a terminal).
import type { Plan } from '../plan/types';

export function renderReview(plan: Plan): string {
  return `# union-isolation plan for ${plan.org}\n`;
}
