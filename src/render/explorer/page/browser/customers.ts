/**
 * The report's customers table, live: once a change is applied, each row shows the customer's
 * service now and the change beside its service as modelled, and its chain strength, weakest link
 * and chain now; with no change the row is the report's again. A row click (or Enter) traces that
 * customer's weakest-link chain in the diagram.
 */
import type { CompiledChain } from '../../../../engine/types.js';
import { BACK_TO, chainSteps } from '../../../names.js';
import type { ExplorerEngine, Figures } from '../compute.js';

/** What the page does to the customers table. */
export interface CustomersTable {
  show(figures: Figures, live: boolean): void;
  select(id: string | null): void;
}

interface Row {
  readonly tr: HTMLTableRowElement;
  readonly cells: Readonly<Record<Role, HTMLElement | null>>;
  /** The report's text of the cells the page rewrites. */
  readonly given: Readonly<Record<Role, string>>;
}

const ROLES = ['service-now', 'service-change', 'strength', 'weakest', 'chain'] as const;
type Role = (typeof ROLES)[number];

/** Binds the report's table `#sc-customers` (absent: a table that does nothing). */
export function createCustomersTable(
  table: HTMLTableElement | null,
  engine: ExplorerEngine,
  names: ReadonlyMap<string, string>,
  onSelect: (id: string) => void,
): CustomersTable {
  const name = (id: string) => names.get(id) ?? id;
  const before = new Map(engine.before.customers.map((c) => [c.id, c.service]));
  const rows = new Map<string, Row>();
  for (const tr of table?.querySelectorAll<HTMLTableRowElement>('tbody tr[data-customer]') ?? []) {
    const id = tr.dataset.customer ?? '';
    const cell = (role: Role) => tr.querySelector<HTMLElement>(`[data-role="${role}"]`);
    const cells = Object.fromEntries(ROLES.map((role) => [role, cell(role)])) as Row['cells'];
    const given = Object.fromEntries(
      ROLES.map((role) => [role, cells[role]?.textContent ?? '']),
    ) as Row['given'];
    rows.set(id, { tr, cells, given });
    tr.tabIndex = 0;
    tr.addEventListener('click', () => onSelect(id));
    tr.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onSelect(id);
      }
    });
  }
  return {
    show(figures, live) {
      table?.classList.toggle('x-live', live);
      for (const customer of figures.customers) {
        const row = rows.get(customer.id);
        if (row === undefined) continue;
        const was = before.get(customer.id) ?? null;
        const now = customer.service;
        const text: Record<Role, string> = live
          ? {
              'service-now': fixed(now),
              'service-change': was === null || now === null ? '' : signed(now - was),
              strength: customer.strength.toFixed(3),
              weakest: linkLabel(figures.chain, customer.weakest, name),
              chain: chainLabel(figures.chain, customer.weakest, customer.path, name),
            }
          : row.given;
        for (const role of ROLES) {
          const cell = row.cells[role];
          if (cell !== null && cell.textContent !== text[role]) cell.textContent = text[role];
        }
      }
    },
    select(id) {
      for (const [key, row] of rows) row.tr.classList.toggle('x-selected', key === id);
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

/** The weakest link as the report names it: an actor's name, or `Provider → Receiver`. */
function linkLabel(chain: CompiledChain, link: number, name: (id: string) => string): string {
  if (link < 0) return '—';
  if (link < chain.actorCount) return name(chain.ids[link]!);
  const h = link - chain.actorCount;
  return `${name(chain.ids[chain.from[h]!]!)} → ${name(chain.ids[chain.to[h]!]!)}`;
}

/** The chain as the report writes it: from the weakest hand-off's provider (or actor) on. */
function chainLabel(
  chain: CompiledChain,
  link: number,
  path: readonly number[],
  name: (id: string) => string,
): string {
  const ids: string[] = [];
  const first = link >= chain.actorCount ? [chain.from[link - chain.actorCount]!] : [];
  for (const v of [...first, ...path])
    if (ids[ids.length - 1] !== chain.ids[v]) ids.push(chain.ids[v]!);
  if (ids.length === 0) return '—';
  return chainSteps(ids)
    .map(({ id, back }) => (back ? BACK_TO : '') + name(id))
    .join(' → ');
}
