/**
 * Additions judged by the model's own validators (docs/cookbook.md, "What-if scenarios";
 * docs/model-file.md, "Errors"). A run of consecutive additions is added to the working copy and
 * the copy is checked once (the reference checks are linear in the model, so once per run keeps a
 * scenario that adds many nodes linear too). Every issue found is given to the addition it lies in
 * or names, at that addition's path; refused additions leave the copy.
 */
import type { Issue } from '../model/errors.js';
import { protoKeyIssues } from '../model/shape-issues.js';
import { referenceIssues } from '../model/validate-references.js';
import type { Addition } from './scenario-schema.js';
import {
  append,
  relabelMessage,
  relabelPath,
  type Section,
  type Working,
  workingModel,
} from './working-model.js';

/** An addition in the working copy, not yet judged. */
export interface Pending {
  readonly section: Section;
  /** What the new element is called in issues: `changes[2].add.handoff`. */
  readonly label: string;
  /** The change's place in the scenario. */
  readonly change: number;
}

const SECTION_OF = {
  handoff: 'handoffs',
  department: 'departments',
  employee: 'employees',
  customer: 'customers',
} as const;

/** Appends the added element to the working copy (judged later by `settleAdditions`). */
export function addElement(
  work: Working,
  addition: Addition,
  path: string,
  change: number,
): Pending {
  const [kind, item] = Object.entries(addition)[0] as [keyof typeof SECTION_OF, never];
  const section = SECTION_OF[kind];
  const label = `${path}.add.${kind}`;
  append(work, section, item, label);
  return { section, label, change };
}

/** One issue and the change it belongs to. */
export interface Owned {
  readonly change: number;
  readonly issue: Issue;
}

/** Judges the pending additions at once; drops the refused ones from the copy. */
export function settleAdditions(work: Working, pending: readonly Pending[]): Owned[] {
  if (pending.length === 0) return [];
  const model = workingModel(work);
  const owned: { owner: Pending; issue: Issue }[] = [];
  for (const issue of [...protoKeyIssues(model), ...referenceIssues(model)]) {
    const found = attribute(work, issue, pending);
    if (found !== undefined) owned.push(found);
  }
  const refused = new Set(owned.map(({ owner }) => owner));
  for (const owner of [...refused].reverse()) {
    const at = work.labels[owner.section].lastIndexOf(owner.label);
    work[owner.section].splice(at, 1);
    work.labels[owner.section].splice(at, 1);
  }
  return owned.map(({ owner, issue }) => ({ change: owner.change, issue }));
}

function inside(path: string, label: string): boolean {
  return path === label || path.startsWith(`${label}.`) || path.startsWith(`${label}[`);
}

/**
 * An issue of the working copy under the labels, with the addition that caused it: the one it
 * lies in, else the last one it names (the copy was valid before the additions, so an issue that
 * touches none of them is not theirs). A duplicate id belongs to the later of its two
 * declarations in scenario order; the validators report it at the later one in declaration order,
 * so it may have to be turned round.
 */
function attribute(
  work: Working,
  issue: Issue,
  pending: readonly Pending[],
): { owner: Pending; issue: Issue } | undefined {
  const path = relabelPath(work, issue.path);
  const message = relabelMessage(work, issue.message);
  const owner = pending.find((p) => inside(path, p.label));
  const named = pending.filter((p) => p !== owner && message.includes(p.label)).at(-1);
  if (issue.code === 'duplicate_id' && named !== undefined) {
    if (owner === undefined || named.change > owner.change) {
      const other = path.replace(/\.id$/, '');
      return {
        owner: named,
        issue: {
          ...issue,
          path: `${named.label}.id`,
          message: message.replace(named.label, other),
        },
      };
    }
  }
  const by = owner ?? named;
  return by === undefined ? undefined : { owner: by, issue: { ...issue, path, message } };
}
