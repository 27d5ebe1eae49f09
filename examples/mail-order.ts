/**
 * What a consultant would tell Hartley Mail Order (examples/mail-order.yaml).
 * Run it: `npx tsx examples/mail-order.ts`
 *
 * The report leads with the decision: the link to fix first (the largest exact fix gain), then
 * the weakest links, each shown as what caps its customers, with its own gain and the reason the
 * two differ. One chain goes round the warehouse/sales loop, and the report says so.
 */
import { fileURLToPath } from 'node:url';
import { analyze, toText } from '../src/index.js';
import { loadModelFile } from '../src/node.js';

const { model } = await loadModelFile(fileURLToPath(new URL('mail-order.yaml', import.meta.url)));
const report = analyze(model);
const text = toText(report, { top: 3 });

// The headline and the chains behind the customers, as the text report prints them.
const lines = text.split('\n');
const headline = lines.slice(lines.indexOf('Headline'), lines.indexOf('Customers') - 1);
const chains = lines.filter((line) => line.startsWith('- Northern Distributors:'));
console.log([...headline, ...chains].join('\n'));

// Expected output:
// Headline
// --------
// - [fix first] Warehouse (department): fixing it alone raises S by +0.077, from 0.678 to 0.755, the largest gain of any single link. Its welfare (0.920) is the problem, more than its performance (0.980).
// - [weakest link] Jo Baker -> Home shoppers is the weakest link behind 1 of 2 customers that weigh in S (Home shoppers): it cannot receive more than 0.700 through it. Fixing it gains +0.010 (rank 10 by fix gain). It caps more than it costs: it carries only 6% of the weight of what Home shoppers takes in.
// - Northern Distributors: Warehouse -> Sales -> back to Warehouse -> Dispatch desk -> Northern Distributors
