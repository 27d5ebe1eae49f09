/**
 * What a consultant would say about a report, in the client's words: the example scripts
 * (examples/retail.ts, hospital.ts, college.ts, factory.ts, call-centre.ts) share it, so that each
 * of them keeps only what tells its own story. It is not part of the library: every figure it
 * prints comes straight from the report (`analyze(model)`, docs/model.md, "What each report field means to a consultant").
 *
 *   const report = analyze(model);
 *   const consultant = consultantFor(report);
 *   consultant.diagnose();   // the score, each customer's weakest link, the top 3 fixes
 *   consultant.advise();     // the best fix in one sentence, and who it is behind
 */
import type { LinkRef, Report } from '../src/index.js';

/** A figure as the client reads it: three decimals. */
export const fmt = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(3));

/** Money as the client reads it: whole units with thousands separators. */
export const money = (x: number): string =>
  String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** What `consultantFor` returns: the report's names and the printing every example shares. */
export interface Consultant {
  /** A node's display name (its `name`, else its id). */
  nameOf(id: string): string;
  /** A link in the client's words: the department, or the hand-off between two of them. */
  describe(link: LinkRef): string;
  /**
   * Prints the organisation's name and score, each customer's service and weakest link with the
   * chain behind it, and the top 3 fixes. `customers` names them in the heading, e.g. 'patient group'.
   */
  diagnose(customers?: string): void;
  /** Prints each cycle (a loop of hand-offs) and whether its fixed-point iteration settled. */
  cycles(): void;
  /** Prints the best fix, what it is worth, and the customers whose weakest link it is. */
  advise(): void;
}

/** The consultant's view of one report. */
export function consultantFor(report: Report): Consultant {
  const names = new Map(
    [...report.actors, ...report.customers].map((node) => [node.id, node.name]),
  );
  const nameOf = (id: string) => names.get(id) ?? id;

  function describe(link: LinkRef): string {
    if (link.type === 'actor') return nameOf(link.id);
    const handoff = report.handoffs.find((h) => h.id === link.id)!;
    const between = `${nameOf(handoff.from)} -> ${nameOf(handoff.to)}`;
    // A hand-off without its own id is named `from->to`: the names already say it.
    return handoff.id === `${handoff.from}->${handoff.to}` ? between : `${between} (${handoff.id})`;
  }

  function diagnose(customers = 'customer'): void {
    console.log(report.model.name);
    console.log(`Organisation score: ${fmt(report.score)}`);
    console.log('');
    console.log(`Each ${customers}'s weakest link:`);
    for (const customer of report.customers) {
      if (customer.service === null) {
        console.log(`  ${customer.name}: not scored (it receives no hand-off)`);
        continue;
      }
      const weakest = customer.weakestLink === null ? 'none' : describe(customer.weakestLink);
      console.log(`  ${customer.name}: service ${fmt(customer.service)}, weakest link ${weakest}`);
      const chain = customer.chain.map(nameOf).join(' > ');
      console.log(`    chain strength ${fmt(customer.chainStrength)}: ${chain}`);
    }
    console.log('');
    console.log('Top 3 fixes (what the score gains if that link alone is made perfect):');
    for (const [i, fix] of report.rankings.overall.fixGain.slice(0, 3).entries()) {
      console.log(`  ${i + 1}. ${describe(fix.link)}: +${fmt(fix.value)}`);
    }
    console.log('');
  }

  function cycles(): void {
    // A cycle is solved as the greatest fixed point from s = 1 (docs/model.md, "Propagation: service flows down the chain").
    for (const cycle of report.cycles) {
      const verdict = cycle.converged ? 'settled' : 'did NOT settle';
      const loop = cycle.nodes.map(nameOf).join(' <-> ');
      console.log(`Cycle ${loop} ${verdict} in ${cycle.iterations} iterations.`);
    }
  }

  function advise(): void {
    const best = report.rankings.overall.fixGain[0];
    if (best === undefined || report.score === null) return;
    const behind = report.customers.filter(
      (c) => c.weakestLink?.type === best.link.type && c.weakestLink.id === best.link.id,
    );
    console.log(
      `Advice: fix ${describe(best.link)} first: the score rises from ${fmt(report.score)} ` +
        `to ${fmt(report.score + best.value)}.`,
    );
    console.log(
      behind.length > 0
        ? `It is the weakest link behind ${behind.map((c) => c.name).join(', ')}.`
        : "It is no customer's weakest link: the weakest link and the best fix are not always the same.",
    );
  }

  return { nameOf, describe, diagnose, cycles, advise };
}
