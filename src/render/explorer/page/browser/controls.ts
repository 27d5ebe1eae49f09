/**
 * The sliders: one row per link field (a hand-off's quality, an actor's performance and welfare),
 * each an `<input type="range">` with `data-link` (the hand-off's or actor's id) and `data-field`,
 * with buttons to break the link (0), fix it (1) or undo the change; a filter by name.
 */
import type { ExplorerControl } from '../../explorer-data.js';
import type { ExplorerEngine } from '../compute.js';
import { controlKey, type Scenario } from '../scenario.js';
import { element } from './dom.js';

/** What the page tells the controls and hears from them. */
export interface Controls {
  /** Shows each slider at its scenario value (or its value as modelled). */
  show(scenario: Scenario): void;
  /** Shows only the rows whose name contains `text` (empty: all). */
  filter(text: string): void;
}

const FIELD_NAMES = { quality: 'Quality', performance: 'Performance', welfare: 'Welfare' } as const;

interface Row {
  readonly control: ExplorerControl;
  readonly key: string;
  readonly modelled: number;
  readonly tr: HTMLTableRowElement;
  readonly slider: HTMLInputElement;
  readonly output: HTMLOutputElement;
}

/**
 * Rows the table lists at once. A large model has thousands of link fields: the table lists the
 * first ones that match the filter (and every changed one), and the filter finds the rest, so the
 * page stays quick whatever the model's size.
 */
export const CONTROL_ROWS = 200;

/** Builds the controls table into `host`; `set(control, null)` undoes a change. */
export function createControls(
  host: HTMLElement,
  list: readonly ExplorerControl[],
  engine: ExplorerEngine,
  on: { set(control: ExplorerControl, value: number | null): void },
): Controls {
  const filterInput = element('input', '', {
    type: 'search',
    placeholder: 'Filter links by name',
    'aria-label': 'Filter links by name',
    id: 'sc-controls-filter',
  });
  const tbody = element('tbody');
  const known: { control: ExplorerControl; key: string; modelled: number }[] = [];
  for (const control of list) {
    const modelled = engine.valueOf(control);
    if (modelled !== null) known.push({ control, key: controlKey(control), modelled });
  }
  const keys = new Set(known.map((entry) => entry.key));
  const built = new Map<string, Row>();
  const listed = new Set<string>();
  const rowOf = (entry: (typeof known)[number]) => {
    let row = built.get(entry.key);
    if (row === undefined) {
      row = controlRow(entry.control, entry.modelled, on);
      built.set(entry.key, row);
    }
    return row;
  };
  const table = element('table', '', { class: 'x-controls' });
  const head = element('tr');
  for (const title of ['Link', 'Field', 'Value', '', 'Change'])
    head.appendChild(element('th', title, { scope: 'col' }));
  table.append(element('thead'), tbody);
  table.tHead?.appendChild(head);
  const note = element('p', '', { class: 'hint', id: 'sc-controls-note' });
  host.append(filterInput, table, note);
  let wanted = '';
  let scenario: Scenario = new Map();
  // The rows listed: the changed ones and the first CONTROL_ROWS that match, in the model's order.
  const relist = () => {
    let matching = 0;
    let plain = 0;
    tbody.textContent = '';
    listed.clear();
    for (const entry of known) {
      const matches = wanted === '' || entry.control.label.toLowerCase().includes(wanted);
      if (matches) matching++;
      if (!scenario.has(entry.key) && !(matches && plain < CONTROL_ROWS)) continue;
      if (matches && !scenario.has(entry.key)) plain++;
      const row = rowOf(entry);
      update(row, scenario);
      tbody.appendChild(row.tr);
      listed.add(entry.key);
    }
    note.textContent =
      matching > CONTROL_ROWS
        ? `Showing ${CONTROL_ROWS.toLocaleString('en')} of ${matching.toLocaleString('en')} link fields${wanted === '' ? '' : ' that match'}: filter by name to find the others.`
        : '';
  };
  filterInput.addEventListener('input', () => {
    wanted = filterInput.value.trim().toLowerCase();
    relist();
  });
  relist();
  return {
    show(next) {
      scenario = next;
      // A changed link always has its row listed; a row already listed stays in place (moving
      // it would take the focus from a slider being moved).
      if ([...next.keys()].some((key) => keys.has(key) && !listed.has(key))) relist();
      else for (const key of listed) update(built.get(key)!, scenario);
    },
    filter(text) {
      filterInput.value = text;
      wanted = text.trim().toLowerCase();
      relist();
    },
  };
}

function update(row: Row, scenario: Scenario): void {
  const set = scenario.get(row.key);
  const value = set !== undefined && set.type !== 'add' ? set.value : row.modelled;
  if (Number(row.slider.value) !== value) row.slider.value = String(value);
  row.output.textContent = value.toFixed(3);
  row.tr.classList.toggle('x-changed', set !== undefined);
}

function controlRow(
  control: ExplorerControl,
  modelled: number,
  on: { set(control: ExplorerControl, value: number | null): void },
): Row {
  const field = FIELD_NAMES[control.field];
  const slider = element('input', '', {
    type: 'range',
    min: '0',
    max: '1',
    step: '0.01',
    value: String(modelled),
    'data-link': control.id,
    'data-field': control.field,
    'aria-label': `${field} of ${control.label}`,
  });
  const output = element('output', modelled.toFixed(3));
  slider.addEventListener('input', () => on.set(control, Number(slider.value)));
  const button = (text: string, action: string, value: number | null) => {
    const b = element('button', text, {
      type: 'button',
      'data-action': action,
      'data-link': control.id,
      'data-field': control.field,
      'aria-label': `${text}: ${field.toLowerCase()} of ${control.label}`,
    });
    b.addEventListener('click', () => on.set(control, value));
    return b;
  };
  const actions = element('span', '', { class: 'x-actions' });
  actions.append(
    button('Break', 'break', 0),
    button('Fix', 'fix', 1),
    button('Undo', 'undo', null),
  );
  const tr = element('tr');
  for (const cell of [element('td', control.label), element('td', field)]) tr.appendChild(cell);
  const valueCell = element('td');
  valueCell.append(slider);
  const outputCell = element('td', '', { class: 'num' });
  outputCell.append(output);
  const actionCell = element('td');
  actionCell.append(actions);
  tr.append(valueCell, outputCell, actionCell);
  return { control, key: controlKey(control), modelled, tr, slider, output };
}
