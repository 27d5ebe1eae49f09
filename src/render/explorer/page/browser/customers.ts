/**
 * The customers table, before -> after: each external customer's service as modelled and with the
 * scenario, the change, its chain strength and its weakest link now. A row click traces that
 * customer's weakest-link chain in the diagram.
 */
import type { CompiledChain } from '../../../../engine/types.js';
import type { ExplorerEngine, Figures } from '../compute.js';
import { element, row } from './dom.js';

/** What the page does to the customers table. */
export interface CustomersTable {
  show(figures: Figures, chain: CompiledChain): void;
  select(id: string | null): void;
}

/** Builds the table into `host`. */
export function createCustomersTable(
  host: HTMLElement,
  engine: ExplorerEngine,
  names: ReadonlyMap<string, string>,
  onSelect: (id: string) => void,
): CustomersTable {
  const table = element('table', '', { class: 'x-customers' });
  const head = element('tr');
  for (const title of [
    'Customer',
    'Service before',
    'Service now',
    'Change',
    'Chain strength',
    'Weakest link',
  ])
    head.appendChild(element('th', title, { scope: 'col' }));
  const thead = element('thead');
  thead.appendChild(head);
  const tbody = element('tbody');
  table.append(thead, tbody);
  const scroll = element('div', '', { class: 'x-table' });
  scroll.appendChild(table);
  host.appendChild(scroll);
  const name = (id: string) => names.get(id) ?? id;
  const before = new Map(engine.before.customers.map((c) => [c.id, c.service]));
  let rows = new Map<string, HTMLTableRowElement>();
  return {
    show(figures, chain) {
      tbody.textContent = '';
      rows = new Map();
      for (const customer of figures.customers) {
        const was = before.get(customer.id) ?? null;
        const now = customer.service;
        const change = was === null || now === null ? '' : signed(now - was);
        const tr = row([
          name(customer.id),
          fixed(was),
          fixed(now),
          change,
          customer.strength.toFixed(3),
          linkLabel(chain, customer.weakest, name),
        ]);
        tr.dataset.customer = customer.id;
        tr.tabIndex = 0;
        tr.addEventListener('click', () => onSelect(customer.id));
        tr.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') onSelect(customer.id);
        });
        tbody.appendChild(tr);
        rows.set(customer.id, tr);
      }
    },
    select(id) {
      for (const [key, tr] of rows) tr.classList.toggle('x-selected', key === id);
    },
  };
}

function fixed(value: number | null): string {
  return value === null ? 'not reached' : value.toFixed(3);
}

function signed(delta: number): string {
  const rounded = Math.abs(delta) < 0.0005 ? 0 : delta;
  return rounded === 0 ? '±0.000' : `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(3)}`;
}

/** The weakest link as a person reads it: an actor's name, or `Provider -> Receiver`. */
function linkLabel(chain: CompiledChain, link: number, name: (id: string) => string): string {
  if (link < 0) return 'none';
  if (link < chain.actorCount) return name(chain.ids[link]!);
  const h = link - chain.actorCount;
  return `${name(chain.ids[chain.from[h]!]!)} -> ${name(chain.ids[chain.to[h]!]!)}`;
}
