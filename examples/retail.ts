/**
 * What a consultant would tell High Street Retail (examples/retail.yaml).
 * Run it: `npx tsx examples/retail.ts`
 *
 * The Warehouse never meets a customer, yet most shoppers' service passes through it. The analysis
 * follows every customer's service back to the weakest link behind it, and ranks the links by what
 * fixing each alone would gain.
 */
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/index.js';
import { loadModelFile } from '../src/node.js';
import { consultantFor } from './consultant.js';

const { model } = await loadModelFile(fileURLToPath(new URL('retail.yaml', import.meta.url)));
const report = analyze(model);
const consultant = consultantFor(report);

// The score, each customer's weakest link with the chain behind it, the top 3 fixes.
consultant.diagnose();
// Cycles (the Call centre and After-sales report to each other) are solved as a greatest fixed point.
consultant.cycles();
// The consultant's one sentence: the best fix, what it is worth, and who it is behind.
consultant.advise();

// Expected output:
// High Street Retail
// Organisation score: 0.470
//   Fresh Goods Ltd: service 0.902, weakest link Buying -> Fresh Goods Ltd
//   QuickStock: service 0.855, weakest link Buying -> QuickStock
//   Store shoppers: service 0.559, weakest link Warehouse -> Stores
//   Online shoppers: service 0.268, weakest link Dispatch -> Online shoppers
//   Country Traders: service 0.551, weakest link Warehouse -> Dispatch
//   Country-town shoppers: service 0.469, weakest link Warehouse -> Dispatch
//   Newsletter subscribers: service 0.570, weakest link Online shop -> Newsletter subscribers
//   1. Warehouse -> Dispatch: +0.065
//   2. Dispatch -> Online shoppers: +0.039
//   3. Warehouse -> Stores: +0.031
// Advice: fix Warehouse -> Dispatch first: the score rises from 0.470 to 0.535.
// It is the weakest link behind Country Traders, Country-town shoppers.
