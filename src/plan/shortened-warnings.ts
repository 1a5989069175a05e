// A permanent name (account name, root email, project id, bucket) that the tool had to shorten is
// a warning: it can never be renamed, and `northw-produc-custome-lifetim-value-forecas-4d6b35` is
// what people would live with. One warning per cause (a project, a template), with the fix there.
import { formatPath, type Finding, type ModelPath } from '../model/findings';
import { placementMessages, projectSubject } from '../model/messages';
import type { Model } from '../model/schema';
import type { ShortenedName } from './types';

const KIND = {
  'aws-account-name': 'AWS account name',
  'aws-email': 'root email',
  'gcp-project-id': 'GCP project id',
  bucket: 'bucket name',
} as const;

/** A short form of a long project id to offer: its parts' initials, or its head. */
export function suggestShortName(project: string): string {
  const parts = project.split('-').filter(Boolean);
  if (parts.length === 1) return project.slice(0, 6);
  // Initials, but a trailing number stays whole: project-12 -> p12, customer-lifetime-value -> clv.
  return parts.map((p, i) => (i === parts.length - 1 && /^\d+$/.test(p) ? p : p[0])).join('');
}

export function shortenedWarnings(model: Model, shortened: readonly ShortenedName[]): Finding[] {
  const groups = new Map<string, { path: ModelPath; names: ShortenedName[]; fix: string; subject?: string }>();
  for (const s of shortened) {
    // Cluster identities (IAM roles, service accounts) are not permanent: the review lists them.
    if (!Object.hasOwn(KIND, s.kind)) continue;
    const project = s.owner.split('/')[1];
    let path: ModelPath;
    let fix: string;
    let subject: string | undefined;
    if (s.kind === 'bucket') {
      path = ['clusterPools', s.owner];
      fix = `Set storageGroup to a shorter name on a pool of the group, or shorten naming.bucket ("${model.naming.bucket}").`;
    } else if (s.kind === 'aws-email') {
      path = ['aws', 'emailTemplate'];
      fix = `Shorten the fixed part of aws.emailTemplate, or set accounts["${s.owner}"].email.` + (project ? ` A shortNames entry for ${project} also shortens it.` : '');
    } else if (project !== undefined && model.projects.includes(project) && model.shortNames[project] === undefined) {
      path = ['projects', model.projects.indexOf(project)];
      subject = projectSubject(project);
      fix = `Add shortNames: { ${project}: ${suggestShortName(project)} } (used in derived names only), or set accounts["${s.owner}"].name.`;
    } else {
      const cloud = s.kind === 'gcp-project-id' ? 'gcp' : 'aws';
      path = ['naming', cloud];
      fix = `Shorten naming.${cloud} ("${model.naming[cloud]}") or the org, or set accounts["${s.owner}"].name.`;
    }
    const key = `${s.kind} ${formatPath(path)}`;
    const g = groups.get(key) ?? { path, names: [], fix, ...(subject !== undefined ? { subject } : {}) };
    g.names.push(s);
    groups.set(key, g);
  }
  return [...groups.values()].map(({ path, names, fix, subject }) => {
    const first = names[0]!;
    const owner = names.length === 1 ? first.owner : `${first.owner} (and ${names.length - 1} more)`;
    return placementMessages.nameShortened(path, KIND[first.kind as keyof typeof KIND], owner, first.original, first.final, first.limit, fix, subject);
  });
}
