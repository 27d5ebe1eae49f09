/**
 * Validating a scenario against a model and applying it (docs/cookbook.md, "What-if scenarios"). Changes
 * apply in order to a working copy of the model, each checked against the copy as the changes
 * before it left it, so a scenario may add an actor and then a hand-off from it. The copy is judged
 * by the model's own validators; every problem is reported at once, at the change that caused it.
 */
import { type Issue, ServiceChainError } from '../model/errors.js';
import type { ModelFormat } from '../model/parse-text.js';
import type { Model } from '../model/schema.js';
import { addElement, type Pending, settleAdditions } from './additions.js';
import { applyChange } from './apply-change.js';
import { changeShape, isRecord, setTarget } from './change-shape.js';
import { findHandoff, findNode } from './change-targets.js';
import { parseInput, parseInputText } from './scenario-input.js';
import { type Change, type Scenario, ScenarioSchema } from './scenario-schema.js';
import { type Working, workingCopy, workingModel } from './working-model.js';

/** Does a change only set fields (the engine can re-evaluate it incrementally), or add/remove? */
export function isStructural(change: Change): boolean {
  return 'add' in change || 'remove' in change;
}

/** Labels for error paths: `changes[i]` unless the caller names its changes otherwise. */
export type ChangePaths = (index: number) => string;

const defaultPaths: ChangePaths = (index) => `changes[${index}]`;

/**
 * Checks raw changes (shape, what they name, then the model's validators, in order) and applies
 * them to a copy of the model. Returns every issue found; the model is only meaningful when there
 * are none. The changes come back with the ids they name (`from->to` becomes a hand-off's own id).
 */
export function tryApplyChanges(
  model: Model,
  changes: readonly unknown[],
  paths: ChangePaths = defaultPaths,
): { model: Model; changes: Change[]; issues: Issue[] } {
  const issues: Issue[][] = changes.map(() => []);
  const applied: Change[] = [];
  const work = workingCopy(model);
  let pending: Pending[] = [];
  // Consecutive additions are judged together, before anything that may name them.
  const settle = () => {
    for (const { change, issue } of settleAdditions(work, pending)) issues[change]!.push(issue);
    pending = [];
  };
  changes.forEach((raw, index) => {
    const path = paths(index);
    const shape = changeShape(raw, path);
    const here = issues[index]!;
    if (shape.change !== undefined && 'add' in shape.change) {
      pending.push(addElement(work, shape.change.add, path, index));
      applied.push(shape.change);
      return;
    }
    if (shape.change === undefined && isAddition(raw)) {
      here.push(...shape.issues);
      return;
    }
    settle();
    if (shape.change === undefined) {
      // Still say whether a `set` names anything: one pass shows every mistake.
      here.push(...shape.issues, ...targetIssues(work, raw, path));
      return;
    }
    const result = applyChange(work, shape.change, path);
    here.push(...result.issues);
    if (result.change !== undefined) applied.push(result.change);
  });
  settle();
  return { model: workingModel(work), changes: applied, issues: issues.flat() };
}

/** A raw change that means to add (its shape may still be wrong). */
function isAddition(raw: unknown): boolean {
  return isRecord(raw) && Object.hasOwn(raw, 'add');
}

/** The issue of a malformed `set` change's name, if it names nothing. */
function targetIssues(work: Working, raw: unknown, path: string): Issue[] {
  const target = setTarget(raw);
  if (target === undefined) return [];
  const at = `${path}.${target.kind}`;
  const found =
    target.kind === 'handoff'
      ? findHandoff(work.handoffs, target.name, at)
      : findNode(work, target.kind, target.name, at);
  return typeof found === 'object' && 'code' in found ? [found] : [];
}

/** Applies validated (or raw) changes to a copy of the model; throws every problem at once. */
export function applyChanges(
  model: Model,
  changes: readonly unknown[],
  paths?: ChangePaths,
): Model {
  const result = tryApplyChanges(model, changes, paths);
  if (result.issues.length > 0) throw new ServiceChainError(result.issues);
  return result.model;
}

/** Checks a scenario (plain object, e.g. parsed YAML) against a model; throws every problem at once. */
export function validateScenario(input: unknown, model: Model): Scenario {
  if (input === undefined || input === null)
    throw new ServiceChainError([
      { code: 'empty_input', path: '', message: 'the scenario is empty' },
    ]);
  const shape = parseInput(ScenarioSchema, input, '');
  const issues = shape.success ? [] : shape.issues;
  // A bad `name` does not hide the changes' own mistakes.
  const raw = isRecord(input) && Array.isArray(input['changes']) ? input['changes'] : [];
  const result = tryApplyChanges(model, raw);
  issues.push(...result.issues);
  if (!shape.success || issues.length > 0) throw new ServiceChainError(issues);
  const { name, description } = shape.data;
  return {
    changes: result.changes,
    ...(name !== undefined && { name }),
    ...(description !== undefined && { description }),
  };
}

/** Parses and validates a scenario file's text (YAML or JSON, guessed unless given) against a model. */
export function parseScenario(
  text: string,
  model: Model,
  options: { format?: ModelFormat } = {},
): Scenario {
  return validateScenario(parseInputText(text, 'scenario', options.format), model);
}

/** Applies a validated scenario to a copy of the model. */
export function applyScenario(model: Model, scenario: Pick<Scenario, 'changes'>): Model {
  return applyChanges(model, scenario.changes);
}
