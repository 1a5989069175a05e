// The HCP Terraform bootstrap, synthesized with a `cloud` backend: the project and one workspace per
// stack, each workspace's state readable only by the stacks that read it, dynamic provider
// credentials in variable sets, and run triggers from accounts workspaces to the workspaces reading
// them. It keeps its own state locally: the workspaces it creates do not exist before it is applied.
import { Project } from '@cdktf/provider-tfe/lib/project';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { RunTrigger } from '@cdktf/provider-tfe/lib/run-trigger';
import { Variable } from '@cdktf/provider-tfe/lib/variable';
import { VariableSet } from '@cdktf/provider-tfe/lib/variable-set';
import { Workspace } from '@cdktf/provider-tfe/lib/workspace';
import { WorkspaceSettings } from '@cdktf/provider-tfe/lib/workspace-settings';
import { WorkspaceVariableSet } from '@cdktf/provider-tfe/lib/workspace-variable-set';
import { LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import type { Backend, Cloud } from '../src/model/schema';
import type { Plan, StackPlan } from '../src/plan/types';
import { cloudWorkspace, localStatePath } from './backend';
import { inconsistent } from './plan-index';
import { rangeProviderVersions } from './provider-versions';
import { GENERATED_NOTE } from './union-stack';

export const HCP_BOOTSTRAP_STACK = 'hcp-bootstrap';
export const HCP_DEFAULTS = { project: 'union-isolation', terraformVersion: '1.11.4', executionMode: 'remote' } as const;
/** HCP Terraform accepts at most this many source workspaces for the run triggers of one workspace. */
export const RUN_TRIGGER_SOURCES_LIMIT = 20;

type CloudBackend = Extract<Backend, { type: 'cloud' }>;

/** The run triggers of each workspace (by stack) and the sources left out by HCP's limit. */
export function runTriggerSources(stacks: readonly StackPlan[]): Map<string, { sources: string[]; skipped: string[] }> {
  const accounts = new Set(stacks.filter((s) => s.kind === 'accounts').map((s) => s.name));
  const out = new Map<string, { sources: string[]; skipped: string[] }>();
  for (const s of stacks) {
    if (s.kind === 'accounts') continue;
    const all = s.dependsOn.filter((d) => accounts.has(d)).sort();
    if (all.length > 0) out.set(s.name, { sources: all.slice(0, RUN_TRIGGER_SOURCES_LIMIT), skipped: all.slice(RUN_TRIGGER_SOURCES_LIMIT) });
  }
  return out;
}

export class HcpBootstrapStack extends TerraformStack {
  private readonly skippedTriggers: string[] = [];

  /** `reads`: by stack, the stacks whose outputs it reads through remote state; each gets read access to those alone. */
  constructor(scope: Construct, plan: Plan, reads: ReadonlyMap<string, readonly string[]>) {
    super(scope, HCP_BOOTSTRAP_STACK);
    const backend = plan.backend;
    if (backend.type !== 'cloud') throw inconsistent(`the HCP bootstrap needs the cloud backend, not '${backend.type}'`);
    if (plan.stacks.some((s) => s.name === HCP_BOOTSTRAP_STACK)) throw inconsistent(`a plan stack is named '${HCP_BOOTSTRAP_STACK}'`);
    new LocalBackend(this, { path: localStatePath(HCP_BOOTSTRAP_STACK) });
    // The API token comes from TFE_TOKEN or `terraform login`, never from this file.
    new TfeProvider(this, 'tfe', { hostname: backend.hostname, organization: backend.organization });
    const project = new Project(this, 'project', { name: backend.project ?? HCP_DEFAULTS.project, organization: backend.organization });
    const mode = backend.executionMode ?? HCP_DEFAULTS.executionMode;

    const workspaces = new Construct(this, 'workspaces');
    const settings = new Construct(this, 'settings');
    const ids = new Map<string, string>();
    for (const s of plan.stacks) {
      const ws = new Workspace(workspaces, s.name, {
        name: cloudWorkspace(backend, s.name),
        organization: backend.organization,
        projectId: project.id,
        terraformVersion: backend.terraformVersion ?? HCP_DEFAULTS.terraformVersion,
        description: `union-isolation stack ${s.name} (${s.kind}, ${s.cloud}).`,
        // `cdktf destroy` of this stack must not take the estate's state with it.
        forceDelete: false,
        lifecycle: { preventDestroy: true },
      });
      ids.set(s.name, ws.id);
    }
    // Who reads whose state: a stack's outputs are readable by the stacks that read them, no other.
    const readers = new Map<string, string[]>();
    for (const s of plan.stacks) for (const d of reads.get(s.name) ?? []) readers.set(d, [...(readers.get(d) ?? []), s.name]);
    for (const s of plan.stacks) {
      new WorkspaceSettings(settings, s.name, {
        workspaceId: ids.get(s.name)!,
        executionMode: mode,
        ...(mode === 'agent' ? { agentPoolId: backend.agentPoolId } : {}),
        // Accounts never apply unreviewed; nothing else does either unless a human confirms.
        autoApply: false,
        globalRemoteState: false,
        remoteStateConsumerIds: (readers.get(s.name) ?? []).sort().map((r) => workspaceId(ids, r)),
      });
    }
    if (mode !== 'local') this.credentials(backend, plan.stacks, project.id, ids);

    const triggers = new Construct(this, 'run-triggers');
    for (const [stack, { sources, skipped }] of runTriggerSources(plan.stacks)) {
      for (const source of sources) new RunTrigger(triggers, `${stack}--${source}`, { workspaceId: workspaceId(ids, stack), sourceableId: workspaceId(ids, source) });
      if (skipped.length > 0) this.skippedTriggers.push(`${stack}: ${skipped.join(', ')}`);
    }
  }

  /** Dynamic provider credentials, one variable set per cloud, attached to the workspaces of that cloud. */
  private credentials(backend: CloudBackend, stacks: readonly StackPlan[], projectId: string, ids: ReadonlyMap<string, string>): void {
    const variables: Record<Cloud, [string, string | undefined][]> = {
      aws: [
        ['TFC_AWS_PROVIDER_AUTH', 'true'],
        ['TFC_AWS_RUN_ROLE_ARN', backend.awsRunRoleArn],
      ],
      gcp: [
        ['TFC_GCP_PROVIDER_AUTH', 'true'],
        ['TFC_GCP_WORKLOAD_PROVIDER_NAME', backend.gcpWorkloadProviderName],
        ['TFC_GCP_RUN_SERVICE_ACCOUNT_EMAIL', backend.gcpServiceAccountEmail],
      ],
    };
    const scope = new Construct(this, 'credentials');
    for (const cloud of ['aws', 'gcp'] as const) {
      const users = stacks.filter((s) => s.cloud === cloud);
      if (users.length === 0) continue;
      const set = new VariableSet(scope, cloud, {
        name: `${backend.workspacePrefix}${cloud}-dynamic-credentials`,
        description: `Dynamic provider credentials of the union-isolation ${cloud.toUpperCase()} workspaces (no static keys).`,
        organization: backend.organization,
        parentProjectId: projectId,
      });
      for (const [key, value] of variables[cloud]) {
        // The model check requires these keys unless runs are local; reaching here without one is a bug.
        if (value === undefined) throw inconsistent(`backend has no value for ${key}`);
        new Variable(scope, `${cloud}-${key}`, { key, value, category: 'env', variableSetId: set.id });
      }
      for (const s of users) new WorkspaceVariableSet(scope, `${cloud}-${s.name}`, { variableSetId: set.id, workspaceId: workspaceId(ids, s.name) });
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- cdktf's own signature
  override toTerraform(): any {
    const tf = super.toTerraform();
    rangeProviderVersions(tf);
    tf['//'] = {
      generated: GENERATED_NOTE,
      apply: 'Apply this stack first, with local state (`cd stacks/hcp-bootstrap && terraform init && terraform apply`); it creates the workspaces every other stack uses.',
      ...(this.skippedTriggers.length > 0
        ? { runTriggersSkipped: `HCP Terraform allows ${RUN_TRIGGER_SOURCES_LIMIT} source workspaces per workspace; these sources have no run trigger, queue their readers by hand: ${this.skippedTriggers.join('; ')}` }
        : {}),
      ...tf['//'],
    };
    return tf;
  }
}

function workspaceId(ids: ReadonlyMap<string, string>, stack: string): string {
  const id = ids.get(stack);
  if (id === undefined) throw inconsistent(`stack '${stack}' has no workspace`);
  return id;
}
