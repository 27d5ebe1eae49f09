/**
 * The "Single points of failure" section of the report (docs/model.md, "Single points of
 * failure"): per customer, the links with no way around and the failures that cost more than the
 * threshold. Bounded by `top` (customers and links per cell); names, not ids.
 */
import type { CustomerReport, Report } from '../analysis/report.js';
import {
  type Block,
  boundedTable,
  type Cell,
  heading,
  joined,
  left,
  list,
  type Span,
  text,
  words,
} from './document.js';
import { formatCount, formatNumber } from './format.js';
import { linkCell, type NodeName, reportNames } from './names.js';

/** At most `top` cells joined by commas, then "and N more". */
function bounded(cells: readonly Cell[], top: number): Cell {
  if (cells.length === 0) return text('-');
  const shown: Span[] = joined(cells.slice(0, top), ', ');
  if (cells.length > top) shown.push(words(` and ${formatCount(cells.length - top)} more`));
  return shown;
}

function row(customer: CustomerReport, top: number, name: NodeName): Cell[] {
  const none = customer.singlePointsOfFailure ?? [];
  const costly = customer.failureAboveThreshold ?? [];
  return [
    [name(customer.id)],
    bounded(
      none.map((link) => linkCell(link, name)),
      top,
    ),
    bounded(
      costly.map(({ link, failureLoss }) => [
        ...linkCell(link, name),
        words(` (${formatNumber(failureLoss)})`),
      ]),
      top,
    ),
  ];
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

/**
 * The section's blocks; customers without either list are left out. A report without the lists
 * (built by hand, not by `analyze`) gets no section.
 */
export function singlePointsBlocks(report: Report, top: number): Block[] {
  if (!report.customers.some((c) => c.singlePointsOfFailure !== undefined)) return [];
  const customers = report.customers.filter(
    (c) => (c.singlePointsOfFailure?.length ?? 0) > 0 || (c.failureAboveThreshold?.length ?? 0) > 0,
  );
  const name = reportNames(report, shownIds(customers.slice(0, top), top));
  const columns = [left('Customer'), left('No way around'), left('Failure costs more (loss)')];
  const empty =
    'None: every customer has a way around every link, and no failure alone costs more than the threshold.';
  return [
    heading(2, 'Single points of failure'),
    list([
      text('No way around: every path of service to the customer passes through this link.'),
      text(
        "Failure costs more: this link's failure alone loses more than the threshold share " +
          "(--spof-threshold, default half) of the customer's service.",
      ),
    ]),
    ...boundedTable(
      columns,
      { items: customers, noun: 'customer' },
      top,
      (c) => row(c, top, name),
      empty,
    ),
  ];
}
