/**
 * The declared nodes of a model, read from raw input that may be partly malformed: the reference
 * checks run even when the shape check failed, so a user sees every error at once. Only
 * well-formed parts are read; anything else is left to the shape check. Nodes are numbered in
 * declaration order (departments, employees, customers), so later checks work on integers.
 */
import { Suggester, type SuggestionBudget } from './did-you-mean.js';
import type { Issue } from './errors.js';

/** A node kind (docs/model-file.md, "Every field"). */
export type NodeKind = 'department' | 'employee' | 'customer';

/** A raw mapping from the input. */
export type Loose = { readonly [key: string]: unknown };

/** The sections that declare nodes, in declaration order. */
export const NODE_SECTIONS = [
  ['departments', 'department'],
  ['employees', 'employee'],
  ['customers', 'customer'],
] as const;

/** Whether a raw value is a mapping (not null, not a list). */
export function isLoose(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list section as written, or an empty list when it is absent or not a list. */
export function section(input: Loose, name: string): readonly unknown[] {
  const list = Object.hasOwn(input, name) ? input[name] : undefined;
  return Array.isArray(list) ? list : [];
}

/** A field that holds a non-empty string, else undefined. */
export function text(item: Loose, key: string): string | undefined {
  const value = item[key];
  // Own keys only; checked after the cheap test, since most fields read are own strings.
  return typeof value === 'string' && value !== '' && Object.hasOwn(item, key) ? value : undefined;
}

/** A field's raw value, own properties only (so `constructor` is never inherited). */
export function field(item: Loose, key: string): unknown {
  return Object.hasOwn(item, key) ? item[key] : undefined;
}

const KINDS: readonly NodeKind[] = ['department', 'employee', 'customer'];
const ARROW = '->';

/**
 * The first entry of each id within one section, numbered in list order: what a parent or
 * manager chain follows. Ids first declared in the section are its nodes; an id already declared
 * in an earlier section (a duplicate_id) still counts here, as in the list itself.
 */
export interface SectionEntries {
  /** Position in the list of each entry, by entry number. */
  readonly positions: readonly number[];
  /** Entry numbers in list order. */
  readonly order: readonly number[];
  /** The entry number of an id, if the section declares it. */
  entryOf(id: string): number | undefined;
}

/**
 * Every declared id, numbered in declaration order, with its kind and position; the first
 * declaration of an id wins and later ones are duplicate_id issues. Suggestions for unknown ids
 * are indexed once per kind, on first need, and share one budget.
 */
export class DeclaredNodes {
  /** Node number of each id. */
  readonly number = new Map<string, number>();
  /** Per node: index into NODE_SECTIONS / KINDS. */
  private readonly kinds: number[] = [];
  /** Per node: its index in its section's list. */
  private readonly positions: number[] = [];
  /** Per node: whether its id contains `->` (see hasArrow). */
  private readonly arrows: boolean[] = [];
  private readonly ids: string[] = [];
  private readonly sections: SectionEntries[] = [];
  private readonly suggesters = new Map<NodeKind | 'any', Suggester>();
  readonly issues: Issue[] = [];

  constructor(
    input: Loose,
    private readonly budget: SuggestionBudget,
  ) {
    for (let k = 0; k < NODE_SECTIONS.length; k++) this.sections.push(this.read(input, k));
  }

  /** Reads one section: its new nodes, its duplicate ids, and its entries. */
  private read(input: Loose, k: number): SectionEntries {
    const name = NODE_SECTIONS[k]![0];
    const list = section(input, name);
    const firstNode = this.ids.length;
    // Ids of this section first declared in an earlier one: entry number and list position.
    const shadowed = new Map<string, number>();
    const shadowedPositions: number[] = [];
    const order: number[] = [];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (!isLoose(item)) continue;
      const id = text(item, 'id');
      if (id === undefined) continue;
      const first = this.number.get(id);
      if (first === undefined) {
        order.push(this.ids.length - firstNode);
        this.add(id, k, i);
        continue;
      }
      this.issues.push(duplicateId(id, this.pathOf(first), `${name}[${i}].id`));
      if (this.kinds[first] === k || shadowed.has(id)) continue;
      // Numbered after the section's own nodes once their count is known (-1 - index for now).
      shadowed.set(id, shadowedPositions.length);
      order.push(-1 - shadowedPositions.length);
      shadowedPositions.push(i);
    }
    const own = this.ids.length - firstNode;
    const positions = this.positions.slice(firstNode).concat(shadowedPositions);
    for (let j = 0; j < order.length; j++) if (order[j]! < 0) order[j] = own - 1 - order[j]!;
    const entryOf = (id: string): number | undefined => {
      const node = this.number.get(id);
      if (node !== undefined && this.kinds[node] === k) return node - firstNode;
      const j = shadowed.get(id);
      return j === undefined ? undefined : own + j;
    };
    return { positions, order, entryOf };
  }

  private add(id: string, kind: number, position: number): void {
    this.number.set(id, this.ids.length);
    this.ids.push(id);
    this.kinds.push(kind);
    this.positions.push(position);
    this.arrows.push(id.includes(ARROW));
  }

  /** The kind of a node number. */
  kindOf(node: number): NodeKind {
    return KINDS[this.kinds[node]!]!;
  }

  /** Whether a node's id contains `->`, so `a->b` may be split more than one way. */
  hasArrow(node: number): boolean {
    return this.arrows[node]!;
  }

  /** Where a node is declared, e.g. `departments[0]`. */
  pathOf(node: number): string {
    return `${NODE_SECTIONS[this.kinds[node]!]![0]}[${this.positions[node]}]`;
  }

  /** The entries of one section (departments, employees or customers). */
  entries(kind: NodeKind): SectionEntries {
    return this.sections[KINDS.indexOf(kind)]!;
  }

  /** ` (did you mean "x"?)` among the ids of one kind (or all), or ''. */
  didYouMean(word: string, kind?: NodeKind): string {
    const key = kind ?? 'any';
    let suggester = this.suggesters.get(key);
    if (suggester === undefined) {
      suggester = new Suggester(this.idsOfKind(kind), this.budget);
      this.suggesters.set(key, suggester);
    }
    return suggester.didYouMean(word);
  }

  /** The ids of one kind (or all), in declaration order. */
  private idsOfKind(kind: NodeKind | undefined): string[] {
    if (kind === undefined) return this.ids;
    const wanted = KINDS.indexOf(kind);
    const ids: string[] = [];
    for (let n = 0; n < this.ids.length; n++) if (this.kinds[n] === wanted) ids.push(this.ids[n]!);
    return ids;
  }
}

function duplicateId(id: string, first: string, path: string): Issue {
  return {
    code: 'duplicate_id',
    path,
    message: `duplicate id ${JSON.stringify(id)}: already declared at ${first} (ids are unique across departments, employees and customers)`,
  };
}
