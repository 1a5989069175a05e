// The image builder's repository as the clusters' images name it: one spelling for the queue
// routing (queues.ts), the Helm values (files/helm-install.ts) and the review.
import type { ArtifactRepository, AwsClusterIdentity } from './types';

/** What follows the account id in an ECR repository's image path: `.dkr.ecr.REGION.amazonaws.com/NAME`. */
export function ecrPathAfterAccount(ecr: AwsClusterIdentity['ecr']): string {
  return `.dkr.ecr.${ecr.region}.amazonaws.com/${ecr.repository}`;
}

/** Where images of `repo` are pushed and pulled: `LOCATION-docker.pkg.dev/PROJECT/REPOSITORY`. */
export function dockerPath(repo: ArtifactRepository): string {
  return `${repo.location}-docker.pkg.dev/${repo.project}/${repo.repository}`;
}
