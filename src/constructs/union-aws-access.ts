// Union's access to one AWS member account in BYOC: Union's own CloudFormation template, as its docs
// have the customer deploy it (stack `UnionCloudAccess`), created inside the account through the
// organization role. The template defines the role `union-ai-admin` that trusts Union's account with
// the external id; this construct only pins which version of it runs and with which parameters.
import { CloudformationStack } from '@cdktf/provider-aws/lib/cloudformation-stack';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';

export interface UnionAwsAccessProps {
  /** The member account's id: a token read from the accounts stack's output. */
  readonly accountId: string;
  /** Region the CloudFormation stack lives in (the role itself is global). */
  readonly region: string;
  /** The role Organizations created in the account, assumed to reach it. */
  readonly organizationRoleName: string;
  /** `https://union-public.s3.amazonaws.com/templates/<version>/union-ai-admin-role.template.yaml`. */
  readonly templateUrl: string;
  readonly stackName: string;
  /** CrossAccountRoleName. */
  readonly roleName: string;
  /** ExternalId, given by Union's team: a Terraform expression (a sensitive variable), never the value in clear text. */
  readonly externalId: string;
}

export class UnionAwsAccess extends Construct {
  readonly stack: CloudformationStack;
  /** `arn:aws:iam::<account>:role/<roleName>`; use `dependOn` to read it only once the role exists. */
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: UnionAwsAccessProps) {
    super(scope, id);
    // One provider per account; its alias is this construct's id, unique in the stack.
    const provider = new AwsProvider(this, 'aws', {
      alias: id,
      region: props.region,
      assumeRole: [{ roleArn: `arn:aws:iam::${props.accountId}:role/${props.organizationRoleName}`, sessionName: 'union-isolation' }],
      // If the role were ever not assumed, the management account must not get Union's role.
      allowedAccountIds: [props.accountId],
    });
    this.stack = new CloudformationStack(this, 'stack', {
      provider,
      name: props.stackName,
      templateUrl: props.templateUrl,
      parameters: { CrossAccountRoleName: props.roleName, ExternalId: props.externalId },
      // The template creates a named IAM role.
      capabilities: ['CAPABILITY_NAMED_IAM'],
      // The template declares ExternalId NoEcho: CloudFormation returns `****` for it, so comparing it
      // would show a change on every plan. It is set at creation; a new one is applied with -replace.
      lifecycle: { ignoreChanges: ['parameters["ExternalId"]'] },
    });
    this.roleArn = `arn:aws:iam::${props.accountId}:role/${props.roleName}`;
  }

  /** Makes an output wait for the stack, so the ARN it shows names a role that exists. */
  dependOn(output: TerraformOutput): void {
    // cdktf writes an output's depends_on as "${...}", which Terraform refuses: give the bare address.
    output.dependsOn = [{ fqn: `${this.stack.terraformResourceType}.${this.stack.friendlyUniqueId}` }];
  }
}
