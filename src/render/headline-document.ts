/**
 * The parts of the report document that tell its story (docs/model.md, "Warnings that explain the
 * model"): the headline (fix first, what caps the customers and why), the fix list customer by
 * customer, what breaks everything (failure loss) and the back offices with a big reach. Built
 * from the report's own figures; text.ts and markdown.ts lay them out.
 */
import { dampingSentence } from '../analysis/engine-warnings.js';
import type {
  ActorProblem,
  ActorReport,
  CapReport,
  FixFirst,
  HandoffReport,
  Headline,
  LinkRef,
  Report,
  WeakestLink,
} from '../analysis/report.js';
import { BADGES } from './badges.js';
import {
  type Block,
  boundedTable,
  type Cell,
  heading,
  left,
  list,
  paragraph,
  right,
  type Span,
  text,
  words,
} from './document.js';
import { formatCount, formatNumber, formatPercent, formatSigned, plural } from './format.js';
import { handoffSpans, type NodeName, nameList } from './names.js';

/** A badge in words, as text and Markdown print it: `[fix first]`. */
export function badgeSpan(mark: 'fixFirst' | 'weakest'): Span {
  return words(`[${BADGES[mark].word}]`);
}

/** What an actor is, in the one vocabulary of the reports. */
const KIND_WORDS = { department: 'department', employee: 'employee' } as const;

/** Looks links up by reference: the few the headline names, from one pass over the report. */
export function linkLookup(report: Report) {
  const actors = new Map<string, ActorReport>();
  const handoffs = new Map<string, HandoffReport>();
  for (const actor of report.actors) actors.set(actor.id, actor);
  for (const handoff of report.handoffs) handoffs.set(handoff.id, handoff);
  return {
    actor: (nodeId: string) => actors.get(nodeId),
    handoff: (handoffId: string) => handoffs.get(handoffId),
  };
}

/** The lookups of linkLookup. */
export type LinkLookup = ReturnType<typeof linkLookup>;

/** A link by name: `Laboratory -> Ward 3`, or `Night nurses (department)`. */
export function linkSpans(link: LinkRef | WeakestLink, links: LinkLookup, name: NodeName): Span[] {
  if (link.type === 'actor') {
    const kind = links.actor(link.id)?.kind;
    return [name(link.id), ...(kind === undefined ? [] : [words(` (${KIND_WORDS[kind]})`)])];
  }
  const handoff = links.handoff(link.id);
  return handoff === undefined ? [words(link.id)] : handoffSpans(handoff, name);
}

/** Whether performance or welfare holds an actor back, as a sentence. */
export function problemWords(actor: ActorProblem): string {
  const p = formatNumber(actor.performance);
  const w = formatNumber(actor.welfare);
  if (actor.problem === 'welfare')
    return `Its welfare (${w}) is the problem, more than its performance (${p}).`;
  if (actor.problem === 'performance')
    return `Its performance (${p}) is the problem, more than its welfare (${w}).`;
  return `Its performance and its welfare are both ${p}.`;
}

function fixFirstItem(headline: Headline, report: Report, links: LinkLookup, name: NodeName): Cell {
  const best = headline.fixFirst!;
  const after = headline.scoreAfter;
  const rise = `: fixing it alone raises S by ${formatSigned(best.gain)}, from ${formatNumber(report.score)} to ${formatNumber(after)}, the largest gain of any single link.`;
  const problem = best.actor === undefined ? [] : [words(` ${problemWords(best.actor)}`)];
  return [
    badgeSpan('fixFirst'),
    words(' '),
    ...linkSpans(best.link, links, name),
    words(rise),
    ...problem,
  ];
}

function capItem(cap: CapReport, scored: number, links: LinkLookup, name: NodeName): Cell {
  const behind = `${formatCount(cap.customers.length)} of ${plural(scored, 'customer')} that weigh in S`;
  const cannot = cap.customers.length === 1 ? 'it cannot' : 'none of them can';
  const gain =
    cap.rank === 1
      ? ' It is also the link to fix first.'
      : ` Fixing it gains ${formatSigned(cap.gain)}${cap.rank === null ? '' : ` (rank ${formatCount(cap.rank)} by fix gain)`}.`;
  const why =
    cap.rank !== 1 && cap.damping.length > 0
      ? ` It caps more than it costs: ${dampingSentence(cap.damping, (nodeId) => name(nodeId).text)}.`
      : '';
  const problem = cap.actor === undefined ? '' : ` ${problemWords(cap.actor)}`;
  return [
    badgeSpan('weakest'),
    words(' '),
    ...linkSpans(cap.link, links, name),
    words(` is the weakest link behind ${behind} (`),
    ...nameList(cap.customers, name, ', '),
    words(
      `): ${cannot} receive more than ${formatNumber(cap.strength)} through it.${gain}${why}${problem}`,
    ),
  ];
}

/** The headline: what to fix first, and what caps the customers who weigh in S. */
export function headlineBlocks(report: Report, top: number, name: NodeName): Block[] {
  const headline = report.headline;
  if (headline === undefined) return [];
  const links = linkLookup(report);
  const items: Cell[] = [];
  if (headline.fixFirst !== null) items.push(fixFirstItem(headline, report, links, name));
  else if (report.score !== null) items.push(text('Nothing to fix: no single link would raise S.'));
  const scored = report.customers.filter((c) => c.service !== null && c.value > 0).length;
  for (const cap of headline.caps.slice(0, top)) items.push(capItem(cap, scored, links, name));
  if (items.length === 0) return [];
  return [
    heading(2, 'Headline'),
    list(items),
    paragraph(
      words(
        'The weakest link caps what a customer can receive (chain strength); the fix gain says what repairing a link buys. They differ where a receiver catches poor input, a backup covers it or it weighs little.',
      ),
    ),
  ];
}

/** Per scored customer: the link whose fix raises its own service most, and its weakest link. */
export function customerFixBlocks(report: Report, top: number, name: NodeName): Block[] {
  const entries = report.headline?.byCustomer ?? [];
  if (entries.length === 0) return [];
  const links = linkLookup(report);
  return [
    heading(2, 'Fix first, customer by customer'),
    ...boundedTable(
      [left('Customer'), left('Fix first'), right('Gain'), left('Weakest link'), right('Caps at')],
      { items: entries, noun: 'customer' },
      top,
      (entry) => customerFixRow(entry, report, links, name),
      '',
    ),
  ];
}

function customerFixRow(
  entry: { customer: string; fixFirst: FixFirst | null },
  report: Report,
  links: LinkLookup,
  name: NodeName,
): Cell[] {
  const customer = report.customers.find((c) => c.id === entry.customer);
  const weakest = customer?.weakestLink ?? null;
  return [
    [name(entry.customer)],
    entry.fixFirst === null ? text('nothing') : linkSpans(entry.fixFirst.link, links, name),
    text(entry.fixFirst === null ? '-' : formatSigned(entry.fixFirst.gain)),
    weakest === null ? text('nothing weak') : linkSpans(weakest, links, name),
    text(weakest === null ? '-' : formatNumber(customer?.chainStrength)),
  ];
}

/**
 * What breaks everything: the links whose breakdown alone would cost S the most (docs/model.md,
 * "Impact of one link: sensitivity, fix gain, failure loss"), whether or not fixing them gains
 * anything; a large loss without a backup is a single point of failure.
 */
export function failureBlocks(report: Report, top: number, name: NodeName): Block[] {
  const ranking = report.rankings.overall.failureLoss;
  if (report.score === null || ranking.length === 0) return [];
  const links = linkLookup(report);
  const score = report.score;
  const rows = ranking.slice(0, top).map((entry, index): Cell[] => {
    const figures =
      entry.link.type === 'actor' ? links.actor(entry.link.id) : links.handoff(entry.link.id);
    return [
      text(String(index + 1)),
      linkSpans(entry.link, links, name),
      text(formatNumber(entry.value)),
      text(score > 0 ? formatPercent(entry.value / score) : '-'),
      text(formatSigned(figures?.fixGain)),
    ];
  });
  return [
    heading(2, 'What breaks everything'),
    paragraph(
      words(
        'The links whose breakdown alone would cost S the most, with the share of S it would take. A link with a large failure loss and little fix gain is good but unprotected: the remedy is a backup or a receiver that catches poor input, not a better link.',
      ),
    ),
    {
      type: 'table',
      columns: [
        right('#'),
        left('Link'),
        right('Failure loss'),
        right('Share of S'),
        right('Fix gain'),
      ],
      rows,
    },
  ];
}

/** Back offices (no customer contact) that reach the most customers: hidden levers. */
export function reachBlocks(report: Report, top: number, name: NodeName): Block[] {
  const back = report.actors
    .filter(
      (a) => a.handoffsToCustomer !== null && a.handoffsToCustomer > 1 && a.customersReached > 1,
    )
    .sort((a, b) => b.customersReached - a.customersReached);
  if (back.length === 0) return [];
  const items = back
    .slice(0, top)
    .map(
      (actor): Cell => [
        name(actor.id),
        words(
          `: no customer contact, yet reaches ${plural(actor.customersReached, 'customer')}, the nearest ${plural(actor.handoffsToCustomer!, 'hand-off')} away.`,
        ),
      ],
    );
  return [heading(2, 'Back offices with a big reach'), list(items)];
}

/** Every node the blocks above name, so the report's name lookup knows them (and no more). */
export function headlineNodes(report: Report, top: number): string[] {
  const links = linkLookup(report);
  const ids: string[] = [];
  const addLink = (link: LinkRef | WeakestLink | null | undefined) => {
    if (link === null || link === undefined) return;
    if (link.type === 'actor') ids.push(link.id);
    else {
      const handoff = links.handoff(link.id);
      if (handoff !== undefined) ids.push(handoff.from, handoff.to);
    }
  };
  const headline = report.headline;
  addLink(headline?.fixFirst?.link);
  for (const cap of headline?.caps.slice(0, top) ?? []) {
    addLink(cap.link);
    ids.push(...cap.customers);
    for (const d of cap.damping) ids.push(d.kind === 'dependence' ? d.actor : d.receiver);
  }
  const weakestOf = new Map(report.customers.map((c) => [c.id, c.weakestLink]));
  for (const entry of headline?.byCustomer.slice(0, top) ?? []) {
    ids.push(entry.customer);
    addLink(entry.fixFirst?.link);
    addLink(weakestOf.get(entry.customer));
  }
  for (const entry of report.rankings.overall.failureLoss.slice(0, top)) addLink(entry.link);
  for (const actor of report.actors) if (actor.customersReached > 1) ids.push(actor.id);
  return ids;
}
