// Findings for CI: SARIF 2.1.0 (code scanning shows them on the lines they concern) and GitHub
// Actions workflow commands (`::error file=...,line=...::`), which annotate a pull request's diff.
import type { Compiled, LocatedFinding } from '../compile';
import { formatPath, isError } from '../model/findings';

const message = (f: LocatedFinding) => {
  const detail = [f.found !== undefined ? `found ${f.found}` : '', f.allowed !== undefined ? `allowed ${f.allowed}` : ''].filter(Boolean).join('; ');
  return `${formatPath(f.path)}: ${f.problem}${detail ? ` (${detail})` : ''}. Fix: ${f.fix}`;
};

/** A rule id per kind of finding: the warning code, else the problem's wording without quoted values. */
const ruleOf = (f: LocatedFinding) => f.code ?? f.problem.replace(/"[^"]*"|`[^`]*`/g, '…').slice(0, 80);

export function renderSarif(compiled: Compiled, version: string): string {
  const rules = [...new Set(compiled.findings.map(ruleOf))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'union-isolation', version, informationUri: 'https://docs.union.ai/', rules: rules.map((id) => ({ id })) } },
        results: compiled.findings.map((f) => ({
          ruleId: ruleOf(f),
          level: isError(f) ? 'error' : 'warning',
          message: { text: message(f) },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.file.split('\\').join('/') }, region: { startLine: f.line, startColumn: f.col } } }],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** GitHub's escaping for workflow command properties and data. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function renderGithub(compiled: Compiled): string {
  return compiled.findings
    .map((f) => `::${isError(f) ? 'error' : 'warning'} file=${escapeProperty(f.file)},line=${f.line},col=${f.col},title=${escapeProperty(`union-isolation ${ruleOf(f)}`)}::${escapeData(message(f))}\n`)
    .join('');
}
