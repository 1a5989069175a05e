// An Artifact Registry repository as the clusters' images name it: one spelling for the queue
// routing (queues.ts) and the review (files/review-self-managed.ts).
import type { ArtifactRepository } from './types';

/** Where images of `repo` are pushed and pulled: `LOCATION-docker.pkg.dev/PROJECT/REPOSITORY`. */
export function dockerPath(repo: ArtifactRepository): string {
  return `${repo.location}-docker.pkg.dev/${repo.project}/${repo.repository}`;
}
