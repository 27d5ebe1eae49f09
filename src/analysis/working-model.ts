/**
 * The working copy a scenario is applied to (docs/cookbook.md, "What-if scenarios"): the model's node and
 * hand-off lists, copied (never the caller's arrays), each element with the label a user knows it
 * by: its place in the model file (`handoffs[3]`) or the change that added it
 * (`changes[2].add.handoff`). Issues the model's validators find in the copy are reported under
 * these labels.
 */
import type { Customer, Department, Employee, Handoff, Model } from '../model/schema.js';

/** The list sections of a model a scenario can change. */
export const SECTIONS = ['departments', 'employees', 'customers', 'handoffs'] as const;
export type Section = (typeof SECTIONS)[number];

/** The model as changes are applied. */
export interface Working {
  readonly base: Model;
  departments: Department[];
  employees: Employee[];
  customers: Customer[];
  handoffs: Handoff[];
  /** `labels[section][i]`: what to call element i of that section in an issue. */
  readonly labels: Record<Section, string[]>;
}

/** A working copy of a model, every element labelled by its path in the model. */
export function workingCopy(model: Model): Working {
  const labels = {} as Record<Section, string[]>;
  for (const section of SECTIONS)
    labels[section] = (model[section] ?? []).map((_, i) => `${section}[${i}]`);
  return {
    base: model,
    departments: [...(model.departments ?? [])],
    employees: [...(model.employees ?? [])],
    customers: [...(model.customers ?? [])],
    handoffs: [...(model.handoffs ?? [])],
    labels,
  };
}

/** The model with its lists replaced by the working ones (absent lists stay absent when empty). */
export function workingModel(work: Working): Model {
  const next: Model = { ...work.base };
  for (const section of SECTIONS) {
    const list = work[section];
    if (work.base[section] === undefined && list.length === 0) delete next[section];
    else (next as Record<string, unknown>)[section] = list;
  }
  return next;
}

/** Appends an element with its label; returns its index. */
export function append<S extends Section>(
  work: Working,
  section: S,
  item: Working[S][number],
  label: string,
): number {
  (work[section] as Working[S][number][]).push(item);
  work.labels[section].push(label);
  return work[section].length - 1;
}

/** Keeps the elements of a section that pass `keep`, with their labels; `map` may edit the kept ones. */
export function keepWhere<S extends Section>(
  work: Working,
  section: S,
  keep: (item: Working[S][number]) => boolean,
  map: (item: Working[S][number]) => Working[S][number] = (item) => item,
): void {
  const items: Working[S][number][] = [];
  const labels: string[] = [];
  (work[section] as Working[S][number][]).forEach((item, i) => {
    if (!keep(item)) return;
    items.push(map(item));
    labels.push(work.labels[section][i]!);
  });
  (work as unknown as Record<S, Working[S][number][]>)[section] = items;
  work.labels[section] = labels;
}

/** A copy of `object` without `key`. */
export function withoutKey<T extends object, K extends keyof T>(object: T, key: K): T {
  const copy = { ...object };
  delete copy[key];
  return copy;
}

const ELEMENT = /^(departments|employees|customers|handoffs)\[(\d+)\]/;
/** Where a validator's message names another element: "already declared at x", "(also x)". */
const MENTION = /(?<=\b(?:at|also) )(departments|employees|customers|handoffs)\[(\d+)\]/g;

function label(work: Working, whole: string, section: string, index: string): string {
  return work.labels[section as Section][Number(index)] ?? whole;
}

/** A working path (`handoffs[7].to`) under the labels (`changes[2].add.handoff.to`). */
export function relabelPath(work: Working, path: string): string {
  return path.replace(ELEMENT, (whole, section: string, index: string) =>
    label(work, whole, section, index),
  );
}

/** A validator's message with the elements it mentions under their labels. */
export function relabelMessage(work: Working, message: string): string {
  return message.replace(MENTION, (whole, section: string, index: string) =>
    label(work, whole, section, index),
  );
}
