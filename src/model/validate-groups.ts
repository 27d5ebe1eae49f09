/**
 * Checks of the top-level `groups` list (docs/model.md, "k-of-n alternatives"): each entry names a
 * declared receiver and one of its input groups, at most once, and needs no more hand-offs than the
 * group has. The shape check has already said whether `need` is a whole number >= 1. Reads raw
 * input leniently (see declared-nodes.ts); linear in the hand-offs and entries.
 */
import { type DeclaredNodes, field, isLoose, type Loose, section, text } from './declared-nodes.js';
import { Suggester, type SuggestionBudget } from './did-you-mean.js';
import type { Issue } from './errors.js';

/** Hand-offs per group name, per receiver id, in declaration order of the names. */
type GroupSizes = Map<string, Map<string, number>>;

/** Appends every issue of the `groups` entries of a raw model. */
export function groupIssues(
  input: Loose,
  nodes: DeclaredNodes,
  budget: SuggestionBudget,
  issues: Issue[],
): void {
  const entries = section(input, 'groups');
  if (entries.length === 0) return;
  const sizes = groupSizes(section(input, 'handoffs'));
  const seen = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (!isLoose(entry)) continue;
    const to = text(entry, 'to');
    const group = text(entry, 'group');
    if (to === undefined) continue;
    if (!nodes.number.has(to)) {
      const message = `unknown node ${JSON.stringify(to)}${nodes.didYouMean(to)}`;
      issues.push({ code: 'unknown_node', path: `groups[${i}].to`, message });
      continue;
    }
    if (group === undefined) continue;
    const n = sizes.get(to)?.get(group) ?? 0;
    if (n === 0) {
      issues.push(unknownGroup(i, to, group, sizes.get(to), budget));
      continue;
    }
    const key = JSON.stringify([to, group]);
    const first = seen.get(key);
    if (first !== undefined) {
      const message = `group ${JSON.stringify(group)} into ${JSON.stringify(to)} is already listed at groups[${first}]`;
      issues.push({ code: 'duplicate_group', path: `groups[${i}]`, message });
      continue;
    }
    seen.set(key, i);
    const need = field(entry, 'need');
    if (typeof need === 'number' && Number.isInteger(need) && need > n) {
      const message = `needs ${need} of the ${plural(n)} in group ${JSON.stringify(group)} into ${JSON.stringify(to)}: at most ${n}`;
      issues.push({ code: 'out_of_range', path: `groups[${i}].need`, message });
    }
  }
}

/** How many hand-offs each (receiver, group) has, from the well-formed hand-offs. */
function groupSizes(handoffs: readonly unknown[]): GroupSizes {
  const sizes: GroupSizes = new Map();
  for (const item of handoffs) {
    if (!isLoose(item)) continue;
    const to = text(item, 'to');
    const group = text(item, 'group');
    if (to === undefined || group === undefined) continue;
    let groups = sizes.get(to);
    if (groups === undefined) {
      groups = new Map();
      sizes.set(to, groups);
    }
    groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  return sizes;
}

/** No hand-off into `to` has this group: suggest one of its own group names. */
function unknownGroup(
  i: number,
  to: string,
  group: string,
  names: ReadonlyMap<string, number> | undefined,
  budget: SuggestionBudget,
): Issue {
  const hint = names === undefined ? '' : new Suggester(names.keys(), budget).didYouMean(group);
  const message =
    names === undefined
      ? `no hand-off into ${JSON.stringify(to)} has a group; give its alternatives \`group: ${group}\``
      : `no hand-off into ${JSON.stringify(to)} has group ${JSON.stringify(group)}${hint}`;
  return { code: 'unknown_group', path: `groups[${i}].group`, message };
}

function plural(n: number): string {
  return n === 1 ? '1 hand-off' : `${n} hand-offs`;
}
