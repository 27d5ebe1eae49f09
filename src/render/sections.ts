/**
 * The report's content as a document of sections, tables and lists of typed cells: what the text
 * and Markdown renderers share, so that both say the same things and only their layout differs.
 */

import type {
  ActorReport,
  CustomerReport,
  CycleReport,
  HandoffReport,
  LinkRef,
  RankedLink,
  Report,
  WeakestLink,
} from '../analysis/report.js';
import type { Warning } from '../model/errors.js';
import { formatAmount, formatCount, formatNumber, formatPercent } from './format.js';

/** A piece of a cell: plain words, or an id (Markdown sets ids in code). */
export interface Span {
  readonly text: string;
  readonly id?: boolean;
}

/** One table cell or list item: spans written one after the other. */
export type Cell = readonly Span[];

/** A table column: its title and which side its cells align to (numbers right). */
export interface Column {
  readonly title: string;
  readonly align: 'left' | 'right';
}

/** A block of a section. */
export type Block =
  | { readonly type: 'paragraph'; readonly cell: Cell }
  | { readonly type: 'list'; readonly items: readonly Cell[] }
  | {
      readonly type: 'table';
      readonly columns: readonly Column[];
      readonly rows: readonly (readonly Cell[])[];
    };

/** A titled section. */
export interface Section {
  readonly title: string;
  readonly blocks: readonly Block[];
}

/** The whole document: a title, a few key facts, then sections. */
export interface Outline {
  readonly title: Cell;
  readonly facts: readonly { readonly label: string; readonly value: Cell }[];
  readonly sections: readonly Section[];
}

/** Separator of the ids of a chain and of a hand-off's ends. */
export const ARROW = ' -> ';

const words = (text: string): Span => ({ text });
const id = (text: string): Span => ({ text, id: true });
const cell = (...spans: Span[]): Cell => spans;
const paragraph = (...spans: Span[]): Block => ({ type: 'paragraph', cell: spans });

/** Ids joined by arrows: `warehouse -> dispatch -> shoppers`. */
function idChain(ids: readonly string[]): Span[] {
  return ids.flatMap((part, index) => (index === 0 ? [id(part)] : [words(ARROW), id(part)]));
}

/** A hand-off as `from -> to`, followed by its own id where it has one other than `from->to`. */
function handoffSpans(handoff: { id: string; from: string; to: string }): Span[] {
  const ends = [id(handoff.from), words(ARROW), id(handoff.to)];
  return handoff.id === `${handoff.from}->${handoff.to}`
    ? ends
    : [...ends, words(' ('), id(handoff.id), words(')')];
}

/** A customer's weakest link; `none` when nothing is weak (chain strength 1). */
function weakestLinkCell(link: WeakestLink | null): Cell {
  if (link === null) return cell(words('none'));
  return link.type === 'handoff' ? handoffSpans(link) : cell(id(link.id));
}

/**
 * The route from the weakest link to the customer. analyze() starts a hand-off's chain at its
 * provider; a chain that starts at the receiver (the walk's bare path, the other reading of
 * MODEL.md section 3) gets the provider put in front, so the route always starts where the
 * weakness enters.
 */
function route(customer: CustomerReport): readonly string[] {
  const link = customer.weakestLink;
  if (link?.type === 'handoff' && customer.chain[0] === link.to)
    return [link.from, ...customer.chain];
  return customer.chain;
}

function customerRow(customer: CustomerReport): Cell[] {
  return [
    cell(id(customer.id)),
    cell(words(customer.name)),
    cell(words(formatAmount(customer.value))),
    cell(words(formatNumber(customer.service))),
    cell(words(formatNumber(customer.chainStrength))),
    weakestLinkCell(customer.weakestLink),
  ];
}

/** `shoppers: warehouse -> stores -> shoppers`; chains get their own lines, they can be long. */
function chainItem(customer: CustomerReport): Cell {
  const chain = customer.chain.length === 0 ? [words('nothing weak')] : idChain(route(customer));
  return [id(customer.id), words(': '), ...chain];
}

const right = (title: string): Column => ({ title, align: 'right' });
const left = (title: string): Column => ({ title, align: 'left' });

function customersSection(report: Report): Section {
  if (report.customers.length === 0) {
    return {
      title: 'Customers',
      blocks: [paragraph(words('The model has no external customers.'))],
    };
  }
  const columns = [
    left('Customer'),
    left('Name'),
    right('Value'),
    right('Service'),
    right('Chain strength'),
    left('Weakest link'),
  ];
  return {
    title: 'Customers',
    blocks: [
      { type: 'table', columns, rows: report.customers.map(customerRow) },
      paragraph(words('Chain behind each customer, from its weakest link:')),
      { type: 'list', items: report.customers.map(chainItem) },
    ],
  };
}

/** The figures of a link, looked up from its ranking reference. */
type LinkFigures =
  | { readonly type: 'actor'; readonly report: ActorReport }
  | { readonly type: 'handoff'; readonly report: HandoffReport };

function linkIndex(report: Report): (link: LinkRef) => LinkFigures | undefined {
  const actors = new Map(report.actors.map((actor) => [actor.id, actor]));
  const handoffs = new Map(report.handoffs.map((handoff) => [handoff.id, handoff]));
  return (link) => {
    if (link.type === 'actor') {
      const actor = actors.get(link.id);
      return actor && { type: 'actor', report: actor };
    }
    const handoff = handoffs.get(link.id);
    return handoff && { type: 'handoff', report: handoff };
  };
}

function fixRow(rank: number, figures: LinkFigures): Cell[] {
  const link = figures.report;
  return [
    cell(words(String(rank))),
    figures.type === 'handoff' ? handoffSpans(figures.report) : cell(id(link.id)),
    cell(words(figures.type === 'handoff' ? 'hand-off' : figures.report.kind)),
    cell(words(formatNumber(link.fixGain))),
    cell(words(formatNumber(link.failureLoss))),
    cell(words(formatNumber(link.sensitivity))),
    link.weakestFor.length === 0 ? cell(words('-')) : idList(link.weakestFor),
  ];
}

/** Ids separated by commas. */
function idList(ids: readonly string[]): Span[] {
  return ids.flatMap((part, index) => (index === 0 ? [id(part)] : [words(', '), id(part)]));
}

/**
 * The links whose fixing would gain the most (MODEL.md section 4, `fixGain`), from the report's
 * overall ranking; links that would gain nothing are left out, since there is nothing to fix.
 */
function fixSection(report: Report, top: number): Section {
  const title = 'Top links to fix';
  if (report.score === null) {
    return {
      title,
      blocks: [paragraph(words('n/a: no customer is scored, so nothing is ranked.'))],
    };
  }
  const lookUp = linkIndex(report);
  const rows = report.rankings.overall.fixGain
    .filter((ranked: RankedLink) => ranked.value > 0)
    .slice(0, top)
    .flatMap((ranked, index) => {
      const figures = lookUp(ranked.link);
      return figures === undefined ? [] : [fixRow(index + 1, figures)];
    });
  if (rows.length === 0) {
    return { title, blocks: [paragraph(words('None: fixing no single link would raise S.'))] };
  }
  const columns = [
    right('#'),
    left('Link'),
    left('Kind'),
    right('Fix gain'),
    right('Failure loss'),
    right('Sensitivity'),
    left('Weakest for'),
  ];
  return {
    title,
    blocks: [
      {
        type: 'list',
        items: [
          cell(words('Fix gain: what S would gain if this link alone were made perfect.')),
          cell(words('Failure loss: what S would lose if this link alone broke down completely.')),
          cell(words("Sensitivity: how fast S moves with this link's strength (dS/dx).")),
        ],
      },
      { type: 'table', columns, rows },
    ],
  };
}

function cycleRow(cycle: CycleReport, index: number): Cell[] {
  return [
    cell(words(String(index + 1))),
    idList(cycle.nodes),
    cell(words(formatCount(cycle.iterations))),
    cell(words(cycle.converged ? 'yes' : 'no')),
  ];
}

function cyclesSection(report: Report): Section {
  if (report.cycles.length === 0) {
    return { title: 'Cycles', blocks: [paragraph(words('None: no hand-off chain loops back.'))] };
  }
  const columns = [right('#'), left('Nodes'), right('Iterations'), left('Converged')];
  return {
    title: 'Cycles',
    blocks: [{ type: 'table', columns, rows: report.cycles.map(cycleRow) }],
  };
}

function warningItem(warning: Warning): Cell {
  const where = warning.path === '' ? [] : [id(warning.path), words(': ')];
  return [...where, words(`${warning.message} (`), id(warning.code), words(')')];
}

function warningsSection(report: Report): Section {
  if (report.warnings.length === 0) {
    return { title: 'Warnings', blocks: [paragraph(words('None.'))] };
  }
  return { title: 'Warnings', blocks: [{ type: 'list', items: report.warnings.map(warningItem) }] };
}

/** The organisation score as a share and a percentage, or why it is missing. */
function scoreCell(score: number | null): Cell {
  if (score === null) return cell(words('n/a (no customer receives a hand-off)'));
  return cell(words(`${formatNumber(score)} (${formatPercent(score)})`));
}

/** Builds the document both renderers lay out; `top` caps the links-to-fix table. */
export function outline(report: Report, top: number): Outline {
  return {
    title: cell(words(`Service chain analysis: ${report.model.name}`)),
    facts: [
      { label: 'Actors', value: cell(words(String(report.model.actors))) },
      { label: 'Customers', value: cell(words(String(report.model.customers))) },
      { label: 'Hand-offs', value: cell(words(String(report.model.handoffs))) },
      { label: 'Organisation score S', value: scoreCell(report.score) },
    ],
    sections: [
      customersSection(report),
      fixSection(report, top),
      cyclesSection(report),
      warningsSection(report),
    ],
  };
}
