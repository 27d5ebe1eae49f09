/**
 * One central warehouse, two suppliers (examples/warehouse.yaml): where a single failure would cut
 * customers off, and what a backup would gain. Run it: `npx tsx examples/warehouse.ts`
 *
 * The two suppliers are alternatives, so neither is a single point of failure; the warehouse is:
 * every town and online shopper's goods pass through it. `backups` tries each actor that already
 * hands goods to someone as a second provider and measures the exact gain.
 */
import { fileURLToPath } from 'node:url';
import { analyze, backups } from '../src/index.js';
import { loadModelFile } from '../src/node.js';

const { model } = await loadModelFile(fileURLToPath(new URL('warehouse.yaml', import.meta.url)));
const report = analyze(model);
const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));

console.log(`Score ${fmt(report.score)}`);
for (const customer of report.customers) {
  const links = (customer.singlePointsOfFailure ?? []).map((link) => link.id);
  if (links.length > 0) console.log(`No way around for ${customer.name}: ${links.join(', ')}`);
}
const [best] = backups(model).backups;
if (best !== undefined) {
  const added = best.handoffs.map((h) => h.id).join(' and ');
  console.log(`Best backup: ${added} for ${best.protects.id}, +${fmt(best.scoreGain)} in S`);
}

// Expected output:
// Score 0.577
// No way around for Town shoppers: buying, warehouse, warehouse->stores, stores, stores->shoppers
// Best backup: depot->stores and depot->dispatch for warehouse, +0.135 in S
