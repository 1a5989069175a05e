// The GCP projects of one domain (or the default projects), with billing, the APIs a data plane needs,
// the optional folder per domain, and outputs of each project's id and number.
import { Folder } from '@cdktf/provider-google/lib/folder';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { Construct } from 'constructs';
import { GcpProject, type GcpProjectParent } from '../src/constructs/gcp-project';
import { addUnionGcpAccess } from './union-gcp-access';
import { parentOutputName, parentStackOf } from '../src/plan/stack-layout';
import type { GcpUnit, StackPlan } from '../src/plan/types';
import { AccountsOutputs } from './accounts-outputs';
import { namedOutput } from './named-output';
import { inconsistent, type PlanIndex } from './plan-index';
import { UnionStack } from './union-stack';

export class GcpProjectsStack extends UnionStack {
  private readonly folderScope: Construct;
  private readonly folders = new Map<string, Folder>();
  private domainState: AccountsOutputs | undefined;

  constructor(scope: Construct, stackPlan: StackPlan, index: PlanIndex) {
    super(scope, stackPlan, index);
    const gcp = index.gcp;
    new GoogleProvider(this, 'google', { region: gcp.region });
    this.folderScope = new Construct(this, 'folders');
    const units = new Construct(this, 'units');
    const outputs = new Construct(this, 'outputs');
    for (const parent of stackPlan.parents ?? []) {
      if (parent.kind !== 'gcp-folder') throw inconsistent(`GCP stack '${stackPlan.name}' creates a ${parent.kind}`);
      const folder = this.folder(parent.key, parent.displayName, folderParent(parent.parent));
      if (parent.output !== null) namedOutput(outputs, parent.output, folder.folderId);
    }
    const byoc = index.byoc(stackPlan);
    for (const key of stackPlan.units) {
      const unit = index.gcpUnit(key);
      const project = new GcpProject(units, unit.id, {
        projectId: unit.name,
        displayName: unit.displayName,
        parent: this.parent(unit, key),
        billingAccount: gcp.billingAccount,
        labels: gcp.labels,
        services: unit.services,
        ...(unit.existingId !== null ? { existingId: unit.existingId } : {}),
        ...(unit.keepExisting.length > 0 ? { keepExisting: unit.keepExisting.filter((a) => a !== 'email') } : {}),
      });
      namedOutput(outputs, unit.projectNumberOutput, project.projectNumber);
      const idOutput = unit.projectIdOutput;
      namedOutput(outputs, idOutput, project.projectId);
      if (byoc !== null) addUnionGcpAccess(this, unit, project, byoc, outputs);
    }
  }

  private parent(unit: GcpUnit, key: string): GcpProjectParent {
    const parent = unit.parent;
    switch (parent.kind) {
      case 'gcp-folder':
        return { folderId: parent.folderId };
      case 'gcp-org':
        return { orgId: parent.orgId };
      case 'gcp-new-folder': {
        const owner = parentStackOf(unit);
        if (owner === this.stackPlan.name) return { folderId: this.folder(parent.key, parent.displayName, folderParent(parent.parent)).folderId };
        // The domain's folder lives in the domain's stack, shared by every pair of the domain.
        this.domainState ??= new AccountsOutputs(this, 'remote-state');
        return { folderId: this.domainState.get(owner, parentOutputName(parent)) };
      }
      default:
        throw inconsistent(`GCP unit '${key}' has an ${parent.kind} parent`);
    }
  }

  /** One folder per domain in this stack, shared by all the projects it holds; its id is the domain, so a rename is in place. */
  private folder(id: string, displayName: string, parent: string): Folder {
    let folder = this.folders.get(id);
    if (folder === undefined) {
      // deletion_protection is the 6.x default; written out so a provider upgrade cannot drop it.
      folder = new Folder(this.folderScope, id, { displayName, parent, deletionProtection: true });
      this.folders.set(id, folder);
    } else if (folder.parentInput !== parent) {
      throw inconsistent(`folder '${displayName}' in stack '${this.node.id}' has two parents ('${folder.parentInput}' and '${parent}')`);
    }
    return folder;
  }
}

/** google_folder wants `folders/ID` or `organizations/ID`; the model holds bare ids. */
function folderParent(parent: { readonly folderId: string } | { readonly orgId: string }): string {
  if ('folderId' in parent) return parent.folderId.startsWith('folders/') ? parent.folderId : `folders/${parent.folderId}`;
  return parent.orgId.startsWith('organizations/') ? parent.orgId : `organizations/${parent.orgId}`;
}
