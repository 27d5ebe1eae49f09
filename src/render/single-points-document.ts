/**
 * The "Single points of failure" section of the report
 * (docs/model.md, "Single points of failure"): per customer, the links with no way around and
 * the failures that cost more than the threshold, and (`--cut-sets 2`) the pairs that fail
 * together. Bounded by `top` (customers and links per cell); names, not ids.
 */
import type { CustomerReport, Report, WeakestLink } from '../analysis/report.js';
import {
  type Block,
  type Cell,
  heading,
  joined,
  list,
  moreNote,
  note,
  paragraph,
  type Span,
  text,
  words,
} from './document.js';
import { formatCount, formatNumber } from './format.js';
import { linkCell, type NodeName, reportNames } from './names.js';

/** At most `top` cells joined by commas (or `separator`), then "and N more". */
function bounded(cells: readonly Cell[], top: number, separator = ', '): Cell {
  if (cells.length === 0) return text('-');
  const shown: Span[] = joined(cells.slice(0, top), separator);
  if (cells.length > top) shown.push(words(` and ${formatCount(cells.length - top)} more`));
  return shown;
}

/** The key of a link, to leave the "no way around" links out of the costly list. */
const keyOf = (link: WeakestLink) => `${link.type}:${link.id}`;

/** `Shoppers: no way around Warehouse, …; also costly Supplier A (0.405)`. */
function item(customer: CustomerReport, top: number, name: NodeName): Cell {
  const none = customer.singlePointsOfFailure ?? [];
  const structural = new Set(none.map(keyOf));
  const costly = (customer.failureAboveThreshold ?? []).filter(
    (entry) => !structural.has(keyOf(entry.link)),
  );
  const parts: Span[] = [name(customer.id), words(': ')];
  if (none.length > 0) {
    parts.push(
      words('no way around '),
      ...bounded(
        none.map((link) => linkCell(link, name)),
        top,
      ),
    );
  }
  if (costly.length > 0) {
    const cells = costly.map(({ link, failureLoss }) => [
      ...linkCell(link, name),
      words(` (${formatNumber(failureLoss)})`),
    ]);
    parts.push(words(none.length > 0 ? '; also costly ' : 'costly '), ...bounded(cells, top));
  }
  return parts;
}

/** The ids the section names: the customers listed and the ends of their links shown. */
function shownIds(customers: readonly CustomerReport[], top: number): Set<string> {
  const ids = new Set<string>();
  for (const customer of customers) {
    ids.add(customer.id);
    const links = [
      ...(customer.singlePointsOfFailure ?? []).slice(0, top),
      ...(customer.failureAboveThreshold ?? []).slice(0, top).map((entry) => entry.link),
    ];
    for (const link of links) {
      if (link.type === 'handoff') ids.add(link.from).add(link.to);
      else ids.add(link.id);
    }
  }
  return ids;
}

/** `Shoppers: Supplier A + Supplier B, …` and, when the bound stopped the search, a word of it. */
function pairsItem(customer: CustomerReport, top: number, name: NodeName): Cell {
  const found = customer.cutSetsOfTwo!;
  const cells = found.pairs.map(([x, y]) => [
    ...linkCell(x, name),
    words(' + '),
    ...linkCell(y, name),
  ]);
  // Pairs apart by semicolons: a pair's own links are joined by "+".
  const parts: Span[] = [name(customer.id), words(': '), ...bounded(cells, top, '; ')];
  if (!found.complete)
    parts.push(
      words(
        ` (the search stopped at its limit after ${formatCount(found.pairsExamined)} ${found.pairsExamined === 1 ? 'pair' : 'pairs'}: there may be more)`,
      ),
    );
  return parts;
}

/**
 * The "Pairs that fail together" section: the order-2 cut sets of the customers searched
 * (`analyze --cut-sets 2`); none unless asked.
 */
function pairsBlocks(report: Report, top: number): Block[] {
  const searched = report.customers.filter((c) => c.cutSetsOfTwo !== undefined);
  if (searched.length === 0) return [];
  const ids = new Set<string>();
  for (const customer of searched) {
    ids.add(customer.id);
    for (const pair of customer.cutSetsOfTwo!.pairs.slice(0, top))
      for (const link of pair) {
        if (link.type === 'handoff') ids.add(link.from).add(link.to);
        else ids.add(link.id);
      }
  }
  const name = reportNames(report, ids);
  const count = searched.length;
  return [
    heading(2, 'Pairs that fail together'),
    paragraph(
      words(
        `For the ${count === 1 ? 'customer' : `${formatCount(count)} customers`} with the largest value: pairs of links whose failure together cuts the customer off, although either alone leaves a way around ("-": no such pair).`,
      ),
    ),
    list(searched.map((c) => pairsItem(c, top, name))),
  ];
}

/**
 * The section's blocks; customers without either list are left out. A report without the lists
 * (built by hand, not by `analyze`) gets no section. The pairs that fail together follow when
 * the report has them.
 */
export function singlePointsBlocks(report: Report, top: number): Block[] {
  return [...singleBlocks(report, top), ...pairsBlocks(report, top)];
}

/** The single points of failure proper: "no way around" and "costly". */
function singleBlocks(report: Report, top: number): Block[] {
  if (!report.customers.some((c) => c.singlePointsOfFailure !== undefined)) return [];
  const customers = report.customers.filter(
    (c) => (c.singlePointsOfFailure?.length ?? 0) > 0 || (c.failureAboveThreshold?.length ?? 0) > 0,
  );
  const name = reportNames(report, shownIds(customers.slice(0, top), top));
  const legend = paragraph(
    words(
      'No way around: every path of service to the customer passes through the link. ' +
        "Costly: the link's failure alone loses more than the threshold share " +
        "(--spof-threshold, default half) of the customer's service (loss in brackets).",
    ),
  );
  const title = heading(2, 'Single points of failure');
  if (customers.length === 0) {
    return [title, paragraph(words('None: every customer has a way around every link.'))];
  }
  const shown = customers.slice(0, top).map((c) => item(c, top, name));
  const more =
    customers.length > top ? [note(words(moreNote(top, customers.length, 'customer')))] : [];
  return [title, legend, list(shown), ...more];
}
