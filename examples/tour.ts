/**
 * A one-file tour of the service-chain TypeScript API. Run it: `npx tsx examples/tour.ts`
 * (in your own code, import from 'service-chain' instead of '../src/index.js').
 *
 * The story: a small bakery. The Bakehouse bakes, the Shop sells over the counter, the Van delivers
 * to cafés. The Shop's orders to the Bakehouse are scribbled on a whiteboard, and the van driver,
 * Dev, reports what the cafés said to the bakehouse manager, Mia — his manager is his customer.
 */
import {
  analyze,
  modelBuilder,
  parseModel,
  ServiceChainError,
  stringifyModel,
  toMarkdown,
  toText,
  whatIf,
} from '../src/index.js';

// 1. Build a model in code. The builder assembles the same plain object a YAML file holds and
//    validates it the same way: `build()` returns the model and its warnings, or throws.
const { model, warnings } = modelBuilder({ name: 'Corner Bakery' })
  .department('bakehouse', { name: 'Bakehouse', performance: 0.95 })
  .department('shop', { name: 'Shop', customerFacing: true })
  // The van needs both the bread and the delivery list right: the worst input rules.
  .department('van', { name: 'Delivery van', combine: 'min' })
  .employee('mia', { name: 'Mia', department: 'bakehouse', role: 'Bakehouse manager' })
  .employee('dev', { name: 'Dev', department: 'van', manager: 'mia', role: 'Driver' })
  .customer('walk-ins', { name: 'Walk-in customers', segment: 'end-user', value: 60000 })
  .customer('cafes', { name: 'Cafés', segment: 'distributor', value: 40000 })
  .handoff('shop', 'bakehouse', { id: 'orders', carries: 'information', quality: 0.7 })
  .handoff('mia', 'bakehouse', { id: 'bake-plan', carries: 'work', quality: 0.9 })
  .handoff('bakehouse', 'shop', { carries: 'goods', quality: 0.9, weight: 2 })
  .handoff('bakehouse', 'van', { carries: 'goods', quality: 0.9 })
  .handoff('shop', 'van', { id: 'delivery-list', carries: 'information', quality: 0.85 })
  .handoff('shop', 'walk-ins', { carries: 'service', quality: 0.95 })
  .handoff('van', 'cafes', { carries: 'goods', quality: 0.9 })
  .handoff('dev', 'mia', { id: 'cafe-feedback', carries: 'information', quality: 0.9 })
  .build();
console.log(
  `1. built ${model.name}: ${model.handoffs?.length} hand-offs, ${warnings.length} warnings`,
);

// 2. Analyse it. The report is plain data (docs/model.md, "What each report field means to a consultant"): the organisation score S, every
//    customer's service, chain strength, weakest link and the chain leading to it.
const report = analyze(model);
console.log(`2. organisation score ${report.score?.toFixed(3)}`);
for (const customer of report.customers) {
  const weakest = customer.weakestLink?.id ?? 'none';
  console.log(
    `   ${customer.id}: service ${customer.service?.toFixed(3)}, weakest link ${weakest}, ` +
      `chain ${customer.chain.join(' > ')}`,
  );
}

// 3. Rankings: the links by what fixing each alone would gain (exact, not a slope), overall and
//    per customer. Sensitivities (dS/dx) and failure losses are ranked the same way.
const [first, second] = report.rankings.overall.fixGain;
console.log(`3. best fix ${first?.link.id} (+${first?.value.toFixed(3)}), next ${second?.link.id}`);
const forCafes = report.rankings.byCustomer.find((entry) => entry.customer === 'cafes');
console.log(`   best fix for the cafés: ${forCafes?.ranking.fixGain[0]?.link.id}`);

// 4. What-if: change fields (or add and remove hand-offs) and compare before and after. Here the
//    Shop replaces the whiteboard with an order form.
const scenario = { changes: [{ handoff: 'orders', set: { quality: 0.9 } }] };
const result = whatIf(model, scenario);
const { before, after } = result.score;
console.log(`4. order form: score ${before?.toFixed(3)} -> ${after?.toFixed(3)}`);

// 5. Renderers are pure functions of the report: plain text for a terminal, Markdown for a wiki
//    page (and HTML, Mermaid, DOT and SVG in the CLI and the library).
const text = toText(report, { top: 3 });
console.log(`5. ${text.split('\n')[0]}`);
console.log(`   ${toMarkdown(report).split('\n')[0]}`);

// 6. Models travel as YAML or JSON text; parsing validates, and stringifying is stable.
const yaml = stringifyModel(model, 'yaml');
const again = parseModel(yaml).model;
console.log(`6. YAML round trip keeps the score: ${analyze(again).score === report.score}`);

// 7. A bad model gets every problem at once, each with a stable code and a path.
try {
  parseModel('version: 1\nhandoffs:\n  - { from: shop, to: bakehouse, quality: 1.5 }\n');
} catch (error) {
  if (!(error instanceof ServiceChainError)) throw error;
  for (const issue of error.issues) console.log(`7. ${issue.code} at ${issue.path}`);
}

// Expected output:
// 1. built Corner Bakery: 8 hand-offs, 0 warnings
// 2. organisation score 0.433
//    walk-ins: service 0.469, weakest link orders, chain shop > bakehouse > shop > walk-ins
//    cafes: service 0.378, weakest link orders, chain shop > bakehouse > van > cafes
// 3. best fix orders (+0.097), next bakehouse->shop
//    best fix for the cafés: orders
// 4. order form: score 0.433 -> 0.493
// 5. Service chain analysis: Corner Bakery
//    # Service chain analysis: Corner Bakery
// 6. YAML round trip keeps the score: true
// 7. out_of_range at handoffs[0].quality
// 7. unknown_node at handoffs[0].from
// 7. unknown_node at handoffs[0].to
