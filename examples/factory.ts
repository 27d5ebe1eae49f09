/**
 * What a consultant would tell Northern Garments (examples/factory.yaml), and the improvement plan
 * for its budget (examples/factory-candidates.yaml). Run it: `npx tsx examples/factory.ts`
 *
 * The machinists are skilled but miserable: welfare multiplies performance, so the sewing floor is
 * the weakest link behind every customer. Management wants a bigger piecework bonus; the plan
 * weighs every candidate by its exact gain in the organisation score per pound.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { analyze, parseCandidates, plan } from '../src/index.js';
import { loadModelFile } from '../src/node.js';
import { consultantFor, fmt } from './consultant.js';

const { model } = await loadModelFile(fileURLToPath(new URL('factory.yaml', import.meta.url)));
const report = analyze(model);

// The score, each customer's weakest link with the chain behind it, the top 3 fixes.
consultantFor(report).diagnose();
// The plan: the best set of candidates within the budget, by exact gain (every combination).
const candidatesFile = fileURLToPath(new URL('factory-candidates.yaml', import.meta.url));
const { candidates, budget } = parseCandidates(await readFile(candidatesFile, 'utf8'), model);
const result = plan(model, { candidates, budget: budget ?? 0 });
console.log(`Improvement plan, budget £${result.budget}:`);
for (const [i, step] of result.steps.entries()) {
  console.log(
    `  ${i + 1}. ${step.label}: £${step.cost}, +${fmt(step.gain)} -> score ${fmt(step.score)}`,
  );
}
for (const skipped of result.notTaken) {
  const offered = skipped.gain === null ? '' : `; it would add +${fmt(skipped.gain)}`;
  console.log(`  not taken: ${skipped.label} (£${skipped.cost}, ${skipped.reason}${offered})`);
}
console.log(
  `Advice: spend £${result.spent} of £${result.budget}: the score rises from ` +
    `${fmt(result.scoreBefore)} to ${fmt(result.scoreAfter)}.`,
);

// Expected output:
// Northern Garments
// Organisation score: 0.412
//   Pennine Mills: not scored (it receives no hand-off)
//   High-street retailers: service 0.420, weakest link Sewing floor
//   Shoppers: service 0.378, weakest link Sewing floor
//   1. Sewing floor: +0.195
//   2. Sewing floor -> Finishing and pressing: +0.034
//   3. Sales office -> High-street retailers: +0.024
// Improvement plan, budget £5000:
//   1. Refurbish the rest rooms and install a pay phone: £400, +0.104 -> score 0.516
//   2. New cutting table with a laser guide: £2500, +0.016 -> score 0.532
//   3. Second pressing machine: £1800, +0.010 -> score 0.542
//   not taken: Raise the piecework bonus (£12000, over_budget; it would add +0.025)
// Advice: spend £4700 of £5000: the score rises from 0.412 to 0.542.
