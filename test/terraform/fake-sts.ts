// A local stand-in for AWS STS, the only AWS API a `-refresh=false` plan calls: AssumeRole (a
// storage stack's provider assumes a role in the account read from remote state) and
// GetCallerIdentity (the provider's account id, which `allowed_account_ids` is checked against).
// Credentials it hands out name the account of the role, so the allowed-account check is real.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The account whose credentials are not assumed: the organization's management account. */
export const MANAGEMENT_ACCOUNT = '999999999999';

export interface FakeSts {
  readonly endpoint: string;
  /** Every role ARN assumed, in order. */
  readonly assumedRoles: string[];
  close(): Promise<void>;
}

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export async function startFakeSts(): Promise<FakeSts> {
  const assumedRoles: string[] = [];
  const server: Server = createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (b: Buffer) => body.push(b));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(body).toString('utf8'));
      const action = form.get('Action');
      let xml: string;
      if (action === 'AssumeRole') {
        const roleArn = form.get('RoleArn') ?? '';
        assumedRoles.push(roleArn);
        const account = /^arn:aws:iam::(\d{12}):role\//.exec(roleArn)?.[1];
        if (account === undefined) {
          res.writeHead(400, { 'content-type': 'text/xml' });
          res.end(`<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>invalid role ARN ${roleArn}</Message></Error><RequestId>0</RequestId></ErrorResponse>`);
          return;
        }
        xml = `<AssumeRoleResponse xmlns="${XMLNS}"><AssumeRoleResult><Credentials><AccessKeyId>ASIA${account}TEST</AccessKeyId><SecretAccessKey>fake</SecretAccessKey><SessionToken>fake</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::${account}:assumed-role/role/${form.get('RoleSessionName') ?? ''}</Arn><AssumedRoleId>AROATEST:session</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></AssumeRoleResponse>`;
      } else {
        const account = /Credential=ASIA(\d{12})TEST\//.exec(req.headers.authorization ?? '')?.[1] ?? MANAGEMENT_ACCOUNT;
        xml = `<GetCallerIdentityResponse xmlns="${XMLNS}"><GetCallerIdentityResult><Arn>arn:aws:sts::${account}:assumed-role/role/session</Arn><UserId>AROATEST:session</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
      }
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(xml);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    assumedRoles,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
