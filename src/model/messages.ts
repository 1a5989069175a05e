// Every finding a user can meet, worded in one place so the wording stays consistent and tests can pin it.
// Each returns a Finding without a path where the caller supplies it; the CLI adds FILE:LINE:COL.
import { formatPath, type Finding, type ModelPath } from './findings';
import { labelLike, suggestWorkflow } from './suggest';

type Unlocated = Omit<Finding, 'path'> & { path?: ModelPath };
const q = (s: string) => JSON.stringify(s);
const list = (xs: readonly string[], max = 8) =>
  xs.length > max ? `${xs.slice(0, max).join(', ')}, ... (${xs.length} in all)` : xs.join(', ');
/** 1,000,000: limits read at a glance. */
const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
const didYouMean = (nearest: string | undefined) => (nearest ? `Did you mean ${q(nearest)}?` : '');

export const DNS_LABEL_RULE = 'a DNS-1123 label: 1-63 of a-z, 0-9 and "-", starting and ending with a letter or digit';
export const WORKFLOW_RULE = 'letters, digits, "_", "." and "-" (a workflow name, never a path)';
export const RETIRED_STACK_NAMES = 'aws-accounts-*, gcp-projects-*, aws-union-access-* or pool-*';
export const WORKFLOW_END_RULE = 'letters, digits, "_", "." and "-", not ending with "." (its attribute file name would hold "..")';

/** A found value as findings quote it: strings quoted, collections by kind. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

export const messages = {
  // --- the file itself ---
  fileTooLarge: (bytes: number, max: number): Finding => ({
    path: [],
    problem: 'the model file is too large',
    found: `${bytes} bytes`,
    allowed: `at most ${max} bytes`,
    fix: 'Point -m at the isolation model; a model for 3,000 units is well under 1 MiB.',
  }),
  notText: (): Finding => ({
    path: [],
    problem: 'the model file is not UTF-8 text',
    found: 'binary content (NUL bytes or invalid UTF-8)',
    allowed: 'a YAML or JSON text file',
    fix: 'Point -m at the isolation model (YAML or JSON).',
  }),
  unreadable: (reason: string): Finding => ({
    path: [],
    problem: 'the model file cannot be read',
    found: reason,
    allowed: 'a readable YAML or JSON file',
    fix: 'Check the path given with -m (default stacks/isolation.yaml, relative to the current directory).',
  }),
  tooDeep: (depth: number, max: number): Finding => ({
    path: [],
    problem: 'the model is nested too deeply',
    found: `${depth} levels`,
    allowed: `at most ${max} levels`,
    fix: 'Write the model in the documented shape; no key needs more than a few levels.',
  }),
  yamlSyntax: (code: string, message: string): Unlocated =>
    code === 'DUPLICATE_KEY'
      ? { problem: 'a key is written twice in the same mapping', found: message, allowed: 'each key once', fix: 'Remove or merge the duplicate key; YAML would silently keep only one of them.' }
      : { problem: 'the file is not valid YAML', found: `${message} (${code})`, allowed: 'YAML 1.2 or JSON', fix: 'Correct the syntax at this position.' },
  jsonSyntax: (message: string): Unlocated => ({
    problem: 'the file is not valid JSON',
    found: message,
    allowed: 'JSON (or YAML 1.2)',
    fix: 'Correct the syntax at this position: a trailing comma, a missing comma or an unquoted key are the usual causes.',
  }),
  complexKey: (found: string): Unlocated => ({
    problem: 'a key is a list or a mapping',
    found,
    allowed: 'a plain name as the key',
    fix: 'Write the key as a plain name; a model never needs a list or a mapping as a key.',
  }),
  aliasBomb: (max: number, detail: string): Finding => ({
    path: [],
    problem: 'the model expands YAML aliases too many times',
    found: detail,
    allowed: `at most ${max} alias expansions`,
    fix: 'Write the values out, or use fewer anchors and aliases.',
  }),
  tooManyValues: (max: number): Finding => ({
    path: [],
    problem: 'the model holds more values than union-isolation checks',
    found: `more than ${count(max)} values (scalars, lists and mappings)`,
    allowed: `at most ${count(max)}: about 20 for each of 30,000 project-domain pairs with every key written out`,
    fix: 'Point -m at the isolation model; if it is one, split the organization across several models, each with its own output directory.',
  }),
  tooManyUnits: (path: ModelPath, n: { units: number; projects: number; onDemand: number; domains: number }, max: number): Finding => ({
    path,
    problem: 'the model has more project-domain pairs than union-isolation handles',
    found:
      `${count(n.units)} pairs: ` +
      (n.onDemand > 0 ? `(${plural(n.projects, 'project')} + ${count(n.onDemand)} on demand)` : plural(n.projects, 'project')) +
      ` x ${plural(n.domains, 'domain')}`,
    allowed: `at most ${count(max)}, ten times the reference load of 3,000`,
    fix: 'List fewer projects or domains, or split the organization across several models, each with its own output directory.',
  }),
  emptyModel: (): Finding => ({
    path: [],
    problem: 'the model is empty',
    found: 'nothing',
    allowed: 'a mapping with org, isolation, domains, ...',
    fix: 'Start from stacks/isolation.yaml, the bundled example.',
  }),
  notAMapping: (found: string): Finding => ({
    path: [],
    problem: 'the model must be a mapping of keys',
    found,
    allowed: 'a mapping with org, isolation, domains, ...',
    fix: 'Start from stacks/isolation.yaml, the bundled example.',
  }),

  // --- shape (zod) ---
  unknownKey: (path: ModelPath, key: string, allowed: readonly string[], nearest?: string): Finding => ({
    path,
    at: 'key',
    problem: 'unknown key',
    found: q(key),
    allowed: list(allowed, 20),
    fix: nearest ? `Rename it: did you mean ${q(nearest)}? A misspelt key would otherwise be ignored.` : 'Remove it, or move it where it belongs.',
  }),
  missingKey: (path: ModelPath, expected: string): Finding => ({
    path,
    problem: 'a required key is missing',
    found: 'nothing',
    allowed: expected,
    fix: `Add ${q(String(path[path.length - 1]))}.`,
  }),
  wrongType: (path: ModelPath, found: string, expected: string): Finding => ({
    path,
    problem: 'wrong type',
    found,
    allowed: expected,
    fix: `Write ${expected} here.`,
  }),
  notOneOf: (path: ModelPath, found: string, options: readonly string[], nearest?: string): Finding => ({
    path,
    problem: 'not an allowed value',
    found: q(found),
    allowed: options.join(' | '),
    fix: nearest ? `Use ${q(nearest)}.` : `Use one of ${options.join(', ')}.`,
  }),
  invalidValue: (path: ModelPath, found: string, allowed: string, fix: string): Finding => ({
    path,
    problem: 'invalid value',
    found,
    allowed,
    fix,
  }),

  // --- names ---
  badName: (path: ModelPath, what: string, found: string, rule: string): Finding => ({
    path,
    problem: `${what} is not a valid name`,
    found: q(found),
    allowed: rule,
    fix: suggestLabel(found) ?? `Rename it using only ${rule}.`,
  }),
  /** A workflow's fix is a Flyte name (`workflows.train_demand_model`), not a DNS label. */
  badWorkflow: (path: ModelPath, found: string, rule: string): Finding => {
    const s = suggestWorkflow(found);
    return {
      path,
      problem: 'workflow is not a valid name',
      found: q(found),
      allowed: rule,
      fix: s ? `Use the workflow's Flyte name, for example ${q(s)} (module.function, as \`pyflyte register\` names it).` : `Use the workflow's Flyte name: ${rule}.`,
    };
  },
  namespaceTooLong: (path: ModelPath, project: string, domain: string): Finding => ({
    path,
    problem: `the Kubernetes namespace ${q(`${project}-${domain}`)} is too long`,
    found: `${project.length + domain.length + 1} characters`,
    allowed: 'project + "-" + domain within 63 characters',
    fix: 'Use a shorter project id.',
  }),
  duplicateEntry: (path: ModelPath, what: string, name: string, firstPath: string): Finding => ({
    path,
    problem: `${what} is listed twice`,
    found: q(name),
    allowed: 'each once',
    fix: `Remove this entry; it is already at ${firstPath}.`,
  }),

  // --- add-project ---
  cannotEditModel: (path: ModelPath): Finding => ({
    path,
    problem: 'the model cannot be edited: it is not a valid model',
    fix: "Run 'union-isolation validate' and fix the model first.",
  }),
  projectExists: (path: ModelPath, name: string): Finding => ({
    path,
    problem: `project ${q(name)} is already in the model`,
    found: formatPath(path),
    allowed: 'a project id not yet listed in projects or onDemand.projects',
    fix: 'Choose another name; the project already has its attribute files.',
  }),
  noDefaultAccount: (name: string): Finding => ({
    path: ['onDemand'],
    problem: 'project isolation without onDemand has no default account for projects created after onboarding',
    found: 'no onDemand',
    allowed: 'onDemand: { cloud: aws | gcp } (the default account)',
    fix: `Add 'onDemand: { cloud: aws }' to create the default account, or add ${name} to projects to give it its own accounts.`,
  }),
  cannotAddProject: (path: ModelPath, name: string, where: string): Finding => ({
    path,
    problem: 'the project cannot be added without disturbing the rest of the file',
    fix: `Add ${name} to ${where} by hand.`,
  }),

  // --- isolation-shape ---
  onDemandInDomainIsolation: (): Finding => ({
    path: ['onDemand'],
    at: 'key',
    problem: 'onDemand is only for project isolation',
    found: 'isolation: domain',
    allowed: 'onDemand with isolation: project',
    fix: 'In domain isolation every project already lives in its domain\'s account: move these projects to `projects` and remove onDemand, or set isolation: project.',
  }),
  onDemandCloudMissing: (): Finding => ({
    path: ['onDemand'],
    problem: 'the shared default account needs a cloud',
    found: 'onDemand without cloud (perDomain: false)',
    allowed: 'cloud: aws | gcp, or perDomain: true',
    fix: 'Add `cloud: aws` or `cloud: gcp` under onDemand, or set perDomain: true for one default per domain on its own cloud.',
  }),
  onDemandCloudWithPerDomain: (): Finding => ({
    path: ['onDemand', 'cloud'],
    problem: 'onDemand.cloud has no effect with perDomain: true',
    found: 'cloud together with perDomain: true',
    allowed: 'cloud (one shared default) or perDomain: true (one default per domain, on its cloud)',
    fix: 'Remove cloud, or set perDomain: false.',
  }),
  projectBothKnownAndOnDemand: (path: ModelPath, project: string): Finding => ({
    path,
    problem: 'a project is either known at onboarding or on demand, not both',
    found: q(project),
    allowed: 'each project in projects or onDemand.projects',
    fix: `Remove ${q(project)} from one of the two lists.`,
  }),
  reservedDomain: (path: ModelPath, name: string): Finding => ({
    path,
    at: 'key',
    problem: 'this domain name is reserved',
    found: q(name),
    allowed: 'any DNS label but "default" (the default account\'s key)',
    fix: 'Rename the domain.',
  }),
  unknownUnit: (path: ModelPath, key: string, isolation: string, nearest?: string, at?: 'key'): Finding => ({
    path,
    at,
    problem: 'names no isolation unit of this model',
    found: q(key),
    allowed:
      isolation === 'domain'
        ? 'a domain (domain isolation has one account per domain)'
        : 'DOMAIN/PROJECT for a known project, `default` or `default/DOMAIN` for the default account',
    fix: `${didYouMean(nearest) || 'Use a unit key of this model.'}`.trim(),
  }),
  emailOnGcp: (path: ModelPath): Finding => ({
    path,
    problem: 'email applies to AWS accounts only',
    found: 'email on a unit that lives on GCP',
    allowed: 'name, existingId, cloud',
    fix: 'Remove email, or set cloud: aws for this unit.',
  }),
  cloudSettingsMissing: (cloud: 'aws' | 'gcp', units: readonly string[]): Finding => ({
    path: [cloud],
    problem: `units live on ${cloud.toUpperCase()} but the model has no ${cloud} settings`,
    found: list(units),
    allowed:
      cloud === 'aws'
        ? 'aws: { region, parentId, emailTemplate }'
        : 'gcp: { billingAccount, folderId or orgId, region }',
    fix: `Add the ${q(cloud)} section.`,
  }),
  gcpParent: (found: string): Finding => ({
    path: ['gcp'],
    problem: 'GCP projects need exactly one parent',
    found,
    allowed: 'folderId or orgId',
    fix: 'Set one of folderId and orgId.',
  }),

  // --- references ---
  unknownReference: (path: ModelPath, what: string, name: string, known: readonly string[], nearest?: string): Finding => ({
    path,
    problem: `unknown ${what}`,
    found: q(name),
    allowed: known.length ? list(known) : `no ${what} is declared`,
    fix: nearest ? `Did you mean ${q(nearest)}?` : `Declare the ${what}, or use one that exists.`,
  }),
  misspeltDefinition: (path: ModelPath, what: 'domain' | 'project', defined: string, referenced: string, refs: number, own: number): Finding => ({
    path,
    problem: `${what} ${q(defined)} looks misspelt: the model refers to ${q(referenced)} ${plural(refs, 'time')} and to ${q(defined)} ${plural(own, 'time')}`,
    found: q(defined),
    allowed: `the ${what} name the rest of the model uses`,
    fix: `Rename ${q(defined)} to ${q(referenced)} here; the references to ${q(referenced)} are then correct.`,
  }),
  duplicateAssignment: (path: ModelPath, what: string, firstPath: string): Finding => ({
    path,
    problem: 'the same assignment is made twice',
    found: what,
    allowed: 'one assignment per project, domain and workflow',
    fix: `Remove this one or ${firstPath}.`,
  }),

  workflowWithoutProject: (path: ModelPath, workflow: string): Finding => ({
    path,
    problem: 'a workflow assignment names no project',
    found: `workflow ${q(workflow)} without project`,
    allowed: 'workflow only together with project; without project the entry covers every project of the domain',
    fix: 'Add project: <the project whose workflow this is>, or remove workflow.',
  }),

  // --- cloud-names ---
  nameInvalid: (path: ModelPath, what: string, name: string, rule: string, fix: string): Finding => ({
    path,
    problem: `${what} is not valid`,
    found: q(name),
    allowed: rule,
    fix,
  }),
  manageWithoutAdoption: (path: ModelPath): Finding => ({
    path,
    problem: 'manage applies to adopted units only',
    found: 'manage on a unit without existingId',
    allowed: 'manage beside existingId (a created account or project is managed entirely anyway)',
    fix: 'Remove manage, or set existingId to adopt an existing account or project.',
  }),
  manageNotOnCloud: (path: ModelPath, attribute: string, cloud: 'aws' | 'gcp'): Finding => ({
    path,
    problem: `${q(attribute)} cannot be managed on ${cloud === 'aws' ? 'an AWS account' : 'a GCP project'}`,
    found: q(attribute),
    allowed: cloud === 'aws' ? 'name, email, parent' : 'name (the display name), parent, billing',
    fix: 'Remove it from manage.',
  }),
  roleNameOnGcp: (path: ModelPath): Finding => ({
    path,
    problem: 'roleName applies to AWS accounts only',
    found: 'roleName on a unit that lives on GCP',
    allowed: 'roleName on an AWS unit',
    fix: 'Remove roleName, or set cloud: aws for this unit.',
  }),
  adoptedTwice: (path: ModelPath, id: string, other: string): Finding => ({
    path,
    problem: 'the same existing account is adopted by two units',
    found: q(id),
    allowed: 'each existing account adopted by one unit',
    fix: `It is also the existingId of ${other}; one account can belong to one unit only. Correct one of the two ids.`,
  }),
  nameTaken: (path: ModelPath, what: string, name: string, other: string): Finding => ({
    path,
    problem: `${what} is not unique`,
    found: q(name),
    allowed: 'a name used once in the model',
    fix: `It is also the ${what} of ${other}; give one of them another name.`,
  }),

  // --- storage-groups ---
  clusterInNoPool: (path: ModelPath, cluster: string): Finding => ({
    path,
    at: 'key',
    problem: 'cluster is in no cluster pool, so Union never schedules on it and it has no metadata bucket',
    found: q(cluster),
    allowed: 'every cluster in at least one pool',
    fix: `Add ${q(cluster)} to a pool under clusterPools.`,
  }),
  bucketSharedAcrossPools: (path: ModelPath, a: string, c: string, poolsA: readonly string[], poolsC: readonly string[], via: string): Finding => ({
    path,
    problem: `clusters ${q(a)} and ${q(c)} share no pool but would share one metadata bucket`,
    found: `${q(a)} in ${list(poolsA)}; ${q(c)} in ${list(poolsC)}; joined through ${q(via)}`,
    allowed: 'clusters in different pools have different buckets (clusters in one pool share one)',
    fix: `Put ${q(a)} and ${q(c)} in a common pool, or stop listing ${q(via)} in pools of both.`,
  }),
  groupSpansClouds: (path: ModelPath, pools: readonly string[], byCloud: string): Finding => ({
    path,
    problem: 'pools that share a metadata bucket have clusters on both clouds',
    found: byCloud,
    allowed: 'one cloud per storage group (a bucket lives on one cloud)',
    fix: `Split the pools ${list(pools)} so that each one's clusters are on one cloud.`,
  }),
  bucketAccountNeeded: (path: ModelPath, units: readonly string[]): Finding => ({
    path,
    problem: 'the clusters of this storage group run in several accounts, so the bucket needs a home',
    found: list(units),
    allowed: 'bucketAccount: one unit key of the same cloud',
    fix: `Use the long pool form and set bucketAccount to one of ${list(units)}.`,
  }),
  bucketAccountWrongCloud: (path: ModelPath, unit: string, unitCloud: string, groupCloud: string): Finding => ({
    path,
    problem: 'bucketAccount is on another cloud than the storage group\'s clusters',
    found: `${q(unit)} on ${unitCloud}`,
    allowed: `a unit on ${groupCloud}`,
    fix: 'Choose an account on the clusters\' cloud.',
  }),
  groupSettingConflict: (path: ModelPath, key: string, values: string): Finding => ({
    path,
    problem: `pools that share a metadata bucket disagree on ${key}`,
    found: values,
    allowed: `one ${key} per storage group (one bucket)`,
    fix: `Set the same ${key} on every pool of the group, or on one of them only.`,
  }),

  retentionWholeBucket: (path: ModelPath, days: number): Finding => ({
    path,
    problem: 'retentionDays would expire the whole metadata bucket, execution files included',
    found: `retentionDays: ${days} with neither rawData: separate nor retentionPrefixes`,
    allowed: 'expiry of raw data only: a raw-data bucket of its own, or raw-data prefixes of the metadata bucket',
    fix: 'Add `rawData: separate` (route raw data there with raw_data_path) or `retentionPrefixes: [<raw-data prefix>/]`; in-flight and historical executions need inputs.pb, outputs.pb and Decks to stay.',
  }),
  retentionPrefixesUnused: (path: ModelPath, why: string): Finding => ({
    path,
    problem: `retentionPrefixes has no effect: ${why}`,
    found: 'retentionPrefixes',
    allowed: 'retentionPrefixes together with retentionDays, on a group whose raw data is in the metadata bucket',
    fix: 'Remove retentionPrefixes, or set retentionDays (and drop rawData: separate).',
  }),
  badRetentionPrefix: (path: ModelPath, prefix: string): Finding => ({
    path,
    problem: 'retention prefix is not a raw-data prefix of the bucket',
    found: q(prefix),
    allowed: 'a key prefix such as "raw/" or "data/": not empty, not "/", no leading "/", no "*", at most 1024 characters',
    fix: 'Write the prefix as it appears in object keys, without the bucket name or wildcards.',
  }),
  kmsOnGcp: (path: ModelPath): Finding => ({
    path,
    problem: 'kmsKeyId is an AWS setting, but this storage group is on GCP',
    found: 'kmsKeyId',
    allowed: 'kmsKeyId on pools whose clusters run on AWS',
    fix: 'Remove kmsKeyId from this pool.',
  }),
  kmsKeyUnusable: (path: ModelPath, key: string, group: string, why: string, fix: string): Finding => ({
    path,
    problem: `the KMS key cannot encrypt the buckets of storage group ${q(group)}: ${why}`,
    found: q(key),
    allowed: 'a key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID) in the bucket\'s region, usable by every account of the group',
    fix,
  }),

  // --- assignments ---
  crossIsolation: (path: ModelPath, pair: string, pool: string, outside: string, allowedUnits: readonly string[]): Finding => ({
    path,
    problem: `${pair} would run outside its isolation unit`,
    found: `pool ${q(pool)} has clusters in ${outside}`,
    allowed: `pools whose clusters all run in ${list(allowedUnits)}`,
    fix: 'Assign a pool of its own account, or add `allowCrossIsolation: true` to this assignment if that is intended.',
  }),
  fallbackBreaksIsolation: (path: ModelPath, pair: string, outside: string, unit: string, hosted: readonly string[]): Finding => ({
    path,
    problem: `${pair} has no assignment and falls back to the \`default\` pool, whose clusters run outside its account`,
    found: `default pool: ${outside}; ${hosted.length ? `${q(unit)} hosts ${list(hosted)}` : `no pool runs in ${q(unit)}`}`,
    allowed: `a pool whose clusters all run in ${q(unit)}`,
    fix: hosted.length
      ? `Add to poolAssignments: { project: ..., domain: ..., clusterPoolName: <one of ${list(hosted)}> }.`
      : `Add a pool of clusters in ${q(unit)} (it is then assigned automatically), or an explicit assignment with allowCrossIsolation: true.`,
  }),
  noPoolForPair: (path: ModelPath, pair: string, unit: string): Finding => ({
    path,
    problem: `${pair} has no pool: none runs in its account and there is no \`default\` pool`,
    found: `no pool hosted by ${q(unit)}`,
    allowed: 'a pool in its account, an explicit assignment, or a `default` pool',
    fix: `Add a cluster in ${q(unit)} and a pool for it, or an explicit assignment in poolAssignments.`,
  }),
  severalPools: (path: ModelPath, pair: string, unit: string, hosted: readonly string[], fallback: string): Finding => ({
    path,
    problem: `${pair} needs an explicit assignment: its account hosts several pools, so none is chosen automatically${fallback}`,
    found: `${q(unit)} hosts ${list(hosted)}`,
    allowed: 'exactly one pool in its account, or an explicit assignment',
    fix: `Add to poolAssignments an entry for this pair with clusterPoolName one of ${list(hosted)}.`,
  }),

  // --- self-managed data planes (identities, Helm values, queue routing) ---
  controlPlaneHostMissing: (clusters: readonly string[]): Finding => ({
    path: ['controlPlaneHost'],
    problem: "a self-managed data plane needs the Union control plane's host: the chart refuses to install without global.CONTROLPLANE_HOST",
    found: `no controlPlaneHost, and clusters ${list(clusters)}`,
    allowed: 'a host name such as acme.unionai.cloud (the host of your Union console URL)',
    fix: 'Add controlPlaneHost at the top level of the model.',
  }),
  clusterKeyWrongCloud: (path: ModelPath, key: string, cluster: string, cloud: string, keyCloud: string): Finding => ({
    path,
    at: 'key',
    problem: `${key} applies to ${keyCloud.toUpperCase()} clusters only`,
    found: `${key} on ${q(cluster)}, which runs on ${cloud.toUpperCase()}`,
    allowed: `${key} on clusters whose account is on ${keyCloud.toUpperCase()}`,
    fix: `Remove ${key} from ${q(cluster)}.`,
  }),
  clusterKeySelfManagedOnly: (path: ModelPath, key: string, cluster: string): Finding => ({
    path,
    at: 'key',
    problem: `${key} configures the identity of a self-managed cluster: on a BYOC deployment Union creates the clusters and their identities, and nothing would read it`,
    found: `${key} on ${q(cluster)}, with deployment: byoc`,
    allowed: `${key} with deployment: self-managed`,
    fix: `Remove ${key} from ${q(cluster)}; ask Union's team for what it should set up in your data plane instead.`,
  }),
  clusterInSeveralPoolsForQueues: (path: ModelPath, cluster: string, pools: readonly string[], chosen: string, severity: 'error' | 'warning'): Finding => ({
    path,
    severity,
    problem: 'with queue routing each cluster belongs to exactly one pool (Union\'s current docs)',
    found: `${q(cluster)} in ${list(pools)}; union/queues/ registers it in ${q(chosen)} only, and routes the other pools' work to its queue`,
    allowed: 'each cluster in one pool',
    fix: severity === 'error'
      ? `List ${q(cluster)} in one pool only, or set routing: attributes (cluster-pool attribute files allow several).`
      : `Nothing to do for attribute files (routing: attributes); before moving to routing: queues, list ${q(cluster)} in one pool only.`,
  }),
  queueNameTaken: (path: ModelPath, pool: string, cluster: string, clusterPool: string, severity: 'error' | 'warning'): Finding => ({
    path,
    severity,
    problem: 'a pool\'s queue would share its name with a cluster of another pool (each cluster brings a queue of its own name)',
    found: `pool ${q(pool)} and cluster ${q(cluster)} of pool ${q(clusterPool)}`,
    allowed: 'pool names that are no cluster\'s name, unless that cluster is in the pool',
    fix: `Rename pool ${q(pool)} or cluster ${q(cluster)}.`,
  }),
  noOrgDefaultQueue: (path: ModelPath): Finding => ({
    path,
    severity: 'warning',
    problem: 'work the model does not name (projects created in Union later) queues for pool default, and no cluster runs it',
    found: 'no cluster in pool default, and none it shares',
    allowed: 'a cluster in clusterPools.default, alone or shared with one other pool',
    fix: 'List a cluster under clusterPools.default: projects created in Union later run there.',
  }),
  poolRegistriesDiffer: (path: ModelPath, pool: string, registries: readonly string[], severity: 'error' | 'warning'): Finding => ({
    path,
    severity,
    problem: "the clusters of a pool push to different image registries, and a pool manifest declares one (Union marks a cluster that reports another unhealthy)",
    found: `pool ${q(pool)} with clusters on ${list(registries)}`,
    allowed: 'one registry for every cluster of a pool',
    fix: severity === 'error'
      ? 'Give every cluster of the pool the same ecrRepository or artifactRepository, or none (the storage group\'s repository).'
      : 'Nothing to do for attribute files (routing: attributes); before moving to routing: queues, give every cluster of the pool the same ecrRepository or artifactRepository, or none.',
  }),
  secretStoreSpans: (path: ModelPath, pool: string, locators: readonly string[], cloud: string): Finding => ({
    path,
    problem: `with secretStore: cloud, the clusters of a pool report their own ${cloud === 'aws' ? 'region' : 'project'}'s secret manager, and a pool declares one`,
    found: `pool ${q(pool)} with clusters in ${list(locators)}`,
    allowed: `the clusters of a pool in one ${cloud === 'aws' ? 'region' : 'project'}`,
    fix: 'Split the pool by region or project, or set secretStore: kubernetes (the chart\'s default).',
  }),
  workflowAssignmentWithQueues: (path: ModelPath, workflow: string): Finding => ({
    path,
    severity: 'warning',
    problem: 'a workflow assignment has no queue equivalent: run.default_queue is set per project-domain',
    found: `workflow ${q(workflow)}`,
    allowed: 'project-domain assignments with queue routing',
    fix: 'Pass the queue when the workflow runs, or keep its attribute file (routing: attributes).',
  }),
};

/** The fix for a name that is not a DNS label, when a lower-case, hyphenated version of it can be made. */
function suggestLabel(name: string): string | undefined {
  const s = labelLike(name);
  return s ? `Rename it, for example to ${q(s)} (lower-case letters, digits and "-").` : undefined;
}

/** BYOC (`deployment: byoc`): Union's access to the accounts and what its team asks for. */
export const byocMessages = {
  byocWithoutDeployment: (): Finding => ({
    path: ['byoc'],
    problem: 'byoc settings are given but the deployment is self-managed',
    found: 'byoc without deployment: byoc',
    allowed: 'byoc only with deployment: byoc',
    fix: 'Add `deployment: byoc` at the top level, or remove the byoc block.',
  }),
  externalIdMissing: (awsUnits: readonly string[]): Finding => ({
    path: ['deployment'],
    problem: 'a BYOC model with AWS accounts needs the external id Union\'s team gives',
    found: `no byoc.externalId, AWS units ${list(awsUnits)}`,
    allowed: 'byoc.externalId: 8-24 characters of letters, digits and + = , . @ : / _ -',
    fix: 'Ask Union\'s team for the external id and set it as byoc.externalId (quoted).',
  }),
  externalIdMalformed: (found: string): Finding => ({
    path: ['byoc', 'externalId'],
    problem: 'the external id is not one Union\'s template accepts',
    found: `${q(found)} (${found.length} characters)`,
    allowed: '8-24 characters of letters, digits and + = , . @ : / _ -',
    fix: 'Copy the external id exactly as Union\'s team gave it.',
  }),
  templateVersionMalformed: (found: string): Finding => ({
    path: ['byoc', 'templateVersion'],
    problem: 'the template version is not a version of Union\'s template path',
    found: q(found),
    allowed: 'vMAJOR.MINOR, e.g. "v0.14" (the folder in https://union-public.s3.amazonaws.com/templates/<version>/)',
    fix: 'Use the version Union announced, with its leading "v".',
  }),
  gcpRoleUnreadable: (path: ModelPath, file: string, reason: string): Finding => ({
    path,
    problem: 'Union\'s GCP role file cannot be read',
    found: `${file}: ${reason}`,
    allowed: 'a readable YAML file with includedPermissions, relative to the model file',
    // Without byoc.gcpRoleFile the bundled copy is what failed: removing the key cannot help.
    fix:
      file === 'the bundled copy'
        ? 'The installed union-isolation lacks stacks/union-ai-admin-role.gcp.yaml: reinstall it, or set byoc.gcpRoleFile to a copy of union-ai-admin/gcp/union-ai-admin-role.yaml from unionai/union-cloud-infrastructure.'
        : 'Point byoc.gcpRoleFile at union-ai-admin/gcp/union-ai-admin-role.yaml from unionai/union-cloud-infrastructure, or remove it to use the bundled copy.',
  }),
  gcpRoleMalformed: (path: ModelPath, file: string, detail: string): Finding => ({
    path,
    problem: 'Union\'s GCP role file is not a role definition',
    found: `${file}: ${detail}`,
    allowed: 'YAML with title, stage and includedPermissions (a list of permission names), as gcloud iam roles create --file reads it',
    fix: 'Use Union\'s file unchanged, or remove byoc.gcpRoleFile to use the bundled copy.',
  }),
  clusterSharesAccount: (path: ModelPath, cluster: string, other: string, unit: string): Finding => ({
    path,
    problem: `cluster ${q(cluster)} runs in the same account as ${q(other)}; in BYOC each cluster must be in its own account (Union's "Configuring your data plane")`,
    found: `both in ${q(unit)}`,
    allowed: 'one cluster per account or project',
    fix: `Move ${q(cluster)} to a unit of its own, or merge it into ${q(other)} (a cluster can have several node groups).`,
  }),
  regionNotOffered: (path: ModelPath, clusters: readonly string[], region: string): Finding =>
    warning('byoc-region', {
      path,
      problem: `${clusters.length === 1 ? `cluster ${q(clusters[0]!)} is` : `clusters ${list(clusters.map(q))} are`} in a region outside those Union's BYOC page lists`,
      found: q(region),
      allowed: 'us-west, us-east, eu-west, eu-central (AWS us-west-*, us-east-*, eu-west-*, eu-central-*; GCP us-west*, us-east*, europe-west*, europe-central*)',
      fix: 'Confirm the region with Union\'s team before onboarding, or move the cluster to a listed region.',
    }),
  mixedClouds: (path: ModelPath, aws: readonly string[], gcp: readonly string[]): Finding =>
    warning('byoc-mixed-clouds', {
      path,
      problem:
        'clusters run on both AWS and GCP: Union\'s "Configuring your data plane" says multiple clusters must all be in the same provider, while its "Multi-cluster and multi-cloud" page allows mixing',
      found: `AWS ${list(aws)}; GCP ${list(gcp)}`,
      allowed: 'clusters on one cloud, or mixing confirmed by Union\'s team',
      fix: 'Confirm with Union\'s team that mixing clouds is supported for your organization, or move all clusters to one cloud.',
    }),
  bucketUnreachable: (path: ModelPath, bucket: string, group: string): Finding => ({
    path,
    problem: `bucket ${q(bucket)} (storage group ${q(group)}) is outside what Union's admin role reaches`,
    found: q(bucket),
    allowed: 'a name starting with "union-" or "opta-" (the only S3 buckets union-ai-admin can use)',
    fix: 'Set naming.bucket to "union-{org}-{pool}-metadata", or byoc.buckets: union-provisions.',
  }),
  subnetsWithoutVpc: (path: ModelPath, key: string, cluster: string): Finding => ({
    path,
    at: 'key',
    problem: `${key} describes the cluster's own VPC, but ${q(cluster)} has no vpc: Union provisions one`,
    found: `${key} without vpc`,
    allowed: `${key} together with vpc`,
    fix: `Set vpc on ${q(cluster)} to the network these belong to, or remove ${key}.`,
  }),
  subnetInBothLists: (path: ModelPath, subnet: string): Finding => ({
    path,
    problem: 'a subnet is listed as both public and private',
    found: q(subnet),
    allowed: 'each subnet in publicSubnets or privateSubnets, not both',
    fix: 'Keep it in the list that matches its route table (a route to an internet gateway: public).',
  }),
  vpcSubnetsMissing: (path: ModelPath, cluster: string, cloud: 'aws' | 'gcp', missing: readonly string[]): Finding =>
    warning('byoc-vpc-subnets', {
      path,
      problem: `cluster ${q(cluster)} brings its own ${cloud === 'aws' ? 'VPC' : 'network'} without everything Union's BYOC page asks for with it: the request marks ${missing.length === 1 ? 'it' : 'them'} TO FILL IN`,
      found: `no ${list([...missing])}`,
      allowed:
        cloud === 'aws'
          ? 'publicSubnets and privateSubnets (subnet ids, one per availability zone)'
          : 'subnet, podsRange, servicesRange (its secondary range names) and masterCidr (a free /28)',
      fix: `Set ${list([...missing])} on ${q(cluster)}, or fill ${missing.length === 1 ? 'it' : 'them'} in union/data-plane-request.md before sending.`,
    }),
  nodeGroupSize: (path: ModelPath, min: number, max: number): Finding => ({
    path,
    problem: 'the node group\'s minimum is above its maximum',
    found: `min ${min}, max ${max}`,
    allowed: 'min <= max, max > 0',
    fix: 'Lower min or raise max.',
  }),
};

// --- placement (issue 16): where a pair's work really runs, and warnings the model can acknowledge ---
const yamlAssignment = (project: string, domain: string, pool: string, cross: boolean) =>
  `{ project: ${project}, domain: ${domain}, clusterPoolName: ${pool}${cross ? ', allowCrossIsolation: true' : ''} }`;
const CLOUD = { aws: 'AWS', gcp: 'GCP' } as const;

/** How a warning is acknowledged in the model, appended to its fix. */
export function acknowledgeHint(code: string, at: string): string {
  return `To accept it, add to the model: acknowledge: [{ warning: ${code}, at: ${q(at)} }].`;
}

/** The stable name a project's warning goes by: `projects.demand`, whatever its position in the list. */
export const projectSubject = (project: string) => `projects.${project}`;

function warning(code: string, f: Finding, subject?: string): Finding {
  return { ...f, severity: 'warning', code, ...(subject !== undefined ? { subject } : {}), fix: `${f.fix} ${acknowledgeHint(code, subject ?? formatPath(f.path))}` };
}

export const placementMessages = {
  knownProjectOnDefault: (
    path: ModelPath,
    x: {
      pair: string;
      project: string;
      domain: string;
      unit: string;
      unitCloud: 'aws' | 'gcp';
      away: readonly string[];
      defaultClouds: readonly ('aws' | 'gcp')[];
      meant: readonly { name: string; shared: boolean }[];
    },
  ): Finding => {
    const otherCloud = x.defaultClouds.some((c) => c !== x.unitCloud);
    const best = x.meant.find((m) => !m.shared) ?? x.meant[0];
    return {
      path,
      problem:
        `${x.pair} has no pool of its own and silently falls back to \`default\`, which runs in the default account` +
        (otherCloud ? ` on ${x.defaultClouds.map((c) => CLOUD[c]).join(' and ')}, not on ${CLOUD[x.unitCloud]} in its own account` : ', not in its own account'),
      found: `default pool: ${list(x.away)}; ${x.meant.length ? `pools with a cluster in ${q(x.unit)}: ${list(x.meant.map((m) => m.name))} (none is hosted by it alone)` : `no cluster runs in ${q(x.unit)}`}`,
      allowed: `a pool whose clusters run in ${q(x.unit)}, or an explicit assignment (the default account is for on-demand projects)`,
      fix: best
        ? `Add to poolAssignments: ${yamlAssignment(x.project, x.domain, best.name, best.shared)}${best.shared ? ` (${best.name} also runs in other accounts), or give ${q(x.unit)} a pool of its own` : ''}.`
        : `Add a cluster with account: ${x.unit} and a pool for it, or assign the pair explicitly: ${yamlAssignment(x.project, x.domain, 'default', false)} if its work belongs in the default account.`,
    };
  },
  poolUnused: (path: ModelPath, pool: string, candidates: readonly string[]): Finding =>
    warning('pool-unused', {
      path,
      at: 'key',
      problem: `no project-domain pair runs on pool ${q(pool)}: its clusters get no work`,
      found: 'no explicit or automatic assignment',
      allowed: 'a pool that some pair is assigned to (explicitly, or automatically because its account hosts that pool alone)',
      fix: candidates.length
        ? `Assign the pairs meant for it in poolAssignments (for example project/domain ${list(candidates, 3)}), or remove the pool.`
        : 'Assign a pair to it in poolAssignments, or remove the pool.',
    }),
  unitWithoutCluster: (path: ModelPath, what: string, units: readonly string[], subject?: string): Finding =>
    warning('unit-without-cluster', {
      path,
      problem: `${what} gets an account where no cluster runs: its work runs in other accounts`,
      found: `no cluster with account ${list(units.map(q))}`,
      allowed: 'at least one cluster in every account the model creates',
      fix: `Add a cluster with account: ${units[0]} (and one for each other account listed), or accept that the account stays empty.`,
    }, subject),
  bucketUnreachable: (path: ModelPath, group: string, bucket: string, home: string, others: readonly string[]): Finding =>
    warning('bucket-unreachable', {
      path,
      problem: `the GCS bucket of storage group ${q(group)} lives in ${q(home)}; the clusters of ${list(others.map(q))} get no access to it from union-isolation`,
      found: `bucket ${q(bucket)} shared by GCP projects ${list([home, ...others])}`,
      allowed: 'on GCP, one project per storage group (cross-account access is granted on AWS only)',
      fix: `Give each project's clusters a pool of their own, or grant their service accounts roles/storage.objectUser on gs://${bucket} yourself.`,
    }),
  crossIsolationAllowed: (path: ModelPath, pair: string, pool: string, away: string, subject?: string): Finding =>
    warning('cross-isolation', {
      path,
      problem: `${pair} runs on pool ${pool} outside its account`,
      found: `allowCrossIsolation: true; clusters in ${away}`,
      allowed: 'pools in the pair\'s own account',
      fix: 'Nothing to change if this is intended.',
    }, subject),
  bucketRegionElsewhere: (path: ModelPath, group: string, region: string, elsewhere: string): Finding =>
    warning('bucket-region', {
      path,
      problem: `the bucket of storage group ${group} is in ${region} but ${elsewhere}`,
      found: 'no bucketRegion',
      allowed: 'clusters in the bucket\'s region',
      fix: 'Set bucketRegion on the pool to keep metadata next to the clusters.',
    }),
  nameShortened: (path: ModelPath, kind: string, owner: string, original: string, final: string, limit: number, fix: string, subject?: string): Finding =>
    warning('name-shortened', {
      path,
      problem: `the ${kind} of ${q(owner)} is too long and is shortened; it can never be renamed once created`,
      found: `${q(original)} (${original.length} characters) becomes ${q(final)}`,
      allowed: `at most ${limit} characters`,
      fix,
    }, subject),
  acknowledgedNothing: (path: ModelPath, code: string, at: string | undefined): Finding => ({
    path,
    severity: 'warning',
    problem: 'this acknowledgement matches no warning',
    found: `warning ${q(code)}${at !== undefined ? ` at ${q(at)}` : ''}`,
    allowed: 'the code and model path of a warning the model has',
    fix: 'Remove it: the warning it accepted is gone (or correct its code or path).',
  }),
};

// --- retired stacks (issue 24): removing from the model keeps what exists unless the model opts in ---
export const retiredMessages = {
  retiredNotAStack: (path: ModelPath, name: string): Finding => ({
    path,
    at: 'key',
    problem: 'this is not the name of a stack the tool writes',
    found: q(name),
    allowed: `a stack name: ${RETIRED_STACK_NAMES}`,
    fix: 'Use the stack name synth printed when the stack left the output (its directory under cdktf.out/stacks/).',
  }),
  retiredStillSynthesized: (path: ModelPath, name: string): Finding => ({
    path,
    at: 'key',
    problem: 'this stack is retired but the model still synthesizes it',
    found: q(name),
    allowed: 'only stacks the model no longer has',
    fix: `Remove retired.${name}: the model still holds what it creates (or remove that from the model too).`,
  }),
  retiredWithoutChoice: (path: ModelPath, name: string): Finding => ({
    path,
    problem: 'a retired stack needs what its state keeps, or the explicit opt-in to destroy it',
    found: 'neither a non-empty `forget` list nor `destroy: true`',
    allowed: '`forget: [ADDRESS, ...]` (the resources stay, Terraform forgets them) or `destroy: true`',
    fix: `List the resource addresses synth printed for ${q(name)} under forget (the default and safe choice), or set destroy: true after review.`,
  }),
  retiredBoth: (path: ModelPath): Finding => ({
    path,
    problem: 'a retired stack either forgets its resources or destroys them, not both',
    found: '`forget` and `destroy: true`',
    allowed: 'one of them',
    fix: 'Remove `destroy: true` to keep the resources, or `forget` to destroy them.',
  }),
  retiredAddressInvalid: (path: ModelPath, address: string): Finding => ({
    path,
    problem: 'this is not the address of a resource a synthesized stack holds',
    found: q(address),
    allowed: 'TYPE.NAME of an AWS or Google resource, as in the stack\'s cdk.tf.json (aws_organizations_account.units_..._account_1A2B3C4D)',
    fix: 'Copy the addresses synth printed when the stack left the output, or `terraform state list` in the stack\'s directory.',
  }),
  retiredAddressTwice: (path: ModelPath, address: string): Finding => ({
    path,
    problem: 'this address is listed twice',
    found: q(address),
    allowed: 'each address once',
    fix: 'Remove the duplicate.',
  }),
  retiredMixedClouds: (path: ModelPath, found: string): Finding => ({
    path,
    problem: 'a stack holds resources of one cloud, and these addresses name two',
    found,
    allowed: 'only aws_* or only google_* addresses',
    fix: 'List each stack\'s own addresses under its own name.',
  }),
};
