/**
 * The main analysis report as a document (document.ts), which text.ts and markdown.ts lay out:
 * the score, every customer with its weakest link and chain, the links to fix, cycles, warnings.
 * Nodes are shown by name; every table is bounded by `top`.
 */

import { negligible } from '../analysis/rankings.js';
import type {
  ActorReport,
  CustomerReport,
  CycleReport,
  HandoffReport,
  LinkRef,
  Report,
} from '../analysis/report.js';
import {
  type Block,
  boundedTable,
  type Cell,
  type Document,
  heading,
  left,
  list,
  moreNote,
  note,
  paragraph,
  right,
  text,
  words,
} from './document.js';
import { formatAmount, formatCount, formatNumber, formatPercent } from './format.js';
import {
  badgeSpan,
  customerFixBlocks,
  failureBlocks,
  headlineBlocks,
  headlineNodes,
  reachBlocks,
} from './headline-document.js';
import {
  chainSpans,
  handoffSpans,
  linkCell,
  type NodeName,
  nameList,
  reportNames,
} from './names.js';
import { observationBlocks } from './observations-document.js';
import { singlePointsBlocks } from './single-points-document.js';
import { warningBlocks } from './warning-blocks.js';

/** Options of the report document: how many rows each table lists. */
export interface ReportDocumentOptions {
  readonly top: number;
}

/** What the document says for an actor's kind, and for a hand-off. */
const KIND_WORDS = { department: 'department', employee: 'employee', handoff: 'hand-off' } as const;

/**
 * The route from the weakest link to the customer. analyze() starts a hand-off's chain at its
 * provider; a chain that starts at the receiver (the walk's bare path) gets the provider put in
 * front, so the route always starts where the weakness enters (docs/model.md, "Chain strength
 * and the weakest link").
 */
function route(customer: CustomerReport): readonly string[] {
  const link = customer.weakestLink;
  if (link?.type === 'handoff' && customer.chain[0] === link.to)
    return [link.from, ...customer.chain];
  return customer.chain;
}

function customerRow(customer: CustomerReport, name: NodeName, weighs: boolean): Cell[] {
  // A customer that does not weigh in S gets no weakest-link mark: it does not move the score.
  const weakest = linkCell(customer.weakestLink, name);
  return [
    [name(customer.id)],
    text(formatAmount(customer.value)),
    text(formatNumber(customer.service)),
    text(formatNumber(customer.chainStrength)),
    customer.weakestLink !== null && !weighs
      ? [...weakest, words(' (not in S: value 0)')]
      : weakest,
  ];
}

/** `Shoppers: Warehouse -> Stores -> Shoppers`; chains get their own lines, they can be long. */
function chainItem(customer: CustomerReport, name: NodeName): Cell {
  const chain =
    customer.chain.length === 0 ? [words('nothing weak')] : chainSpans(route(customer), name);
  return [name(customer.id), words(': '), ...chain];
}

function customersBlocks(report: Report, top: number, name: NodeName): Block[] {
  const blocks: Block[] = [heading(2, 'Customers')];
  if (report.customers.length === 0) {
    return [...blocks, paragraph(words('The model has no external customers.'))];
  }
  const currency = report.model.currency;
  const anyValue = report.customers.some((c) => c.value > 0);
  const columns = [
    left('Customer'),
    right(currency === undefined ? 'Value' : `Value (${currency})`),
    right('Service'),
    right('Chain strength'),
    left('Weakest link'),
  ];
  const rows = { items: report.customers, noun: 'customer' };
  const shown = report.customers.slice(0, top);
  return [
    ...blocks,
    ...boundedTable(columns, rows, top, (c) => customerRow(c, name, c.value > 0 || !anyValue), ''),
    paragraph(words('Chain behind each customer, from its weakest link:')),
    list(shown.map((customer) => chainItem(customer, name))),
  ];
}

/** The figures of a link, looked up from its ranking reference. */
type LinkFigures =
  | { readonly type: 'actor'; readonly report: ActorReport }
  | { readonly type: 'handoff'; readonly report: HandoffReport };

/**
 * The top `top` links of the overall fix-gain ranking that would gain something, in its order,
 * with their figures: one pass over the links picks out just those (no index of every link).
 */
function rankedLinks(report: Report, top: number): LinkFigures[] {
  const wanted: LinkRef[] = [];
  for (const entry of report.rankings.overall.fixGain) {
    if (wanted.length === top) break;
    if (!negligible(entry.value)) wanted.push(entry.link);
  }
  const actors = new Set(wanted.filter((l) => l.type === 'actor').map((l) => l.id));
  const handoffs = new Set(wanted.filter((l) => l.type === 'handoff').map((l) => l.id));
  const found = new Map<string, LinkFigures>();
  for (const actor of report.actors)
    if (actors.has(actor.id)) found.set(`actor:${actor.id}`, { type: 'actor', report: actor });
  for (const handoff of report.handoffs)
    if (handoffs.has(handoff.id))
      found.set(`handoff:${handoff.id}`, { type: 'handoff', report: handoff });
  return wanted.flatMap((link) => found.get(`${link.type}:${link.id}`) ?? []);
}

/** Every node the document names: only those of the rows shown, so a huge model costs no more. */
function shownNodes(
  customers: readonly CustomerReport[],
  links: readonly LinkFigures[],
  cycles: readonly CycleReport[],
): Set<string> {
  const ids = new Set<string>();
  const add = (list: readonly string[]) => {
    for (const nodeId of list) ids.add(nodeId);
  };
  for (const customer of customers) {
    const link = customer.weakestLink;
    add([customer.id, ...route(customer)]);
    if (link !== null) add(link.type === 'handoff' ? [link.from, link.to] : [link.id]);
  }
  for (const { type, report } of links) {
    add(type === 'handoff' ? [report.from, report.to] : [report.id]);
    add(report.weakestFor);
  }
  for (const cycle of cycles) add(cycle.nodes);
  return ids;
}

function fixRow(rank: number, figures: LinkFigures, name: NodeName): Cell[] {
  const link = figures.report;
  const named = figures.type === 'handoff' ? handoffSpans(figures.report, name) : [name(link.id)];
  // The one scheme of badges.ts: the top row is "fix first", a customer's weakest link says so.
  const badges = [
    ...(rank === 1 ? [words(' '), badgeSpan('fixFirst')] : []),
    ...(link.weakestFor.length > 0 ? [words(' '), badgeSpan('weakest')] : []),
  ];
  const label = [...named, ...badges];
  const kind = figures.type === 'handoff' ? KIND_WORDS.handoff : KIND_WORDS[figures.report.kind];
  return [
    text(String(rank)),
    label,
    text(kind),
    text(formatNumber(link.fixGain)),
    text(formatNumber(link.failureLoss)),
    text(formatNumber(link.sensitivity)),
    link.weakestFor.length === 0 ? text('-') : nameList(link.weakestFor, name, ', '),
  ];
}

const FIX_COLUMNS = [
  right('#'),
  left('Link'),
  left('Kind'),
  right('Fix gain'),
  right('Failure loss'),
  right('Sensitivity'),
  left('Weakest link for'),
];

/**
 * The links whose fixing would gain the most (docs/model.md, "Impact of one link: sensitivity,
 * fix gain, failure loss"), in the order of the report's overall ranking; links that would gain
 * nothing are left out, there is nothing to fix.
 */
function fixBlocks(report: Report, ranked: readonly LinkFigures[], name: NodeName): Block[] {
  const title = heading(2, 'Top links to fix');
  if (report.score === null) {
    return [title, paragraph(words('n/a: no customer is scored, so nothing is ranked.'))];
  }
  if (ranked.length === 0) {
    return [title, paragraph(words('None: fixing no single link would raise S.'))];
  }
  const worth = countWorthFixing(report);
  const legend = list([
    text('Fix gain: what S would gain if this link alone were made perfect.'),
    text('Failure loss: what S would lose if this link alone broke down completely.'),
    text("Sensitivity: how fast S moves with this link's strength (dS/dx)."),
  ]);
  const table: Block = {
    type: 'table',
    columns: FIX_COLUMNS,
    rows: ranked.map((figures, index) => fixRow(index + 1, figures, name)),
  };
  const more =
    worth > ranked.length
      ? [
          note(
            words(moreNote(ranked.length, worth, 'link worth fixing', true, 'links worth fixing')),
          ),
        ]
      : [];
  return [title, legend, table, ...more];
}

/** Links whose fix would raise S: what the links-to-fix table would list without a bound. */
function countWorthFixing(report: Report): number {
  let count = 0;
  const worth = (gain: number | null) => gain !== null && gain > 0 && !negligible(gain);
  for (const actor of report.actors) if (worth(actor.fixGain)) count += 1;
  for (const handoff of report.handoffs) if (worth(handoff.fixGain)) count += 1;
  return count;
}

function cycleRow(cycle: CycleReport, index: number, name: NodeName): Cell[] {
  return [
    text(String(index + 1)),
    nameList(cycle.nodes, name, ', '),
    text(formatCount(cycle.iterations)),
    text(cycle.converged ? 'yes' : 'no'),
  ];
}

function cyclesBlocks(report: Report, top: number, name: NodeName): Block[] {
  const columns = [right('#'), left('Members'), right('Iterations'), left('Converged')];
  const rows = { items: report.cycles, noun: 'cycle' };
  const empty = 'None: no hand-off chain loops back.';
  return [
    heading(2, 'Cycles'),
    ...boundedTable(columns, rows, top, (c, i) => cycleRow(c, i, name), empty),
  ];
}

/** The organisation score as a share and a percentage, or why it is missing. */
function scoreText(score: number | null): string {
  if (score === null) return 'n/a (no customer receives a hand-off)';
  return `${formatNumber(score)} (${formatPercent(score)})`;
}

/** Builds the report document both layouters print; `top` bounds every table. */
export function reportDocument(report: Report, options: ReportDocumentOptions): Document {
  const { top } = options;
  const ranked = report.score === null ? [] : rankedLinks(report, top);
  const shown = shownNodes(report.customers.slice(0, top), ranked, report.cycles.slice(0, top));
  for (const nodeId of headlineNodes(report, top)) shown.add(nodeId);
  const name = reportNames(report, shown);
  const { model } = report;
  let departments = 0;
  for (const actor of report.actors) if (actor.kind === 'department') departments += 1;
  return [
    heading(1, `Service chain analysis: ${model.name}`),
    {
      type: 'facts',
      facts: [
        { label: 'Departments', value: text(formatCount(departments)) },
        { label: 'Employees', value: text(formatCount(model.actors - departments)) },
        { label: 'Customers', value: text(formatCount(model.customers)) },
        { label: 'Hand-offs', value: text(formatCount(model.handoffs)) },
        { label: 'Organisation score S', value: text(scoreText(report.score)) },
      ],
    },
    ...headlineBlocks(report, top, name),
    ...customersBlocks(report, top, name),
    ...customerFixBlocks(report, top, name),
    ...fixBlocks(report, ranked, name),
    ...failureBlocks(report, top, name),
    ...reachBlocks(report, top, name),
    ...cyclesBlocks(report, top, name),
    ...singlePointsBlocks(report, top),
    ...observationBlocks(report.observations),
    ...warningBlocks(report.warnings, 'None.'),
  ];
}
