import { describe, it } from 'node:test';
import { compileYaml, expectFindings, MINIMAL_DOMAIN } from '../helpers';

const PROJECT = `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: project
domains: { development: gcp, production: aws }
projects: [flytesnacks]
onDemand: { cloud: aws, projects: [later] }
aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example" }
gcp: { billingAccount: 01ABCD-23EF45-67890A, folderId: "1234567890", region: us-central1 }
clusters:
  dev: { account: development/flytesnacks }
  prod: { account: production/flytesnacks }
  shared: { account: default }
clusterPools:
  dev-cp: [dev]
  prod-cp: [prod]
  default: [shared]
`;

describe('names', () => {
  it('fails on upper-case ids with a lower-case suggestion', () => {
    expectFindings(
      compileYaml(MINIMAL_DOMAIN.replace('projects: [flytesnacks]', 'projects: [FlyteSnacks]')),
      'model.yaml:4:12 projects[0]: project is not a valid name (found "FlyteSnacks"; allowed a DNS-1123 label: 1-63 of a-z, 0-9 and "-", starting and ending with a letter or digit). Fix: Rename it, for example to "flytesnacks" (lower-case letters, digits and "-").',
    );
  });

  it('fails on workflow names that are paths', () => {
    for (const wf of ['../../etc/passwd', 'a/b', '..', 'wf;rm -rf']) {
      const yaml = MINIMAL_DOMAIN + `poolAssignments:\n  - { project: flytesnacks, domain: production, workflow: "${wf}", clusterPoolName: production-cp }\n`;
      expectFindings(compileYaml(yaml), `poolAssignments[0].workflow: workflow is not a valid name (found ${JSON.stringify(wf)}; allowed letters, digits, "_", "." and "-" (a workflow name, never a path))`);
    }
  });

  it('fails on names with shell metacharacters, slashes or Unicode look-alikes', () => {
    for (const name of ['dev$(id)', 'a/b', 'dеv' /* Cyrillic e */, 'x y']) {
      expectFindings(compileYaml(MINIMAL_DOMAIN.replace('dev: { account', `${JSON.stringify(name)}: { account`)), 'cluster is not a valid name');
    }
  });

  it('fails when project-domain does not fit a Kubernetes namespace', () => {
    const long = 'p'.repeat(55);
    expectFindings(compileYaml(MINIMAL_DOMAIN.replace('[flytesnacks]', `[${long}]`)), `projects[0]: the Kubernetes namespace "${long}-development" is too long (found 67 characters; allowed project + "-" + domain within 63 characters)`);
  });

  it('fails on a project listed twice', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN.replace('[flytesnacks]', '[flytesnacks, flytesnacks]')), 'projects[1]: project is listed twice (found "flytesnacks"; allowed each once). Fix: Remove this entry; it is already at projects[0].');
  });
});

describe('isolation-shape', () => {
  it('fails when onDemand is used in domain isolation', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN + 'onDemand: { cloud: aws, projects: [later] }\n'), /model\.yaml:14:1 onDemand: onDemand is only for project isolation \(found isolation: domain; allowed onDemand with isolation: project\)/);
  });

  it('fails when a project is both known and on demand', () => {
    expectFindings(compileYaml(PROJECT.replace('projects: [later]', 'projects: [flytesnacks]')), 'onDemand.projects[0]: a project is either known at onboarding or on demand, not both');
  });

  it('fails when the shared default account has no cloud', () => {
    expectFindings(compileYaml(PROJECT.replace('{ cloud: aws, projects', '{ projects')), 'onDemand: the shared default account needs a cloud');
  });

  it('fails when an override names no unit, suggesting the nearest', () => {
    expectFindings(
      compileYaml(PROJECT + 'accounts:\n  production/flytesnack: { name: prod-fs }\n'),
      'accounts["production/flytesnack"]: names no isolation unit of this model (found "production/flytesnack"; allowed DOMAIN/PROJECT for a known project, `default` or `default/DOMAIN` for the default account). Fix: Did you mean "production/flytesnacks"?',
    );
  });

  it('fails when units live on a cloud without its settings', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN.replace(/^gcp:.*\n/m, '')), 'gcp: units live on GCP but the model has no gcp settings (found development;');
  });

  it('fails when email is set on a GCP unit', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN + 'accounts:\n  development: { email: a@b.example }\n'), 'accounts.development.email: email applies to AWS accounts only');
  });
});

describe('references', () => {
  it('fails on an unknown cluster with a suggestion', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN.replace('production-cp: [prod]', 'production-cp: [prd]')), 'model.yaml:12:19 clusterPools.production-cp[0]: unknown cluster (found "prd"; allowed dev, prod). Fix: Did you mean "prod"?');
  });

  it('fails on an assignment naming unknown project, domain and pool', () => {
    const yaml = MINIMAL_DOMAIN + 'poolAssignments:\n  - { project: flytesnaks, domain: prod, clusterPoolName: production }\n';
    expectFindings(
      compileYaml(yaml),
      'poolAssignments[0].project: unknown project (found "flytesnaks"; allowed flytesnacks). Fix: Did you mean "flytesnacks"?',
      'poolAssignments[0].domain: unknown domain (found "prod"',
      'poolAssignments[0].clusterPoolName: unknown cluster pool (found "production"; allowed development-cp, production-cp). Fix: Did you mean "production-cp"?',
    );
  });

  it('fails on duplicate assignments', () => {
    const a = '  - { project: flytesnacks, domain: production, clusterPoolName: production-cp }\n';
    expectFindings(compileYaml(MINIMAL_DOMAIN + 'poolAssignments:\n' + a + a), 'poolAssignments[1]: the same assignment is made twice (found flytesnacks/production; allowed one assignment per project, domain and workflow). Fix: Remove this one or poolAssignments[0].');
  });

  it('fails when a cluster names an unknown unit', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN.replace('prod: { account: production }', 'prod: { account: prodution }')), 'clusters.prod.account: names no isolation unit of this model (found "prodution"; allowed a domain (domain isolation has one account per domain)). Fix: Did you mean "production"?');
  });
});

describe('setting formats', () => {
  it('fails on malformed cloud ids with how to fix them', () => {
    const yaml = MINIMAL_DOMAIN.replace('parentId: r-ab12', 'parentId: "Root"').replace('01ABCD-23EF45-67890A', '01abcd23ef4567890a').replace('emailTemplate: "aws+{name}@acme.example"', 'emailTemplate: "ops@acme.example"');
    expectFindings(
      compileYaml(yaml),
      'aws.parentId: invalid value (found "Root"; allowed r-xxxx (organization root) or ou-xxxx-xxxxxxxx)',
      'gcp.billingAccount: invalid value',
      'aws.emailTemplate: invalid value (found "ops@acme.example"; allowed an address containing {name}',
    );
  });

  it('fails on unknown placeholders in naming templates', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN + 'naming: { bucket: "{org}-{cluster}-md" }\n'), 'naming.bucket: invalid value (found placeholder {cluster}; allowed {org}, {pool})');
  });
});
