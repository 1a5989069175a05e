// Quotas before apply (issue 17): the review says what the model needs against each default quota.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateModel } from '../../bench/model';
import { renderReview } from '../../src/files/review-md';
import { quotaNeeds } from '../../src/plan/quotas';
import { planOf } from '../helpers';

describe('quotaNeeds', () => {
  it('counts accounts with the management account, projects per billing account, and flags what needs a raise', () => {
    const plan = planOf({ yaml: generateModel(50).yaml });
    const needs = new Map(quotaNeeds(plan).map((q) => [q.quota, q]));
    const accounts = needs.get('AWS accounts per organization (incl. the management account)')!;
    assert.equal(accounts.needed, 50 + 1 + 1, '50 production pairs, the default account, the management account');
    assert.equal(accounts.limit, 10);
    assert.match(accounts.action!, /Request an increase/);
    const projects = needs.get('GCP projects linked to the billing account')!;
    assert.equal(projects.needed, 100);
    assert.match(projects.action!, /billing quota increase/);
    assert.match(renderReview(plan), /## Quotas before apply[\s\S]*\| 52 \| 10 \| \*\*needs a raise\*\*/);
  });
});
