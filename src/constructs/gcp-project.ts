// A GCP project: one isolation unit on GCP, with billing and the APIs a data plane needs. Safe by
// default: never deleted by Terraform, no default network, and APIs stay on when a resource goes.
import { Construct } from 'constructs';
import { Project } from '@cdktf/provider-google/lib/project';
import { ProjectService } from '@cdktf/provider-google/lib/project-service';

/** Where the project sits: a folder (numeric id, or the id token of a folder in the same stack) or the organization. */
export type GcpProjectParent = { readonly folderId: string } | { readonly orgId: string };

export type GcpDeletionPolicy = 'PREVENT' | 'ABANDON' | 'DELETE';

export interface GcpProjectProps {
  /** Globally unique project id (6–30 characters). */
  readonly projectId: string;
  /** Display name (4–30 characters). */
  readonly displayName: string;
  readonly parent: GcpProjectParent;
  /** Billing account id (`XXXXXX-XXXXXX-XXXXXX`). */
  readonly billingAccount: string;
  /**
   * Labels on the project.
   * @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * APIs to enable, each kept enabled when its resource is destroyed (`disable_on_destroy = false`).
   * @default - none
   */
  readonly services?: readonly string[];
  /**
   * What the provider does when the project resource is deleted.
   * @default 'PREVENT'
   */
  readonly deletionPolicy?: GcpDeletionPolicy;
  /**
   * Refuse any plan that destroys or replaces the project.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Adopt this existing project (its project id) through a Terraform import block instead of creating one.
   * @default - a new project is created
   */
  readonly existingId?: string;
  /**
   * On an adopted project, what Terraform leaves as it exists: its display `name`, `parent` (folder
   * or organization: a change moves the project) and `billing` account.
   * @default - none: the project is managed as given
   */
  readonly keepExisting?: readonly ('name' | 'parent' | 'billing')[];
}

const KEPT_ATTRIBUTES = { name: ['name'], parent: ['folder_id', 'org_id'], billing: ['billing_account'] } as const;

export class GcpProject extends Construct {
  readonly project: Project;
  /** The project id; a token that orders dependents after the project exists. */
  readonly projectId: string;
  /** The project number; a token, known once the project exists. */
  readonly projectNumber: string;
  /** Enabled APIs by service name, so that resources can depend on the API they need. */
  readonly services: ReadonlyMap<string, ProjectService>;

  constructor(scope: Construct, id: string, props: GcpProjectProps) {
    super(scope, id);
    // Importing one project into a resource that names another would plan its replacement.
    if (props.existingId !== undefined && props.existingId !== props.projectId) {
      throw new Error(`${this.node.path}: an adopted project keeps its id: existingId '${props.existingId}' differs from projectId '${props.projectId}'`);
    }
    if ((props.keepExisting ?? []).length > 0 && props.existingId === undefined) {
      throw new Error(`${this.node.path}: keepExisting applies to an adopted project (existingId) only`);
    }
    const keep = [...new Set(props.keepExisting ?? [])].sort();
    const labels = props.labels ?? {};
    this.project = new Project(this, 'project', {
      projectId: props.projectId,
      name: props.displayName,
      ...('folderId' in props.parent ? { folderId: props.parent.folderId } : { orgId: props.parent.orgId }),
      billingAccount: props.billingAccount,
      ...(Object.keys(labels).length > 0 ? { labels: { ...labels } } : {}),
      // The default network has wide-open firewall rules; the data plane brings its own VPC.
      autoCreateNetwork: false,
      deletionPolicy: props.deletionPolicy ?? 'PREVENT',
      lifecycle: {
        preventDestroy: props.preventDestroy ?? true,
        ...(keep.length > 0 ? { ignoreChanges: keep.flatMap((a) => KEPT_ATTRIBUTES[a]) } : {}),
      },
    });
    if (props.existingId !== undefined) this.project.importFrom(props.existingId);
    this.projectId = this.project.projectId;
    this.projectNumber = this.project.number;

    const services = new Map<string, ProjectService>();
    const servicesScope = new Construct(this, 'services');
    for (const service of [...new Set(props.services ?? [])].sort()) {
      services.set(
        service,
        new ProjectService(servicesScope, service, {
          project: this.projectId,
          service,
          // 6.x disables the API on destroy by default, which breaks everything else in the project.
          disableOnDestroy: false,
        }),
      );
    }
    this.services = services;
  }
}
