// apply-cluster-pool-attributes.sh: applies every attribute file with uctl, in the review's order,
// and stops at the first failure so a half-applied state is visible rather than buried in output.
import type { Plan } from '../plan/types';
import { assignmentsWithFiles, attributeFilePath } from './attribute-files';
import { generatedNotice, type RenderOptions } from './generated-header';

export const APPLY_SCRIPT_FILE = 'apply-cluster-pool-attributes.sh';

/** One shell word, whatever the text: single quotes, with `'` written as `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function renderApplyScript(plan: Plan, options: RenderOptions = {}): string {
  const files = assignmentsWithFiles(plan).map((a) => attributeFilePath(a.file));
  const lines = [
    '#!/usr/bin/env bash',
    `# ${generatedNotice(options)}`,
    '#',
    '# Applies each cluster-pool attribute file with `uctl update cluster-pool-attributes --attrFile`,',
    '# in a fixed order, and stops at the first failure. Arguments are passed to every uctl call,',
    "# e.g. `--org acme`, `--config ~/.uctl/config.yaml` or `--force` (skip uctl's confirmation).",
    '# Union checks that each project exists: run this after the projects are created.',
    'set -euo pipefail',
    '',
    // Files resolve against this script's directory, so it runs from anywhere; the caller's working
    // directory is kept, so relative paths in the arguments (a --config file) still mean what they say.
    'here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"',
    `total=${files.length}`,
    'done_count=0',
    '',
    'apply() {',
    '  done_count=$((done_count + 1))',
    '  echo "[${done_count}/${total}] uctl update cluster-pool-attributes --attrFile $1" >&2',
    '  local file="$here/$1"',
    '  shift',
    '  local status=0',
    '  uctl update cluster-pool-attributes --attrFile "$file" "$@" || status=$?',
    '  if [ "$status" -ne 0 ]; then',
    '    echo "apply-cluster-pool-attributes: uctl failed (exit $status) on $file; the files after it were not applied" >&2',
    '    exit "$status"',
    '  fi',
    '}',
    '',
    ...files.map((f) => `apply ${shellQuote(f)} "$@"`),
    ...(files.length === 0 ? ['echo "No cluster-pool attribute files to apply." >&2'] : []),
  ];
  return lines.join('\n') + '\n';
}
