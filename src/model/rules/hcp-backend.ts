// The cloud backend's settings for HCP Terraform runs: with remote or agent execution the runs get
// their cloud credentials from dynamic provider credentials (variable sets the bootstrap stack
// creates), so the role or identity they use must be named; a run without one fails on its first
// API call, after the workspaces exist.
import type { Finding } from '../findings';
import { messages } from '../messages';
import type { Model } from '../schema';
import { unitKeys } from '../unit-keys';

const IAM_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const GCP_WORKLOAD_PROVIDER = /^projects\/\d{1,20}\/locations\/global\/workloadIdentityPools\/[a-z0-9-]{4,32}\/providers\/[a-z0-9-]{4,32}$/;
const GCP_SERVICE_ACCOUNT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com$/;
const AGENT_POOL = /^apool-[A-Za-z0-9]{1,64}$/;

export function checkHcpBackend(model: Model): Finding[] {
  const b = model.backend;
  if (b.type !== 'cloud') return [];
  const out: Finding[] = [];
  const mode = b.executionMode ?? 'remote';
  const clouds = new Set(unitKeys(model).map((u) => u.cloud));
  const required = (key: 'awsRunRoleArn' | 'gcpWorkloadProviderName' | 'gcpServiceAccountEmail', value: string | undefined, expected: string) => {
    if (value === undefined && mode !== 'local') out.push(messages.missingKey(['backend', key], expected));
  };
  const format = (key: string, value: string | undefined, re: RegExp, allowed: string, fix: string) => {
    if (value !== undefined && !re.test(value)) out.push(messages.invalidValue(['backend', key], JSON.stringify(value), allowed, fix));
  };
  if (clouds.has('aws')) required('awsRunRoleArn', b.awsRunRoleArn, 'the ARN of the IAM role HCP Terraform runs assume (dynamic provider credentials), e.g. arn:aws:iam::123456789012:role/hcp-terraform-union');
  if (clouds.has('gcp')) {
    required('gcpWorkloadProviderName', b.gcpWorkloadProviderName, 'the workload identity provider HCP Terraform runs use: projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER');
    required('gcpServiceAccountEmail', b.gcpServiceAccountEmail, 'the service account HCP Terraform runs impersonate, e.g. hcp-terraform@admin-project.iam.gserviceaccount.com');
  }
  format('awsRunRoleArn', b.awsRunRoleArn, IAM_ROLE_ARN, 'an IAM role ARN: arn:aws:iam::ACCOUNT:role/NAME', 'Copy the role ARN from IAM (the role whose trust policy names app.terraform.io as OIDC provider).');
  format('gcpWorkloadProviderName', b.gcpWorkloadProviderName, GCP_WORKLOAD_PROVIDER, 'projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER (the project number, not its id)', 'Copy the provider\'s full resource name from IAM > Workload Identity Federation.');
  format('gcpServiceAccountEmail', b.gcpServiceAccountEmail, GCP_SERVICE_ACCOUNT, 'a service account email: NAME@PROJECT.iam.gserviceaccount.com', 'Copy the service account\'s email from IAM > Service accounts.');
  if (mode === 'agent' && b.agentPoolId === undefined) out.push(messages.missingKey(['backend', 'agentPoolId'], 'the agent pool id (apool-...) that runs executionMode: agent'));
  if (mode !== 'agent' && b.agentPoolId !== undefined)
    out.push(messages.invalidValue(['backend', 'agentPoolId'], JSON.stringify(b.agentPoolId), 'agentPoolId only with executionMode: agent', 'Set executionMode: agent, or remove agentPoolId.'));
  format('agentPoolId', b.agentPoolId, AGENT_POOL, 'an agent pool id: apool-...', 'Copy the id from Settings > Agents in HCP Terraform.');
  return out;
}
