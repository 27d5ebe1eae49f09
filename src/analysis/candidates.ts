/**
 * Plan candidates (docs/cookbook.md, "Improvement plans"): priced bundles of scenario changes, read from a
 * candidates file or given raw to `plan`. Every problem of the file is reported at once: a bad
 * `budget` or `cost` does not hide the changes' own mistakes.
 */
import { type Issue, ServiceChainError } from '../model/errors.js';
import type { ModelFormat } from '../model/parse-text.js';
import type { Model } from '../model/schema.js';
import { isRecord } from './change-shape.js';
import { tryApplyChanges } from './scenario.js';
import { parseInput, parseInputText } from './scenario-input.js';
import {
  type Candidate,
  CandidateSchema,
  CandidatesFileSchema,
  type PlanObjective,
} from './scenario-schema.js';

/** The raw `key` of an object, if it is a list. */
function listAt(raw: unknown, key: string): readonly unknown[] | undefined {
  if (!isRecord(raw) || !Object.hasOwn(raw, key)) return undefined;
  const value = raw[key];
  return Array.isArray(value) ? value : undefined;
}

/** One candidate's issues (shape, then its changes, even when the shape is wrong) and the candidate. */
function checkCandidate(
  raw: unknown,
  path: string,
  model: Model,
): { candidate?: Candidate; issues: Issue[] } {
  const parsed = parseInput(CandidateSchema, raw, path);
  const issues = parsed.success ? [] : parsed.issues;
  const changes = listAt(raw, 'changes') ?? [];
  const applied = tryApplyChanges(model, changes, (j) => `${path}.changes[${j}]`);
  issues.push(...applied.issues);
  if (!parsed.success) return { issues };
  const { id, cost, label, description } = parsed.data;
  const candidate: Candidate = {
    id,
    cost,
    changes: applied.changes,
    ...(label !== undefined && { label }),
    ...(description !== undefined && { description }),
  };
  return { candidate, issues };
}

/** Checks raw candidates against a model: shapes, unique ids, every change; returns every issue. */
export function tryValidateCandidates(
  input: readonly unknown[],
  model: Model,
): { candidates: Candidate[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  input.forEach((raw, i) => {
    const path = `candidates[${i}]`;
    const id = isRecord(raw) ? raw['id'] : undefined;
    if (typeof id === 'string' && id !== '' && seen.has(id))
      issues.push({
        code: 'duplicate_id',
        path: `${path}.id`,
        message: `candidate id ${JSON.stringify(id)} is used twice`,
      });
    if (typeof id === 'string') seen.add(id);
    const checked = checkCandidate(raw, path, model);
    issues.push(...checked.issues);
    if (checked.candidate !== undefined) candidates.push(checked.candidate);
  });
  return { candidates, issues };
}

/** Checks raw candidates against a model: shapes, unique ids, every change; throws every issue. */
export function validateCandidates(input: readonly unknown[], model: Model): Candidate[] {
  const { candidates, issues } = tryValidateCandidates(input, model);
  if (issues.length > 0) throw new ServiceChainError(issues);
  return candidates;
}

/**
 * Parses a candidates file (YAML or JSON: `candidates: [...]`, optional `budget` and `objective`)
 * against a model; a missing budget or objective is null.
 */
export function parseCandidates(
  text: string,
  model: Model,
  options: { format?: ModelFormat } = {},
): { candidates: Candidate[]; budget: number | null; objective: PlanObjective | null } {
  const raw = parseInputText(text, 'candidates file', options.format);
  const parsed = parseInput(CandidatesFileSchema, raw, '');
  const issues = parsed.success ? [] : parsed.issues;
  const checked = tryValidateCandidates(listAt(raw, 'candidates') ?? [], model);
  issues.push(...checked.issues);
  if (!parsed.success || issues.length > 0) throw new ServiceChainError(issues);
  return {
    candidates: checked.candidates,
    budget: parsed.data.budget ?? null,
    objective: parsed.data.objective ?? null,
  };
}
