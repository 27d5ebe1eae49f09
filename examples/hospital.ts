/**
 * What a consultant would tell St Brigid's General Hospital (examples/hospital.yaml).
 * Run it: `npx tsx examples/hospital.ts`
 *
 * Patients are short-term customers: each stay has to be right first time. The analysis follows
 * every patient's service back to the weakest link behind it, and ranks the links by what fixing
 * each alone would gain.
 */
import { fileURLToPath } from 'node:url';
import { analyze, type LinkRef, loadModelFile, type Report } from '../src/index.js';

const { model } = await loadModelFile(fileURLToPath(new URL('hospital.yaml', import.meta.url)));
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
console.log("Each patient group's weakest link:");
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
// St Brigid's General Hospital
// Organisation score: 0.559
//   Emergency admissions: service 0.573, weakest link Pathology laboratory -> Medical ward (results-medical)
//     chain strength 0.550: Pathology laboratory > Medical ward > Emergency admissions
//   Planned surgery patients: service 0.540, weakest link Pathology laboratory -> Medical ward (results-medical)
//   Local GP practices: service 0.361, weakest link Pathology laboratory -> Medical ward (results-medical)
//   1. Pathology laboratory -> Medical ward (results-medical): +0.058
//   2. Catering: +0.025
//   3. Medical ward: +0.020
// Advice: fix Pathology laboratory -> Medical ward (results-medical) first: the score rises from 0.559 to 0.616.
// It is the weakest link behind Emergency admissions, Planned surgery patients, Local GP practices.
