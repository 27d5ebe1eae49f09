/**
 * The engine's internal API (NOT re-exported from src/index.ts): what the analysis, what-if, plan
 * and business-impact layers call. Everything works on a `CompiledChain` (compile once) and typed
 * arrays indexed by node (declaration order: departments, employees, customers), by hand-off
 * (declaration order) or by link (actors `0 .. actorCount - 1`, then hand-off h at `actorCount + h`).
 *
 * Typical use:
 *   const chain = compileModel(model);                       // O(V + E)
 *   const evaluation = propagate(chain, options);            // s, I, S, cycles   (docs/model.md, "Propagation: service flows down the chain")
 *   const strength = chainStrength(chain);                   // W                 (docs/model.md, "Chain strength and the weakest link")
 *   const weakest = weakestLink(chain, strength, node);      // link + walk path  (docs/model.md, "Chain strength and the weakest link")
 *   const sens = scoreSensitivity(chain, evaluation);        // dS/dx, all links  (docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss")
 *   const impacts = linkImpacts(chain, evaluation, sens);    // exact fixGain / failureLoss
 *   linkImpacts(chain, evaluation, sens, { links, onProgress, work, tolerance }); // options object
 *   customersReached(chain); handoffsToCustomer(chain);      // reach            (docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss")
 *   // what-if: change fields and re-evaluate only what is downstream
 *   const next = applyChanges(chain, [{ handoff: 3, field: 'quality', value: 0.9 }]);
 *   const after = reevaluate(next.chain, evaluation, next.changedNodes, options);
 *   const strengthAfter = reevaluateStrength(next.chain, strength, next.changedNodes);
 *   // business impact: every customer's service after a link is set to a value
 *   customerServiceAfter(chain, evaluation, link, 1, options);           // one link, exact
 *   forEachLinkCustomerImpact(chain, evaluation, options, (link, fix, failure) => { ... });
 *
 * Conventions:
 * - Comparing floats: chain strengths are COPIES (through min and max) of the stored p and q
 *   numbers, so the weakest-link walk compares them with === (exact). Effective performance
 *   p = performance x welfare is computed once, at compile time, and stored.
 * - "No figure" inside the engine is NaN (infinite sensitivity, S null); the analysis layer turns
 *   it into null. Reported figures never hold NaN or Infinity.
 * - `handoffIds` / `handoffIndex` are built on first use (lazy): the numeric algorithms never need
 *   them. The compiled chain holds no reference to the model.
 * - linkImpacts / forEachLinkCustomerImpact / customerServiceAfter set a link in place on the chain
 *   and restore it before returning (synchronous; do not share a chain across threads meanwhile).
 * - Cost: everything is O(V + E) except exact fixGain / failureLoss on links where S is not affine
 *   (one downstream traversal per NODE, its links as lanes, see impact-lanes.ts) and
 *   forEachLinkCustomerImpact, which also keeps a V x C matrix of per-customer adjoints (8 V C
 *   bytes: 320 MB at 1M nodes and 40 customers; customerAdjoints computes it in one pass) and the
 *   lanes of the links that need a traversal until it visits them in link order.
 */

export { forEachLinkSensitivities, type LinkSensitivitiesVisitor } from './adjoint-lanes.js';
export { affineNodes, isAffineLink } from './affine.js';
export { combineCode, compileModel } from './compile.js';
export { findComponents } from './components.js';
export { chainOrder, groupNeed, noWayAround, reachedNodes, sourceJoined } from './dominators.js';
export { type DailyRun, type DynamicsSettings, type LaggedInputs, runDays } from './dynamics.js';
export { FIX_BOUND_MARGIN, fixGainBounds, surelyBelow } from './fix-bound.js';
export {
  type CustomerImpactSettings,
  type CustomerImpactVisitor,
  customerAdjoints,
  customerServiceAfter,
  forEachLinkCustomerImpact,
  type ImpactOptions,
  type ImpactProgress,
  type ImpactWork,
  joinLanes,
  type LaneBatch,
  linkImpacts,
  type TraversedLanes,
  traversedBatches,
  traversedLanes,
} from './impact.js';
export { applyChanges, reevaluate, reevaluateStrength } from './incremental.js';
export { linkName, linkNode, linkValue } from './links.js';
export { runSamples, type SampleRun, type SampleView } from './monte-carlo.js';
export { nodeInput, serviceOf } from './node-service.js';
export { organisationScore, propagate } from './propagate.js';
export { customersReached, handoffsToCustomer } from './reach.js';
export {
  createSampleFixGains,
  type FixRequest,
  type FixStructure,
  fixStructure,
  type SampleFixGains,
  sampleFixGains,
} from './sample-fix-gains.js';
export { type SamplePlan, samplePlan } from './sample-plan.js';
export { customerSensitivity, scoreSensitivity, sensitivity } from './sensitivity.js';
export { chainStrength } from './strength.js';
export * from './types.js';
export { weakestLink } from './weakest-link.js';
