/**
 * The report's own behaviour in the page's one script: the side panel for a clicked box or arrow,
 * the "show more" buttons of long tables, and sortable tables. Every string is written with
 * textContent, so no model string is ever parsed as HTML.
 */
import type { PanelItem } from '../../../html/panel-data.js';
import { element } from './dom.js';

/** The side panel: `refresh` shows the selected box again after a change. */
export interface Panel {
  refresh(): void;
}

/**
 * Shows a box's or arrow's figures in the side panel on click or Enter: the report's figures as
 * modelled, then what `live(key)` adds while a change is applied (its figures now).
 */
export function bindPanel(
  items: readonly PanelItem[],
  live: (key: string) => readonly (readonly [string, string])[],
): Panel {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const panel = document.getElementById('sc-panel');
  let shown: string | null = null;
  const show = (key: string, target: Element | null) => {
    const item = byKey.get(key);
    if (item === undefined || panel === null) return;
    shown = key;
    if (target !== null) {
      for (const el of document.querySelectorAll('.sc-selected'))
        el.classList.remove('sc-selected');
      target.classList.add('sc-selected');
    }
    panel.textContent = '';
    panel.append(element('div', item.kind, { class: 'kind' }), element('h3', item.name));
    if (item.badge !== undefined)
      panel.append(element('span', item.badge.text, { class: `badge ${item.badge.type}` }));
    const list = element('dl');
    for (const [label, value] of [...item.figures, ...live(key)]) {
      const figure = element('div');
      figure.append(element('dt', label), element('dd', value));
      list.append(figure);
    }
    panel.append(list);
    if (item.note !== undefined) panel.append(element('p', item.note, { class: 'note' }));
  };
  for (const el of document.querySelectorAll('.sc-node, .sc-edge')) {
    const key = el.getAttribute('data-key') ?? '';
    el.addEventListener('click', () => show(key, el));
    el.addEventListener('keydown', (event) => {
      const pressed = (event as KeyboardEvent).key;
      if (pressed === 'Enter' || pressed === ' ') {
        event.preventDefault();
        show(key, el);
      }
    });
  }
  return {
    refresh() {
      if (shown !== null) show(shown, null);
    },
  };
}

/** The "Show all" buttons of long tables: collapse and expand. */
export function bindMoreButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.more')) {
    const table = document.getElementById(button.dataset.table ?? '');
    if (table === null) continue;
    button.addEventListener('click', () => {
      const collapsed = table.classList.toggle('collapsed');
      button.textContent = collapsed ? (button.dataset.more ?? '') : 'Show fewer';
    });
  }
}

/** Sortable tables: a header button sorts by its column, descending first, ties in row order. */
export function bindSortableTables(): void {
  for (const table of document.querySelectorAll<HTMLTableElement>('table.sortable')) {
    const body = table.tBodies[0];
    if (body === undefined) continue;
    for (const header of table.querySelectorAll<HTMLElement>('th[data-sort]')) {
      const button = header.querySelector('button');
      button?.addEventListener('click', () => {
        const column = header.dataset.sort ?? '';
        const descending = header.getAttribute('aria-sort') !== 'descending';
        for (const th of table.querySelectorAll('th[data-sort]')) th.removeAttribute('aria-sort');
        header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        const rows = [...body.rows];
        rows.sort((a, b) => compareRows(a, b, column, descending));
        for (const row of rows) body.appendChild(row);
      });
    }
  }
}

function sortValue(row: HTMLTableRowElement, column: string): number | null {
  const text = row.getAttribute(`data-${column}`);
  return text === null || text === '' ? null : Number(text);
}

/** Rows without a value go last; ties keep the table's own order (`data-order`). */
function compareRows(
  a: HTMLTableRowElement,
  b: HTMLTableRowElement,
  column: string,
  descending: boolean,
): number {
  const order = Number(a.dataset.order) - Number(b.dataset.order);
  const x = sortValue(a, column);
  const y = sortValue(b, column);
  if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || order;
  return (descending ? y - x : x - y) || order;
}
