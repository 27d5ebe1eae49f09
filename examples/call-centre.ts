/**
 * What a consultant would tell the Contact Centre (examples/call-centre.yaml), in service and in
 * money. Run it: `npx tsx examples/call-centre.ts`
 *
 * Two front lines share stale customer records. The analysis finds the weakest links; the business
 * impact (MODEL.md section 9) puts a yearly figure on customers lost and money at risk; and two
 * remedies are priced side by side: a recovery program (apologise, put it right, follow up), which
 * moves no service score at all, and a back-office fix of the customer records.
 */
import { fileURLToPath } from 'node:url';
import {
  analyze,
  businessImpact,
  type LinkRef,
  loadModelFile,
  moneyWhatIf,
  type Report,
  whatIf,
} from '../src/index.js';

const { model } = await loadModelFile(fileURLToPath(new URL('call-centre.yaml', import.meta.url)));
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
console.log("Each customer's weakest link:");
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
/** Money as the client reads it: whole units with thousands separators. */
const money = (x: number) => String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

// Money at risk: customers lost through failed dealings, prospects not won, replacing them.
const impact = businessImpact(model);
console.log(
  `Money at risk a year: ${money(impact.total.atRisk)} ` +
    `(${money(impact.total.lost)} customers lost, ${money(impact.total.notWon)} not won)`,
);
console.log('Top 3 fixes by money saved a year:');
for (const [i, fix] of impact.rankings.fixSaves.slice(0, 3).entries()) {
  console.log(`  ${i + 1}. ${describe(fix.link, report)}: ${money(fix.value)}`);
}
console.log('');

// Two remedies side by side. A recovery program wins back failed dealings after the fact: it
// changes no service score, so S cannot see it; money can.
const remedies = [
  {
    label: 'Recovery program (households win back 50% of failures, businesses 60%)',
    changes: [
      { customer: 'households', set: { recovery: 0.5 } },
      { customer: 'businesses', set: { recovery: 0.6 } },
    ],
  },
  {
    label: 'Back-office fix (clean customer records: CRM hand-offs 0.75 -> 0.95)',
    changes: [
      { handoff: 'crm->care-desk', set: { quality: 0.95 } },
      { handoff: 'crm->sales-desk', set: { quality: 0.95 } },
    ],
  },
];
console.log('Two remedies:');
const savings = remedies.map((remedy) => {
  const saved = moneyWhatIf(model, remedy).saved;
  const score = whatIf(model, remedy, { rankings: false }).score;
  console.log(`  ${remedy.label}`);
  console.log(
    `    saves ${money(saved)} a year; score ${fmt(score.before)} -> ${fmt(score.after)}`,
  );
  return saved;
});
const [recovery, records] = savings as [number, number];
console.log(
  `Advice: the recovery program saves ${(recovery / records).toFixed(1)} times what the records ` +
    'clean-up saves, yet the organisation score cannot see it: judge remedies in money too.',
);

// Expected output:
// Contact Centre
// Organisation score: 0.665
//   TelcoLink (carrier): service 0.760, weakest link Workforce planning
//   Fixit Field Services: service 0.668, weakest link IT & CRM -> Care desk
//   Households: service 0.692, weakest link IT & CRM -> Care desk
//   Small businesses: service 0.675, weakest link IT & CRM -> Care desk
//   High-street resellers: service 0.608, weakest link IT & CRM -> Sales & service desk
//   Resellers' customers: service 0.547, weakest link IT & CRM -> Sales & service desk
//   Quote requests: service 0.574, weakest link IT & CRM -> Sales & service desk
//   1. Care desk -> Households: +0.028
//   2. Fixit Field Services -> Households: +0.021
//   3. IT & CRM: +0.019
// Money at risk a year: 4,751,362 (7,593 customers lost, 1,518 not won)
//   1. Care desk -> Households: 272,706
//   2. Fixit Field Services -> Households: 209,949
//   3. IT & CRM: 174,131
//     saves 995,630 a year; score 0.665 -> 0.665
//     saves 65,356 a year; score 0.665 -> 0.672
// Advice: the recovery program saves 15.2 times what the records clean-up saves, yet the organisation score cannot see it: judge remedies in money too.
