/**
 * What a consultant would tell Riverside College (examples/college.yaml).
 * Run it: `npx tsx examples/college.ts`
 *
 * Students are long-term customers (three to four years), and teaching and assessment feed each
 * other in a loop. The analysis follows every customer's service back to the weakest link behind
 * it, ranks the links by what fixing each alone would gain, and shows how the loop was solved.
 */
import { fileURLToPath } from 'node:url';
import { analyze, type LinkRef, loadModelFile, type Report } from '../src/index.js';

const { model } = await loadModelFile(fileURLToPath(new URL('college.yaml', import.meta.url)));
const report = analyze(model);

/** A figure as the client reads it: three decimals. */
const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));

/** Display names of actors and customers, by id. */
const names = new Map([...report.actors, ...report.customers].map((node) => [node.id, node.name]));
const nameOf = (id: string) => names.get(id) ?? id;

/** A link in the client's words: the department, or the hand-off between two of them. */
function describe(link: LinkRef, r: Report): string {
  if (link.type === 'actor') return nameOf(link.id);
  const handoff = r.handoffs.find((h) => h.id === link.id)!;
  const between = `${nameOf(handoff.from)} -> ${nameOf(handoff.to)}`;
  // A hand-off without its own id is named `from->to`: the names already say it.
  return handoff.id === `${handoff.from}->${handoff.to}` ? between : `${between} (${handoff.id})`;
}

console.log(report.model.name);
console.log(`Organisation score: ${fmt(report.score)}`);
console.log('');
console.log("Each customer group's weakest link:");
for (const customer of report.customers) {
  if (customer.service === null) {
    console.log(`  ${customer.name}: not scored (it receives no hand-off)`);
    continue;
  }
  const weakest = customer.weakestLink === null ? 'none' : describe(customer.weakestLink, report);
  console.log(`  ${customer.name}: service ${fmt(customer.service)}, weakest link ${weakest}`);
  console.log(
    `    chain strength ${fmt(customer.chainStrength)}: ${customer.chain.map(nameOf).join(' > ')}`,
  );
}
console.log('');
console.log('Top 3 fixes (what the score gains if that link alone is made perfect):');
const fixes = report.rankings.overall.fixGain.slice(0, 3);
for (const [i, fix] of fixes.entries()) {
  console.log(`  ${i + 1}. ${describe(fix.link, report)}: +${fmt(fix.value)}`);
}
console.log('');
// Teaching and exams feed each other: a cycle, solved as the greatest fixed point from s = 1.
for (const cycle of report.cycles) {
  const verdict = cycle.converged ? 'settled' : 'did NOT settle';
  console.log(
    `Cycle ${cycle.nodes.map(nameOf).join(' <-> ')} ${verdict} in ${cycle.iterations} iterations.`,
  );
}
// The consultant's one sentence: the best fix, what it is worth, and who it is behind.
const best = fixes[0]!;
const behind = report.customers.filter(
  (c) => c.weakestLink?.type === best.link.type && c.weakestLink.id === best.link.id,
);
console.log(
  `Advice: fix ${describe(best.link, report)} first: the score rises from ${fmt(report.score)} ` +
    `to ${fmt(report.score! + best.value)}.`,
);
console.log(
  behind.length > 0
    ? `It is the weakest link behind ${behind.map((c) => c.name).join(', ')}.`
    : "It is no customer's weakest link: the weakest link and the best fix are not always the same.",
);

// Expected output:
// Riverside College
// Organisation score: 0.596
//   Undergraduates: service 0.595, weakest link Exams office -> School of Engineering (feedback-engineering)
//     chain strength 0.700: Exams office > School of Engineering > Undergraduates
//   Postgraduates: service 0.550, weakest link Exams office -> Business School (feedback-business)
//   Applicants: service 0.760, weakest link Admissions and registry -> Applicants
//   Placement employers: service 0.510, weakest link Exams office -> School of Engineering (feedback-engineering)
//   1. IT Services: +0.053
//   2. Business School: +0.032
//   3. Exams office -> Business School (feedback-business): +0.023
// Advice: fix IT Services first: the score rises from 0.596 to 0.649.
// It is no customer's weakest link: the weakest link and the best fix are not always the same.
