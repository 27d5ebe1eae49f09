/**
 * The add-a-hand-off form: pick the actor that hands off, the node that receives, a quality; the
 * scenario gains `add: { handoff: { from, to, quality } }` (docs/explorer.md). What the model
 * cannot take (a hand-off to itself, a pair it already has) is refused with a plain message.
 * Each added hand-off is listed with a slider of its quality and a Remove button.
 */
import type { ExplorerEngine } from '../compute.js';
import { type AddedHandoff, addKey, type Scenario } from '../scenario.js';
import { element } from './dom.js';

/** What the page tells the form and hears from it. */
export interface AddForm {
  /** Lists the scenario's added hand-offs, each with a Remove button. */
  show(scenario: Scenario): void;
}

/** Builds the form into `host`: `add` for a hand-off the model can take, `remove` to drop one. */
export function createAddForm(
  host: HTMLElement,
  engine: ExplorerEngine,
  names: ReadonlyMap<string, string>,
  on: { add(from: string, to: string, value: number): void; remove(change: AddedHandoff): void },
): AddForm {
  const { chain } = engine;
  const name = (id: string) => names.get(id) ?? id;
  const select = (id: string, label: string, nodes: readonly string[]) => {
    const list = element('select', '', { id, name: id });
    for (const node of nodes) list.append(element('option', name(node), { value: node }));
    const wrap = element('label', `${label} `, { for: id });
    return { list, wrap };
  };
  const actors = chain.ids.slice(0, chain.actorCount);
  const from = select('sc-add-from', 'From', actors);
  const to = select('sc-add-to', 'To', [...chain.ids]);
  if (chain.nodeCount > 1) to.list.selectedIndex = chain.nodeCount - 1;
  const quality = element('input', '', {
    id: 'sc-add-quality',
    type: 'number',
    min: '0',
    max: '1',
    step: '0.01',
    value: '0.9',
  });
  const status = element('span', '', { id: 'sc-add-status', class: 'hint', 'aria-live': 'polite' });
  const form = element('form', '', { id: 'sc-add-form', class: 'x-add' });
  form.append(
    from.wrap,
    from.list,
    ' ',
    to.wrap,
    to.list,
    ' ',
    element('label', 'Quality ', { for: 'sc-add-quality' }),
    quality,
    ' ',
    element('button', 'Add hand-off', { type: 'submit', 'data-action': 'add' }),
    ' ',
    status,
  );
  const added = element('ul', '', { id: 'sc-added', class: 'x-added' });
  host.append(form, added);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const source = from.list.value;
    const target = to.list.value;
    const value = Number(quality.value);
    status.textContent = refusal(engine, source, target, value, name) ?? '';
    if (status.textContent === '') on.add(source, target, value);
  });
  const items = new Map<string, AddedItem>();
  return {
    show(scenario) {
      const wanted = new Set<string>();
      for (const change of scenario.values()) {
        if (change.type !== 'add') continue;
        const key = addKey(change.from, change.to);
        wanted.add(key);
        const item = items.get(key) ?? addedItem(change, name, on);
        if (!items.has(key)) {
          items.set(key, item);
          added.append(item.li);
        }
        item.show(change.value);
      }
      for (const [key, item] of items) {
        if (wanted.has(key)) continue;
        item.li.remove();
        items.delete(key);
      }
    },
  };
}

/** One added hand-off in the list: its name, a slider of its quality and a Remove button. */
interface AddedItem {
  readonly li: HTMLLIElement;
  show(value: number): void;
}

/**
 * Kept while the hand-off stays in the scenario (the list is not rebuilt on every change, so a
 * slider being dragged is not replaced under the pointer).
 */
function addedItem(
  change: AddedHandoff,
  name: (id: string) => string,
  on: { add(from: string, to: string, value: number): void; remove(change: AddedHandoff): void },
): AddedItem {
  const pair = `${name(change.from)} → ${name(change.to)}`;
  const label = element('span', '');
  const slider = element('input', '', {
    type: 'range',
    min: '0',
    max: '1',
    step: '0.01',
    value: String(change.value),
    'data-action': 'added-quality',
    'aria-label': `Quality of the added hand-off ${pair}`,
  });
  slider.addEventListener('input', () => on.add(change.from, change.to, Number(slider.value)));
  const remove = element('button', 'Remove', {
    type: 'button',
    'data-action': 'remove-add',
    'aria-label': `Remove the added hand-off ${pair}`,
  });
  remove.addEventListener('click', () => on.remove(change));
  const li = element('li');
  li.append(label, slider, remove);
  return {
    li,
    show(value) {
      label.textContent = `${pair}, quality ${value.toFixed(2)}`;
      if (Number(slider.value) !== value) slider.value = String(value);
    },
  };
}

/** Why the model cannot take this hand-off, or null when it can. */
function refusal(
  engine: ExplorerEngine,
  from: string,
  to: string,
  value: number,
  name: (id: string) => string,
): string | null {
  if (!(value >= 0 && value <= 1)) return 'The quality is a number from 0 to 1.';
  if (from === to) return `A hand-off cannot go from ${name(from)} to itself.`;
  if (engine.chain.handoffIndex.has(`${from}->${to}`))
    return `${name(from)} already hands off to ${name(to)}: use its slider.`;
  if (!engine.canAdd(from, to)) return 'This hand-off cannot be added to the model.';
  return null;
}
