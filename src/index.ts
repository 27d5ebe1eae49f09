/**
 * service-chain: model an organisation as a chain of internal customers, propagate service through
 * its hand-offs, find the weakest link behind every customer and measure what each link costs.
 */

export type {
  ActorReport,
  CustomerReport,
  CycleReport,
  HandoffReport,
  LinkRef,
  RankedLink,
  Ranking,
  Rankings,
  Report,
  WeakestLink,
} from './analysis/report.js';
export type { ErrorCode, Issue, Warning, WarningCode } from './model/errors.js';
/** The library's one error type: every issue found, each with a stable `code`, a `path` and a message. */
export { ServiceChainError } from './model/errors.js';
export type {
  Carries,
  Combine,
  Customer,
  CustomerDefaults,
  Department,
  Employee,
  Handoff,
  Model,
  Priorities,
  Rating,
  Relationship,
  Scale,
  Segment,
} from './model/schema.js';
/** The zod schema of a model file; its JSON Schema is `docs/model.schema.json`. */
export { ModelSchema } from './model/schema.js';
