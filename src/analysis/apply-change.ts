/**
 * A `set` or `remove` (its shape already checked) applied to the working copy (docs/cookbook.md,
 * "What-if scenarios"): what it names is found first; a `set` is then judged by the model's own
 * ratings checks on the changed element. A change with issues is not applied, so the copy stays
 * valid and every issue is the change's own, reported at its path. Additions: additions.ts.
 */
import { handoffId } from '../model/defaults.js';
import { suggestionBudget } from '../model/did-you-mean.js';
import type { Issue } from '../model/errors.js';
import type { Handoff, Model } from '../model/schema.js';
import { protoKeyIssues } from '../model/shape-issues.js';
import { ratingIssues } from '../model/validate-ratings.js';
import { findHandoff, findNode } from './change-targets.js';
import type { Change, HandoffSet, Removal } from './scenario-schema.js';
import { keepWhere, type Section, type Working, withoutKey } from './working-model.js';

/** What applying a change gave: the change with the ids it names (when applied), and its issues. */
export interface Applied {
  readonly change?: Change;
  readonly issues: Issue[];
}

/** Applies one `set` or `remove` to the working copy unless the model's validators find a problem. */
export function applyChange(
  work: Working,
  change: Exclude<Change, { add: unknown }>,
  path: string,
): Applied {
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
  const ratings: Issue[] = [];
  ratingIssues(probe, suggestionBudget(), ratings);
  return [...protoKeyIssues(probe), ...ratings].map((issue) => ({
    ...issue,
    path: `${label}${issue.path.slice(prefix.length)}`,
  }));
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
