// The pipeline in one call: read -> shape -> rules -> resolve. Every finding of every stage is
// returned at once; the plan only when none of them is an error.
import { applyAcknowledgements } from './plan/acknowledge';
import { checkModel } from './model/check';
import { compareFindings, formatPath, isError, type Finding } from './model/findings';
import { jsonSyntaxError, loadText, type Loaded, type ModelSource } from './model/load';
import { messages } from './model/messages';
import type { Model } from './model/schema';
import { checkNames, namesOf } from './model/rules/names';
import { MAX_MODEL_BYTES, readModelText } from './model/read';
import { checkShape } from './model/shape';
import { checkUnitCount } from './model/size';
import { resolve } from './plan/resolve';
import { loadGcpRole, needsGcpRole, type GcpRole } from './model/union-gcp-role';
import type { Plan } from './plan/types';
import { compareStrings } from './order';

export interface LocatedFinding extends Finding {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export interface Compiled {
  readonly file: string;
  /** The file's text as read (add-project edits it). Empty when it could not be read. */
  readonly text: string;
  readonly model: Model | null;
  /** Null when any finding is an error. */
  readonly plan: Plan | null;
  /** Errors and warnings, sorted by position. */
  readonly findings: readonly LocatedFinding[];
}

export function compileText(text: string, file: string): Compiled {
  // Read: the text's value with its positions, or what stops it (syntax, hostile input, too big to check).
  const loaded = loadText(text, file);
  const checked = check(loaded, file);
  return { file, text, model: checked.model, plan: checked.plan, findings: locate(checked.findings, loaded.source) };
}

interface Checked {
  readonly model: Model | null;
  readonly plan: Plan | null;
  /** Not located yet. */
  readonly findings: readonly Finding[];
}

/** Shape, rules, resolve: each stage on what the one before it could read. */
function check(loaded: Loaded, file: string): Checked {
  // Appended one by one: a hostile model can have more findings than a spread call takes arguments.
  const findings: Finding[] = [];
  const add = (more: readonly Finding[]) => {
    for (const f of more) findings.push(f);
  };
  add(loaded.findings);
  let model: Model | null = null;
  let plan: Plan | null = null;
  if (loaded.value !== null) {
    const shaped = checkShape(loaded.value);
    add(shaped.findings);
    model = shaped.model;
    // Names are checked on whatever is well typed, so bad names come out with the shape errors.
    if (!model) add(checkNames(namesOf(loaded.value as Record<string, unknown>)));
  }
  // Rules and resolution cost time per unit: a model asking for a million units stops here.
  const tooManyUnits = model ? checkUnitCount(model) : [];
  add(tooManyUnits);
  if (model && tooManyUnits.length === 0) {
    add(checkNames(model));
    add(checkModel(model));
    // Resolution needs well-formed references; with rule errors it would only repeat them.
    // BYOC with GCP units: Union's role file is read here, so that resolve stays pure.
    let gcpRole: GcpRole | null = null;
    if (!findings.some(isError) && needsGcpRole(model)) {
      const role = loadGcpRole(model, file);
      if ('finding' in role) add([role.finding]);
      else gcpRole = role.role;
    }
    if (!findings.some(isError)) {
      // The warnings found so far go through resolve, so that `acknowledge` and the plan's warnings
      // (the review) see them like resolve's own; resolve hands back those it keeps.
      const checked = findings.splice(0, findings.length);
      const resolution = resolve(model, { gcpRole, checked });
      add(resolution.findings);
      if (!findings.some(isError)) plan = resolution.plan;
    } else {
      // Resolution is skipped, not the acknowledgements: an accepted warning stays quiet beside errors too.
      const { kept } = applyAcknowledgements(model, findings.splice(0, findings.length));
      add(kept);
    }
  }
  return { model, plan, findings };
}

/** Read and compile a model file; a file that cannot be read is a finding, not an exception. */
export function compileFile(file: string): Compiled {
  let text: string;
  try {
    const read = readModelText(file);
    if ('tooLarge' in read) return failed(file, messages.fileTooLarge(read.tooLarge, MAX_MODEL_BYTES));
    text = read.text;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return failed(file, messages.unreadable(e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'a directory' : (e.code ?? e.message)));
  }
  // A .json model is JSON: what YAML would forgive (a trailing comma) is reported as JSON's error.
  if (file.toLowerCase().endsWith('.json') && !isJson(text)) {
    const error = jsonSyntaxError(text);
    if (error) {
      const before = text.slice(0, error.offset);
      const line = before.split('\n').length;
      return { file, text, model: null, plan: null, findings: [{ ...messages.jsonSyntax(error.message), path: [], file, line, col: error.offset - before.lastIndexOf('\n') }] };
    }
  }
  return compileText(text, file);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function failed(file: string, finding: Finding): Compiled {
  return { file, text: '', model: null, plan: null, findings: [{ ...finding, file, line: 1, col: 1 }] };
}

function locate(findings: readonly Finding[], source: ModelSource): LocatedFinding[] {
  // Each path is formatted once, not once per comparison: a hostile model can have a million findings.
  return findings
    .map((f) => ({ finding: { ...f, file: source.file, ...(f.position ?? source.locate(f.path, f.at)) }, path: formatPath(f.path) }))
    .sort((a, b) => a.finding.line - b.finding.line || a.finding.col - b.finding.col || compareFormatted(a, b))
    .map((x) => x.finding);
}

function compareFormatted(a: { finding: Finding; path: string }, b: { finding: Finding; path: string }): number {
  return compareStrings(a.path, b.path) || compareFindings(a.finding, b.finding);
}
