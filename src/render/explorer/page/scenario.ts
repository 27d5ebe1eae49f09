/**
 * The explorer's scenario: the values the room has set and the hand-offs it has added, in the
 * order they were first made, and its two written forms — the URL fragment that reopens the page
 * in the same state, and the scenario YAML that `service-chain what-if --scenario` reads
 * (docs/model.md, "What-if scenarios and plans"). Pure: no DOM, so the tests run it in Node.
 */
import type { ExplorerControl, ExplorerField } from '../explorer-data.js';

/** One value set by the room. */
export interface SetValue {
  readonly type: 'handoff' | 'actor';
  readonly id: string;
  readonly field: ExplorerField;
  readonly value: number;
}

/** One hand-off added by the room: from an actor to a node, at a quality. */
export interface AddedHandoff {
  readonly type: 'add';
  readonly from: string;
  readonly to: string;
  readonly value: number;
}

/** One change of the page's scenario. */
export type PageChange = SetValue | AddedHandoff;

/** The key of a control or a set value: one per link field. */
export function controlKey(control: Pick<ExplorerControl, 'type' | 'id' | 'field'>): string {
  return `${control.type}\u0000${control.id}\u0000${control.field}`;
}

/** The key of an added hand-off: one per pair of nodes. */
export function addKey(from: string, to: string): string {
  return `add\u0000${from}\u0000${to}`;
}

/** The key of any change. */
export function changeKey(change: PageChange): string {
  return change.type === 'add' ? addKey(change.from, change.to) : controlKey(change);
}

/** A scenario: changes by key, in first-made order (a Map keeps it). */
export type Scenario = Map<string, PageChange>;

/** What the page's model lets a fragment hold: its controls, and which hand-offs may be added. */
export interface KnownChanges {
  readonly controls: ReadonlySet<string>;
  canAdd(from: string, to: string): boolean;
}

/** Values are kept to 4 decimals (a slider's step is 0.01): the same number in page and YAML. */
export function roundValue(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;
}

/** The fragment for a scenario: `#set=` and the changes as JSON, URI-encoded; empty when none. */
export function toFragment(scenario: Scenario): string {
  if (scenario.size === 0) return '';
  const list = [...scenario.values()].map((s) =>
    s.type === 'add' ? ['add', s.from, s.to, s.value] : [s.type, s.id, s.field, s.value],
  );
  return `#set=${encodeURIComponent(JSON.stringify(list))}`;
}

/**
 * The scenario a fragment holds, keeping only values that name a known control, additions the
 * model can take, and values in [0, 1]; what was dropped is counted, so the page can say so.
 */
export function fromFragment(
  fragment: string,
  known: KnownChanges,
): { scenario: Scenario; dropped: number } {
  const scenario: Scenario = new Map();
  const match = /^#set=(.*)$/s.exec(fragment);
  if (match === null) return { scenario, dropped: 0 };
  let list: unknown;
  try {
    list = JSON.parse(decodeURIComponent(match[1]!));
  } catch {
    return { scenario, dropped: 1 };
  }
  if (!Array.isArray(list)) return { scenario, dropped: 1 };
  let dropped = 0;
  for (const entry of list) {
    const change = changeOf(entry);
    const ok =
      change !== null &&
      (change.type === 'add'
        ? known.canAdd(change.from, change.to)
        : known.controls.has(controlKey(change)));
    if (ok) scenario.set(changeKey(change), change);
    else dropped++;
  }
  return { scenario, dropped };
}

function changeOf(entry: unknown): PageChange | null {
  if (!Array.isArray(entry) || entry.length !== 4) return null;
  const [type, id, field, value] = entry as unknown[];
  if (typeof id !== 'string' || typeof field !== 'string' || typeof value !== 'number') return null;
  if (!(value >= 0 && value <= 1)) return null;
  if (type === 'add') return { type, from: id, to: field, value };
  if (type !== 'handoff' && type !== 'actor') return null;
  const fields = type === 'handoff' ? ['quality'] : ['performance', 'welfare'];
  if (!fields.includes(field)) return null;
  return { type, id, field: field as ExplorerField, value };
}

/**
 * The scenario as YAML for `what-if --scenario`: one change per link, its fields together, then
 * one `add` per added hand-off. Ids are written as JSON strings, which YAML reads as the same
 * double-quoted strings.
 */
export function toScenarioYaml(scenario: Scenario, modelName: string): string {
  const byLink = new Map<string, { type: string; id: string; set: [string, number][] }>();
  const added: AddedHandoff[] = [];
  for (const s of scenario.values()) {
    if (s.type === 'add') {
      added.push(s);
      continue;
    }
    const key = `${s.type}\u0000${s.id}`;
    const entry = byLink.get(key) ?? { type: s.type, id: s.id, set: [] };
    entry.set.push([s.field, s.value]);
    byLink.set(key, entry);
  }
  const lines = [
    `# What-if scenario from the service-chain explorer for ${oneLine(modelName)}.`,
    '# Run it with: service-chain what-if <model> --scenario <this file>',
  ];
  if (scenario.size === 0) return [...lines, 'changes: []', ''].join('\n');
  lines.push('changes:');
  for (const { type, id, set } of byLink.values()) {
    const fields = set.map(([field, value]) => `${field}: ${value}`).join(', ');
    lines.push(`  - { ${type}: ${JSON.stringify(id)}, set: { ${fields} } }`);
  }
  for (const { from, to, value } of added)
    lines.push(
      `  - { add: { handoff: { from: ${JSON.stringify(from)}, to: ${JSON.stringify(to)}, quality: ${value} } } }`,
    );
  return [...lines, ''].join('\n');
}

/** A name on one comment line: line breaks and other controls become spaces. */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}
