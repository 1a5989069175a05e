// The Google service account a self-managed data-plane cluster runs as: object admin and legacy
// bucket reader on exactly its storage group's buckets (the operator checks the bucket exists at
// start), token creator on itself (to sign URLs), Artifact Registry writer on its repository, Secret
// Manager when the model keeps secrets there, and the workload identity bindings of the chart's
// Kubernetes service accounts once the pool exists.
import { Construct } from 'constructs';
import { ArtifactRegistryRepositoryIamMember } from '@cdktf/provider-google/lib/artifact-registry-repository-iam-member';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { compareEntries } from '../order';

/** What the data plane needs on each bucket (Union's self-managed GCP guide). */
export const BUCKET_ROLES: readonly string[] = ['roles/storage.objectAdmin', 'roles/storage.legacyBucketReader'];

export interface ClusterIdentityGcpProps {
  /** Project the service account lives in: the cluster's. */
  readonly project: string;
  readonly accountId: string;
  readonly displayName: string;
  /**
   * The storage group's buckets: name -> the name as a reference (a bucket resource's `name`, so the
   * binding waits for the bucket), or the plain name.
   */
  readonly buckets: ReadonlyMap<string, string>;
  /**
   * `namespace/name` of the Kubernetes service accounts to bind through `<project>.svc.id.goog`;
   * the pool exists only once a GKE cluster with workload identity runs in the project.
   * @default - none bound
   */
  readonly workloadIdentityServiceAccounts?: readonly string[];
  /**
   * An Artifact Registry repository the service account may push to.
   * @default - none
   */
  readonly artifactRepository?: { readonly project: string; readonly location: string; readonly repository: string };
  /**
   * Manage the project's secrets in Secret Manager (the model's `secretStore: cloud`).
   * @default false - Kubernetes secrets, the chart's default
   */
  readonly secretManager?: boolean;
}

export class ClusterIdentityGcp extends Construct {
  readonly serviceAccount: ServiceAccount;
  readonly email: string;

  constructor(scope: Construct, id: string, props: ClusterIdentityGcpProps) {
    super(scope, id);
    if (props.buckets.size === 0) throw new Error(`${this.node.path}: a cluster identity needs its storage group's buckets`);
    this.serviceAccount = new ServiceAccount(this, 'service-account', {
      project: props.project,
      accountId: props.accountId,
      displayName: props.displayName,
      description: 'Union data plane: its storage group\'s buckets only (union-isolation)',
    });
    this.email = this.serviceAccount.email;
    const member = `serviceAccount:${this.email}`;
    for (const [name, ref] of [...props.buckets].sort(compareEntries)) {
      for (const role of BUCKET_ROLES) {
        new StorageBucketIamMember(this, `${name}-${role.slice('roles/storage.'.length)}`, { bucket: ref, role, member });
      }
    }
    // On its own service account only: granted on the project, it could act as every service account there.
    new ServiceAccountIamMember(this, 'token-creator', { serviceAccountId: this.serviceAccount.name, role: 'roles/iam.serviceAccountTokenCreator', member });
    if (props.secretManager === true) new ProjectIamMember(this, 'secret-manager', { project: props.project, role: 'roles/secretmanager.admin', member });
    for (const sa of props.workloadIdentityServiceAccounts ?? []) {
      new ServiceAccountIamMember(this, `workload-identity-${sa.replace('/', '-')}`, {
        serviceAccountId: this.serviceAccount.name,
        role: 'roles/iam.workloadIdentityUser',
        member: `serviceAccount:${props.project}.svc.id.goog[${sa}]`,
      });
    }
    if (props.artifactRepository !== undefined) {
      new ArtifactRegistryRepositoryIamMember(this, 'artifact-registry-writer', { ...props.artifactRepository, role: 'roles/artifactregistry.writer', member });
    }
  }
}
