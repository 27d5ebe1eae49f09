/**
 * Validating a scenario against a model and applying it (MODEL.md section 5). Changes apply in
 * order, each checked against the model as the changes before it left it, so a scenario may add
 * an actor and then a hand-off from it. Every problem is reported at once, with its path.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { handoffId, ratingDimensions, ratingScale } from '../model/defaults.js';
import { didYouMean } from '../model/did-you-mean.js';
import { type Issue, ServiceChainError } from '../model/errors.js';
import {
  type Customer,
  CustomerSchema,
  type Department,
  DepartmentSchema,
  type Employee,
  EmployeeSchema,
  type Handoff,
  HandoffSchema,
  type Model,
  type Rating,
} from '../model/schema.js';
import { issuesFromZod, joinPath } from '../model/zod-issues.js';
import {
  type Addition,
  type Change,
  type Removal,
  RemoveSchema,
  type Scenario,
  ScenarioSchema,
  type SetActor,
  SetActorSchema,
  type SetCustomer,
  SetCustomerSchema,
  type SetHandoff,
  SetHandoffSchema,
} from './scenario-schema.js';

const CHANGE_KINDS = ['handoff', 'actor', 'customer', 'add', 'remove'] as const;
const ADDITION_KINDS = ['handoff', 'department', 'employee', 'customer'] as const;
const REMOVAL_KINDS = ['handoff', 'actor', 'customer'] as const;

type NodeKind = 'department' | 'employee' | 'customer';

/** Does a change only set fields (the engine can re-evaluate it incrementally), or add/remove? */
export function isStructural(change: Change): boolean {
  return 'add' in change || 'remove' in change;
}

/** A plain object, not an array or null. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The one key of `value` among `kinds`, or an issue saying what is wrong. */
function pickKind<K extends string>(
  value: unknown,
  kinds: readonly K[],
  path: string,
  what: string,
): K | Issue {
  const list = kinds.join(', ');
  if (!isRecord(value))
    return { code: 'invalid_type', path, message: `${what} is an object with one of ${list}` };
  const present = kinds.filter((kind) => kind in value);
  if (present.length === 1) return present[0]!;
  if (present.length > 1)
    return {
      code: 'invalid_value',
      path,
      message: `${what} names only one of ${present.join(', ')}`,
    };
  const unknown = Object.keys(value).find((key) => key !== 'set');
  const hint = unknown === undefined ? '' : didYouMean(unknown, kinds);
  return { code: 'missing_field', path, message: `${what} needs one of ${list}${hint}` };
}

/** Checks one change's shape; returns it typed, or pushes issues and returns undefined. */
function parseChangeShape(
  work: Working,
  value: unknown,
  path: string,
  issues: Issue[],
): Change | undefined {
  const kind = pickKind(value, CHANGE_KINDS, path, 'a change');
  if (typeof kind !== 'string') {
    issues.push(kind);
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (kind === 'add') {
    const inner = pickKind(record['add'], ADDITION_KINDS, joinPath(path, ['add']), '`add`');
    if (typeof inner !== 'string') {
      issues.push(inner);
      return undefined;
    }
    const schema = {
      handoff: HandoffSchema,
      department: DepartmentSchema,
      employee: EmployeeSchema,
      customer: CustomerSchema,
    }[inner];
    return parseWith(schema, record['add'], ['add', inner], value, path, issues);
  }
  if (kind === 'remove') {
    const inner = pickKind(record['remove'], REMOVAL_KINDS, joinPath(path, ['remove']), '`remove`');
    if (typeof inner !== 'string') {
      issues.push(inner);
      return undefined;
    }
    return parseWhole(value, path, issues);
  }
  const schema = { handoff: SetHandoffSchema, actor: SetActorSchema, customer: SetCustomerSchema }[
    kind
  ];
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    issues.push(...issuesFromZod(parsed.error, { input: value, schema, prefix: path }));
    // Still say whether the id names anything: one pass shows every mistake.
    const id = record[kind];
    if (typeof id === 'string' && id !== '') checkSetTarget(work, kind, id, path, issues);
    return undefined;
  }
  if (Object.keys(parsed.data.set).length === 0) {
    issues.push({ code: 'missing_field', path: `${path}.set`, message: 'set names no field' });
    return undefined;
  }
  return parsed.data;
}

/** Parses the inner value of `add` with its schema and returns the whole change. */
function parseWith(
  schema: z.ZodType,
  inner: unknown,
  at: readonly PropertyKey[],
  whole: unknown,
  path: string,
  issues: Issue[],
): Change | undefined {
  const raw = (inner as Record<string, unknown>)[at[1] as string];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    issues.push(...issuesFromZod(parsed.error, { input: raw, schema, prefix: joinPath(path, at) }));
    return undefined;
  }
  const extra = Object.keys(whole as object).filter((key) => key !== 'add');
  const extraInner = Object.keys(inner as object).filter((key) => key !== at[1]);
  if (extra.length > 0 || extraInner.length > 0) {
    for (const key of extra)
      issues.push({ code: 'unknown_key', path: joinPath(path, [key]), message: 'unknown key' });
    for (const key of extraInner)
      issues.push({
        code: 'unknown_key',
        path: joinPath(path, ['add', key]),
        message: 'unknown key',
      });
    return undefined;
  }
  return { add: { [at[1] as string]: parsed.data } as Addition };
}

/** Parses a `remove` change whole (its inner kind is already known). */
function parseWhole(value: unknown, path: string, issues: Issue[]): Change | undefined {
  const parsed = RemoveSchema.safeParse(value);
  if (!parsed.success) {
    issues.push(
      ...issuesFromZod(parsed.error, { input: value, schema: RemoveSchema, prefix: path }),
    );
    return undefined;
  }
  return parsed.data;
}

/** The model as changes are applied: copies, never the caller's objects. */
interface Working {
  departments: Department[];
  employees: Employee[];
  customers: Customer[];
  handoffs: Handoff[];
}

/** Kind of every node id of the working model. */
function nodeKinds(work: Working): Map<string, NodeKind> {
  const kinds = new Map<string, NodeKind>();
  for (const node of work.departments) kinds.set(node.id, 'department');
  for (const node of work.employees) kinds.set(node.id, 'employee');
  for (const node of work.customers) kinds.set(node.id, 'customer');
  return kinds;
}

/** Checks the ratings a change gives against the model's dimensions and scale. */
function checkRatings(
  model: Model,
  ratings: Readonly<Record<string, Rating>> | undefined,
  path: string,
  issues: Issue[],
): void {
  if (ratings === undefined) return;
  const dimensions = ratingDimensions(model);
  const scale = ratingScale(model);
  const inScale = (score: number) => score >= scale.min && score <= scale.max;
  for (const [dimension, rating] of Object.entries(ratings)) {
    const at = `${path}.${dimension}`;
    if (!dimensions.includes(dimension))
      issues.push({
        code: 'unknown_dimension',
        path: at,
        message: `unknown dimension ${JSON.stringify(dimension)}${didYouMean(dimension, dimensions)}`,
      });
    const scores = typeof rating === 'number' ? [rating] : [rating.expected, rating.perceived];
    if (!scores.every(inScale))
      issues.push({
        code: 'rating_out_of_scale',
        path: at,
        message: `rating outside the scale ${scale.min} to ${scale.max}`,
      });
  }
}

/** `a hand-off`, `an actor`. */
function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** An issue for an id that names nothing of the wanted kind, with a suggestion. */
function unknownId(
  what: 'hand-off' | 'actor' | 'customer',
  id: string,
  path: string,
  candidates: Iterable<string>,
  actualKind: NodeKind | undefined,
): Issue {
  if (actualKind !== undefined)
    return {
      code: 'wrong_kind',
      path,
      message: `"${id}" is a ${actualKind}, not ${article(what)}`,
    };
  return {
    code: 'unknown_node',
    path,
    message: `unknown ${what} ${JSON.stringify(id)}${didYouMean(id, candidates)}`,
  };
}

/** Actor ids of the working model, in declaration order. */
function actorIds(work: Working): string[] {
  return [...work.departments.map((d) => d.id), ...work.employees.map((e) => e.id)];
}

/** Applies a `set` to a hand-off; quality and ratings replace each other (MODEL.md section 6). */
function setHandoff(
  work: Working,
  model: Model,
  change: SetHandoff,
  path: string,
  issues: Issue[],
): void {
  const index = work.handoffs.findIndex((h) => handoffId(h) === change.handoff);
  if (index < 0) {
    issues.push(
      unknownId(
        'hand-off',
        change.handoff,
        `${path}.handoff`,
        work.handoffs.map(handoffId),
        undefined,
      ),
    );
    return;
  }
  const { set } = change;
  checkRatings(model, set.ratings, `${path}.set.ratings`, issues);
  if (set.quality !== undefined && set.ratings !== undefined) {
    issues.push({
      code: 'quality_and_ratings',
      path: `${path}.set`,
      message: 'set either quality or ratings, not both',
    });
    return;
  }
  const next: Handoff = { ...work.handoffs[index]! };
  if (set.quality !== undefined) {
    next.quality = set.quality;
    delete next.ratings;
  }
  if (set.ratings !== undefined) {
    next.ratings = set.ratings;
    delete next.quality;
  }
  if (set.weight !== undefined) next.weight = set.weight;
  if (set.carries !== undefined) next.carries = set.carries;
  if (set.group === null) delete next.group;
  else if (set.group !== undefined) next.group = set.group;
  work.handoffs[index] = next;
}

/** Applies a `set` to a department or employee. */
function setActor(work: Working, change: SetActor, path: string, issues: Issue[]): void {
  const list = [work.departments, work.employees] as (Department | Employee)[][];
  for (const nodes of list) {
    const index = nodes.findIndex((node) => node.id === change.actor);
    if (index >= 0) {
      nodes[index] = { ...nodes[index]!, ...change.set };
      return;
    }
  }
  issues.push(
    unknownId(
      'actor',
      change.actor,
      `${path}.actor`,
      actorIds(work),
      nodeKinds(work).get(change.actor),
    ),
  );
}

/** Applies a `set` to an external customer. */
function setCustomer(work: Working, change: SetCustomer, path: string, issues: Issue[]): void {
  const index = work.customers.findIndex((node) => node.id === change.customer);
  if (index < 0) {
    const ids = work.customers.map((c) => c.id);
    issues.push(
      unknownId(
        'customer',
        change.customer,
        `${path}.customer`,
        ids,
        nodeKinds(work).get(change.customer),
      ),
    );
    return;
  }
  work.customers[index] = { ...work.customers[index]!, ...change.set };
}

/** Checks that `id` names a node of one of `kinds`. */
function checkReference(
  kinds: Map<string, NodeKind>,
  id: string | undefined,
  allowed: readonly NodeKind[],
  path: string,
  issues: Issue[],
): void {
  if (id === undefined) return;
  const kind = kinds.get(id);
  if (kind === undefined)
    issues.push({
      code: 'unknown_node',
      path,
      message: `unknown node ${JSON.stringify(id)}${didYouMean(id, kinds.keys())}`,
    });
  else if (!allowed.includes(kind))
    issues.push({
      code: 'wrong_kind',
      path,
      message: `"${id}" is a ${kind}, not ${article(allowed.join(' or '))}`,
    });
}

/** Adds a hand-off or a node. */
function add(work: Working, model: Model, addition: Addition, path: string, issues: Issue[]): void {
  const kinds = nodeKinds(work);
  const before = issues.length;
  if ('handoff' in addition) {
    const handoff = addition.handoff;
    const at = `${path}.add.handoff`;
    checkReference(
      kinds,
      handoff.from,
      ['department', 'employee', 'customer'],
      `${at}.from`,
      issues,
    );
    checkReference(kinds, handoff.to, ['department', 'employee', 'customer'], `${at}.to`, issues);
    if (handoff.from === handoff.to)
      issues.push({
        code: 'self_handoff',
        path: at,
        message: 'a hand-off cannot go from a node to itself',
      });
    if (handoff.quality !== undefined && handoff.ratings !== undefined)
      issues.push({
        code: 'quality_and_ratings',
        path: at,
        message: 'give either quality or ratings, not both',
      });
    checkRatings(model, handoff.ratings, `${at}.ratings`, issues);
    const id = handoffId(handoff);
    if (work.handoffs.some((h) => handoffId(h) === id))
      issues.push({
        code: 'duplicate_handoff',
        path: at,
        message: `hand-off "${id}" already exists; give it a distinct id`,
      });
    if (issues.length === before) work.handoffs.push(handoff);
    return;
  }
  const [kind, node] = Object.entries(addition)[0] as [NodeKind, Department | Employee | Customer];
  const at = `${path}.add.${kind}`;
  if (kinds.has(node.id))
    issues.push({
      code: 'duplicate_id',
      path: `${at}.id`,
      message: `id "${node.id}" is already used by ${article(kinds.get(node.id)!)}`,
    });
  if (kind === 'department')
    checkReference(kinds, (node as Department).parent, ['department'], `${at}.parent`, issues);
  if (kind === 'employee') {
    checkReference(
      kinds,
      (node as Employee).department,
      ['department'],
      `${at}.department`,
      issues,
    );
    checkReference(kinds, (node as Employee).manager, ['employee'], `${at}.manager`, issues);
  }
  if (issues.length > before) return;
  if (kind === 'department') work.departments.push(node as Department);
  else if (kind === 'employee') work.employees.push(node as Employee);
  else work.customers.push(node as Customer);
}

/** Removes a hand-off, or a node with every hand-off touching it and every structural reference to it. */
function remove(work: Working, removal: Removal, path: string, issues: Issue[]): void {
  const kinds = nodeKinds(work);
  if ('handoff' in removal) {
    const index = work.handoffs.findIndex((h) => handoffId(h) === removal.handoff);
    if (index < 0)
      issues.push(
        unknownId(
          'hand-off',
          removal.handoff,
          `${path}.remove.handoff`,
          work.handoffs.map(handoffId),
          undefined,
        ),
      );
    else work.handoffs.splice(index, 1);
    return;
  }
  const id = 'actor' in removal ? removal.actor : removal.customer;
  const what = 'actor' in removal ? 'actor' : 'customer';
  const kind = kinds.get(id);
  const fits =
    what === 'actor' ? kind === 'department' || kind === 'employee' : kind === 'customer';
  if (!fits) {
    const candidates = what === 'actor' ? actorIds(work) : work.customers.map((c) => c.id);
    issues.push(unknownId(what, id, `${path}.remove.${what}`, candidates, kind));
    return;
  }
  work.departments = work.departments
    .filter((d) => d.id !== id)
    .map((d) => (d.parent === id ? withoutKey(d, 'parent') : d));
  work.employees = work.employees
    .filter((e) => e.id !== id)
    .map((e) => {
      let next = e;
      if (next.department === id) next = withoutKey(next, 'department');
      if (next.manager === id) next = withoutKey(next, 'manager');
      return next;
    });
  work.customers = work.customers.filter((c) => c.id !== id);
  work.handoffs = work.handoffs.filter((h) => h.from !== id && h.to !== id);
}

/** A copy of `object` without `key`. */
function withoutKey<T extends object, K extends keyof T>(object: T, key: K): T {
  const copy = { ...object };
  delete copy[key];
  return copy;
}

/** Pushes an issue when a `set` change's id names no hand-off, actor or customer (as `kind` asks). */
function checkSetTarget(
  work: Working,
  kind: 'handoff' | 'actor' | 'customer',
  id: string,
  path: string,
  issues: Issue[],
): void {
  const at = `${path}.${kind}`;
  const kinds = nodeKinds(work);
  if (kind === 'handoff') {
    const ids = work.handoffs.map(handoffId);
    if (!ids.includes(id)) issues.push(unknownId('hand-off', id, at, ids, undefined));
  } else if (kind === 'actor') {
    const found = kinds.get(id);
    if (found !== 'department' && found !== 'employee')
      issues.push(unknownId('actor', id, at, actorIds(work), found));
  } else if (kinds.get(id) !== 'customer') {
    issues.push(
      unknownId(
        'customer',
        id,
        at,
        work.customers.map((c) => c.id),
        kinds.get(id),
      ),
    );
  }
}

/** Applies one validated change to the working model, pushing any reference problems. */
function applyChange(
  work: Working,
  model: Model,
  change: Change,
  path: string,
  issues: Issue[],
): void {
  if ('add' in change) add(work, model, change.add, path, issues);
  else if ('remove' in change) remove(work, change.remove, path, issues);
  else if ('handoff' in change) setHandoff(work, model, change, path, issues);
  else if ('actor' in change) setActor(work, change, path, issues);
  else setCustomer(work, change, path, issues);
}

/** The model with its node and hand-off lists replaced (absent lists stay absent when empty). */
function rebuild(model: Model, work: Working): Model {
  const next: Model = { ...model };
  const lists = ['departments', 'employees', 'customers', 'handoffs'] as const;
  for (const key of lists) {
    const list = work[key];
    if (model[key] === undefined && list.length === 0) delete next[key];
    else (next as Record<string, unknown>)[key] = list;
  }
  return next;
}

/** Labels for error paths: `changes[i]` unless the caller names its changes otherwise. */
export type ChangePaths = (index: number) => string;

const defaultPaths: ChangePaths = (index) => `changes[${index}]`;

/**
 * Checks raw changes (shape, then references in order) and applies them to a copy of the model.
 * Returns every issue found; the model is only meaningful when there are none.
 */
export function tryApplyChanges(
  model: Model,
  changes: readonly unknown[],
  paths: ChangePaths = defaultPaths,
): { model: Model; changes: Change[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const parsed: Change[] = [];
  const work: Working = {
    departments: [...(model.departments ?? [])],
    employees: [...(model.employees ?? [])],
    customers: [...(model.customers ?? [])],
    handoffs: [...(model.handoffs ?? [])],
  };
  changes.forEach((raw, index) => {
    const change = parseChangeShape(work, raw, paths(index), issues);
    if (change === undefined) return;
    parsed.push(change);
    applyChange(work, model, change, paths(index), issues);
  });
  return { model: rebuild(model, work), changes: parsed, issues };
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
  const shape = ScenarioSchema.safeParse(input);
  if (!shape.success)
    throw new ServiceChainError(issuesFromZod(shape.error, { input, schema: ScenarioSchema }));
  const result = tryApplyChanges(model, shape.data.changes);
  if (result.issues.length > 0) throw new ServiceChainError(result.issues);
  const scenario: { name?: string; description?: string; changes: Change[] } = {
    changes: result.changes,
  };
  if (shape.data.name !== undefined) scenario.name = shape.data.name;
  if (shape.data.description !== undefined) scenario.description = shape.data.description;
  return scenario;
}

/** Parses YAML or JSON text (JSON is YAML); a syntax error becomes a `syntax` issue. */
export function parseDocument(text: string, what: string): unknown {
  if (text.trim() === '')
    throw new ServiceChainError([
      { code: 'empty_input', path: '', message: `the ${what} is empty` },
    ]);
  try {
    return parseYaml(text);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new ServiceChainError([{ code: 'syntax', path: '', message: `${what}: ${message}` }]);
  }
}

/** Parses and validates a scenario file's text (YAML or JSON) against a model. */
export function parseScenario(text: string, model: Model): Scenario {
  return validateScenario(parseDocument(text, 'scenario'), model);
}

/** Applies a validated scenario to a copy of the model. */
export function applyScenario(model: Model, scenario: Pick<Scenario, 'changes'>): Model {
  return applyChanges(model, scenario.changes);
}
