// Where each stack keeps its state, and how another stack reads it. Both come from the same
// functions so a remote-state data source always points at the state its upstream stack writes.
import {
  CloudBackend,
  DataTerraformRemoteState,
  DataTerraformRemoteStateGcs,
  DataTerraformRemoteStateLocal,
  DataTerraformRemoteStateS3,
  GcsBackend,
  LocalBackend,
  NamedCloudWorkspace,
  S3Backend,
  type TerraformRemoteState,
  type TerraformStack,
} from 'cdktf';
import type { Construct } from 'constructs';
import type { Backend } from '../src/model/schema';

/**
 * A stack's local state file, relative to the directory Terraform runs in (`<out>/stacks/<stack>/`):
 * beside the output directory, where cdktf's default would put it, but without this machine's path
 * (cdktf writes an absolute one), so the output is the same everywhere and survives a re-synthesis.
 */
export function localStatePath(stack: string): string {
  return `../../../terraform.${stack}.tfstate`;
}

/** The S3 object key of a stack's state. */
export function s3StateKey(backend: Extract<Backend, { type: 's3' }>, stack: string): string {
  return `${backend.keyPrefix}${stack}.tfstate`;
}

/** The GCS prefix (a folder) of a stack's state. */
export function gcsStatePrefix(backend: Extract<Backend, { type: 'gcs' }>, stack: string): string {
  return `${backend.prefix.replace(/\/+$/, '')}/${stack}`;
}

/** The HCP Terraform workspace of a stack: one per stack. */
export function cloudWorkspace(backend: Extract<Backend, { type: 'cloud' }>, stack: string): string {
  return `${backend.workspacePrefix}${stack}`;
}

/** Configures the stack's backend; its name is the stack's construct id. */
export function addBackend(stack: TerraformStack, backend: Backend): void {
  const name = stack.node.id;
  switch (backend.type) {
    case 'local':
      new LocalBackend(stack, { path: localStatePath(name) });
      return;
    case 's3':
      new S3Backend(stack, {
        bucket: backend.bucket,
        region: backend.region,
        key: s3StateKey(backend, name),
        encrypt: true,
        ...(backend.dynamodbTable !== undefined ? { dynamodbTable: backend.dynamodbTable } : {}),
      });
      return;
    case 'gcs':
      new GcsBackend(stack, { bucket: backend.bucket, prefix: gcsStatePrefix(backend, name) });
      return;
    case 'cloud':
      new CloudBackend(stack, {
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: new NamedCloudWorkspace(cloudWorkspace(backend, name)),
      });
      return;
  }
}

/**
 * A data source in `scope` that reads the outputs of stack `upstream`, from wherever `addBackend`
 * put its state. Remote backends read the same workspace as the reading stack; the local backend
 * has no workspaces here.
 */
export function remoteStateOf(scope: Construct, id: string, backend: Backend, upstream: string): TerraformRemoteState {
  const workspace = '${terraform.workspace}';
  switch (backend.type) {
    case 'local':
      return new DataTerraformRemoteStateLocal(scope, id, { path: localStatePath(upstream) });
    case 's3':
      return new DataTerraformRemoteStateS3(scope, id, {
        bucket: backend.bucket,
        region: backend.region,
        key: s3StateKey(backend, upstream),
        workspace,
      });
    case 'gcs':
      return new DataTerraformRemoteStateGcs(scope, id, { bucket: backend.bucket, prefix: gcsStatePrefix(backend, upstream), workspace });
    case 'cloud':
      // HCP Terraform serves other workspaces' outputs through the `remote` backend.
      return new DataTerraformRemoteState(scope, id, {
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: { name: cloudWorkspace(backend, upstream) },
      });
  }
}
