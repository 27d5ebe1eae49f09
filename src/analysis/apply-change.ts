/**
 * One change (its shape already checked) applied to the working copy and judged by the model's own
 * validators (docs/cookbook.md, "What-if scenarios"; docs/model-file.md, "Errors"): an addition by the reference checks of
 * the whole copy, a `set` by the ratings checks of the changed element. The copy stays valid: a
 * change with issues is not applied, so every issue the validators find is the change's own, and
 * is reported at the change's path.
 */
import { handoffId } from '../model/defaults.js';
import type { Issue } from '../model/errors.js';
import type { Handoff, Model } from '../model/schema.js';
import { protoKeyIssues } from '../model/shape-issues.js';
import { ratingIssues } from '../model/validate-ratings.js';
import { referenceIssues } from '../model/validate-references.js';
import { findHandoff, findNode } from './change-targets.js';
import type { Addition, Change, HandoffSet, Removal } from './scenario-schema.js';
import {
  append,
  dropLast,
  keepWhere,
  relabelMessage,
  relabelPath,
  type Section,
  type Working,
  withoutKey,
  workingModel,
} from './working-model.js';

/** What applying a change gave: the change with the ids it names (when applied), and its issues. */
export interface Applied {
  readonly change?: Change;
  readonly issues: Issue[];
}

/** Applies one change to the working copy unless the model's validators find a problem. */
export function applyChange(work: Working, change: Change, path: string): Applied {
  if ('add' in change) return add(work, change.add, path);
  if ('remove' in change) return remove(work, change.remove, path);
  if ('handoff' in change) {
    const index = findHandoff(work.handoffs, change.handoff, `${path}.handoff`);
    if (typeof index !== 'number') return { issues: [index] };
    const next = setHandoff(work.handoffs[index]!, change.set);
    const issues = elementIssues(work.base, 'handoffs', next, `${path}.set`);
    if (issues.length === 0) work.handoffs[index] = next;
    return { change: { handoff: handoffId(next), set: change.set }, issues };
  }
  const what = 'actor' in change ? 'actor' : 'customer';
  const name = 'actor' in change ? change.actor : change.customer;
  const found = findNode(work, what, name, `${path}.${what}`);
  if (!('section' in found)) return { issues: [found] };
  const list = work[found.section] as object[];
  const next = { ...list[found.index]!, ...change.set };
  const issues = elementIssues(work.base, found.section, next, `${path}.set`);
  if (issues.length === 0) list[found.index] = next;
  return { change, issues };
}

/** Quality and ratings replace each other (docs/model-file.md, "Hand-offs"); `group: null` ungroups. */
function setHandoff(handoff: Handoff, set: HandoffSet): Handoff {
  let next: Handoff = { ...handoff };
  if (set.quality !== undefined) next.quality = set.quality;
  if (set.ratings !== undefined) next.ratings = set.ratings;
  if (set.quality !== undefined && set.ratings === undefined) next = withoutKey(next, 'ratings');
  if (set.ratings !== undefined && set.quality === undefined) next = withoutKey(next, 'quality');
  if (set.weight !== undefined) next.weight = set.weight;
  if (set.carries !== undefined) next.carries = set.carries;
  if (set.group === null) next = withoutKey(next, 'group');
  else if (set.group !== undefined) next.group = set.group;
  return next;
}

/**
 * The ratings and priorities issues of one changed element, by the model's validators run on a
 * model of that element alone (with the model's dimensions and scale), at `label`.
 */
function elementIssues(base: Model, section: Section, item: object, label: string): Issue[] {
  const probe = {
    version: 1,
    ...(base.dimensions !== undefined && { dimensions: base.dimensions }),
    ...(base.scale !== undefined && { scale: base.scale }),
    [section]: [item],
  };
  const prefix = `${section}[0]`;
  return [...protoKeyIssues(probe), ...ratingIssues(probe)].map((issue) => ({
    ...issue,
    path: `${label}${issue.path.slice(prefix.length)}`,
  }));
}

const SECTION_OF = {
  handoff: 'handoffs',
  department: 'departments',
  employee: 'employees',
  customer: 'customers',
} as const;

/** Adds the element, then keeps it only if the model's reference checks find nothing it caused. */
function add(work: Working, addition: Addition, path: string): Applied {
  const [kind, item] = Object.entries(addition)[0] as [keyof typeof SECTION_OF, never];
  const section = SECTION_OF[kind];
  const label = `${path}.add.${kind}`;
  append(work, section, item, label);
  const model = workingModel(work);
  const issues = [...protoKeyIssues(model), ...referenceIssues(model)]
    .map((issue) => attribute(work, issue, label))
    .filter((issue) => issue !== undefined);
  if (issues.length > 0) dropLast(work, section);
  return { change: { add: addition }, issues };
}

/**
 * An issue of the working copy under the labels, if the addition at `label` caused it: it lies
 * in the new element or names it. A duplicate id the validators report at the other node (it comes
 * later in declaration order) is turned round, so the path is the addition's.
 */
function attribute(work: Working, issue: Issue, label: string): Issue | undefined {
  const path = relabelPath(work, issue.path);
  const message = relabelMessage(work, issue.message);
  const inside = path === label || path.startsWith(`${label}.`) || path.startsWith(`${label}[`);
  if (inside) return { ...issue, path, message };
  if (!message.includes(label)) return undefined;
  if (issue.code !== 'duplicate_id') return { ...issue, path, message };
  const other = path.replace(/\.id$/, '');
  return { ...issue, path: `${label}.id`, message: message.replace(label, other) };
}

/** Removes a hand-off, or a node with every hand-off touching it and every reference to it. */
function remove(work: Working, removal: Removal, path: string): Applied {
  if ('handoff' in removal) {
    const index = findHandoff(work.handoffs, removal.handoff, `${path}.remove.handoff`);
    if (typeof index !== 'number') return { issues: [index] };
    const target = work.handoffs[index]!;
    keepWhere(work, 'handoffs', (h) => h !== target);
    return { change: { remove: { handoff: handoffId(target) } }, issues: [] };
  }
  const what = 'actor' in removal ? 'actor' : 'customer';
  const id = 'actor' in removal ? removal.actor : removal.customer;
  const found = findNode(work, what, id, `${path}.remove.${what}`);
  if (!('section' in found)) return { issues: [found] };
  keepWhere(
    work,
    'departments',
    (d) => d.id !== id,
    (d) => (d.parent === id ? withoutKey(d, 'parent') : d),
  );
  keepWhere(
    work,
    'employees',
    (e) => e.id !== id,
    (e) => {
      let next = e;
      if (next.department === id) next = withoutKey(next, 'department');
      if (next.manager === id) next = withoutKey(next, 'manager');
      return next;
    },
  );
  keepWhere(work, 'customers', (c) => c.id !== id);
  keepWhere(work, 'handoffs', (h) => h.from !== id && h.to !== id);
  return { change: { remove: removal }, issues: [] };
}
