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
  const rows: Row[] = [];
  for (const control of list) {
    const modelled = engine.valueOf(control);
    if (modelled === null) continue;
    const row = controlRow(control, modelled, on);
    rows.push(row);
    tbody.appendChild(row.tr);
  }
  const table = element('table', '', { class: 'x-controls' });
  const head = element('tr');
  for (const title of ['Link', 'Field', 'Value', '', 'Change'])
    head.appendChild(element('th', title, { scope: 'col' }));
  table.append(element('thead'), tbody);
  table.tHead?.appendChild(head);
  host.append(filterInput, table);
  const filter = (text: string) => {
    const wanted = text.trim().toLowerCase();
    for (const row of rows)
      row.tr.hidden = wanted !== '' && !row.control.label.toLowerCase().includes(wanted);
  };
  filterInput.addEventListener('input', () => filter(filterInput.value));
  return {
    show(scenario) {
      for (const row of rows) {
        const set = scenario.get(row.key);
        const value = set?.value ?? row.modelled;
        if (Number(row.slider.value) !== value) row.slider.value = String(value);
        row.output.textContent = value.toFixed(3);
        row.tr.classList.toggle('x-changed', set !== undefined);
      }
    },
    filter(text) {
      filterInput.value = text;
      filter(text);
    },
  };
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
