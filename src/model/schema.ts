/** The organisation model's shape (docs/model.md, "Notation"; docs/model.md, "Ratings and surveys"; docs/model-file.md, "Every field"; docs/business-impact.md, "The model"): the single source of its types. */
import { z } from 'zod';

/** A share in [0, 1]: quality, performance, welfare, dependence, recovery. */
const Share = z.number().min(0).max(1);
/**
 * The bounds that keep every sum and product of a model finite (docs/model-file.md, "Bounds on
 * numbers"): amounts (value, count, tells, acquisitionCost, churn.perFailure) up to 1e12, hand-off
 * weights from 1e-9 to 1e9, scale ends within ±1e6, a positive count at least 1e-6, and a plan
 * candidate's cost from 1e-6 to 1e12 (gain / cost stays finite).
 */
export const NUMBER_BOUNDS = {
  amount: 1e12,
  weight: { min: 1e-9, max: 1e9 },
  scale: 1e6,
  count: 1e-6,
  cost: 1e-6,
} as const;
/** A number >= 0 up to the amount bound (zod 4 numbers reject NaN and ±Infinity). */
const Amount = z.number().min(0).max(NUMBER_BOUNDS.amount);
/** A head count: 0 (stands for no one) or at least 1e-6, so that value / count stays finite. */
const Count = Amount.refine((count) => count === 0 || count >= NUMBER_BOUNDS.count, {
  message: 'must be 0 or at least 1e-6',
  params: { code: 'out_of_range' },
});
/** Any finite number >= 0: priorities are divided by their largest before they are summed. */
const NonNegative = z.number().min(0);
/** A hand-off weight: relative, so bounded on both sides (sums and w / sum w stay finite). */
const Weight = z.number().min(NUMBER_BOUNDS.weight.min).max(NUMBER_BOUNDS.weight.max);
/** One end of the rating scale: max - min stays finite. */
const ScaleEnd = z.number().min(-NUMBER_BOUNDS.scale).max(NUMBER_BOUNDS.scale);
const Id = z.string().min(1, 'an id cannot be empty');

/**
 * A share known only roughly (docs/uncertainty.md, "Estimates"): `{ mean, sd }` is a Beta on [0, 1]
 * with that mean and standard deviation (sd 0 is the exact mean; a Beta needs sd^2 < mean (1 - mean)),
 * `{ low, high }` is uniform between the two.
 */
export const MeanSdSchema = z
  .strictObject({ mean: Share, sd: NonNegative })
  .refine((e) => e.sd === 0 || e.sd * e.sd < e.mean * (1 - e.mean), {
    path: ['sd'],
    error: (issue) => {
      const { mean, sd } = issue.input as { mean: number; sd: number };
      const most = +Math.sqrt(mean * (1 - mean)).toPrecision(3);
      return `must be below ${most} for a mean of ${mean} (a share's sd is below sqrt(mean x (1 - mean))), got ${sd}`;
    },
  });
/** A share anywhere between `low` and `high`, every value as likely (uniform). */
export const LowHighSchema = z
  .strictObject({ low: Share, high: Share })
  .refine((e) => e.low <= e.high, {
    path: ['high'],
    error: (issue) => {
      const { low, high } = issue.input as { low: number; high: number };
      return `must be at least low (${low}), got ${high}`;
    },
  });
/** A share given exactly (a number) or as an estimate (docs/uncertainty.md, "Estimates"). */
export const EstimatedShareSchema = z.union([Share, MeanSdSchema, LowHighSchema]);

/** How an actor combines its input groups (docs/model.md, "Propagation: service flows down the chain"). */
export const CombineSchema = z.enum(['mean', 'min', 'product', 'geometric']);
/** What a hand-off carries; descriptive only. */
export const CarriesSchema = z.enum(['work', 'information', 'materials', 'goods', 'service']);
/** The four external segments; employees are the fifth, internal, set of customers. */
export const SegmentSchema = z.enum(['end-user', 'prospect', 'distributor', 'supplier']);
/** Patients and shoppers are short-term, students long-term. */
export const RelationshipSchema = z.enum(['short-term', 'long-term']);

/** Weights per rating dimension: what matters most to this receiver (docs/model.md, "Ratings and surveys"). */
export const PrioritiesSchema = z.record(z.string().min(1), NonNegative);

/** The rating scale; default 1 to 5. */
export const ScaleSchema = z
  .strictObject({ min: ScaleEnd, max: ScaleEnd })
  .refine((scale) => scale.min < scale.max, { message: 'min must be below max', path: ['max'] });

/**
 * One rating: a perception on the scale, or an expectation-gap pair as INTSERVQUAL asks it
 * (the quality then comes from how far perception falls short of expectation).
 */
export const RatingSchema = z.union([
  z.number(),
  z.strictObject({ expected: z.number(), perceived: z.number() }),
]);

const scoringFields = {
  /** How well the actor does its own part when its inputs are perfect; default 1; may be an estimate. */
  performance: EstimatedShareSchema.optional(),
  /** Staff welfare and morale; multiplies performance; default 1; may be an estimate. */
  welfare: EstimatedShareSchema.optional(),
  /** How much of an input's shortfall passes through to the output; default 1. */
  dependence: Share.optional(),
  /** How inputs are combined; default `mean`. */
  combine: CombineSchema.optional(),
  /** Marks an actor that deals with external customers directly; descriptive only. */
  customerFacing: z.boolean().optional(),
  /** What this actor, as an internal customer, weighs most when rating its providers. */
  priorities: PrioritiesSchema.optional(),
};

/** A team or unit; may nest under a `parent` department. */
export const DepartmentSchema = z.strictObject({
  id: Id,
  name: z.string().optional(),
  description: z.string().optional(),
  parent: Id.optional(),
  ...scoringFields,
});

/** A person or a role; `manager` is structure only, not a hand-off. */
export const EmployeeSchema = z.strictObject({
  id: Id,
  name: z.string().optional(),
  description: z.string().optional(),
  department: Id.optional(),
  manager: Id.optional(),
  role: z.string().optional(),
  ...scoringFields,
});

/** Yearly churn: a base share lost whatever the service, and the extra share per unit of failure. */
export const ChurnSchema = z.strictObject({
  base: Share.optional(),
  perFailure: Amount.optional(),
});

/** Each lost customer tells `tells` others, each of whom would have joined with `conversion`. */
export const WordOfMouthSchema = z.strictObject({
  tells: Amount.optional(),
  conversion: Share.optional(),
});

/** Business-impact coefficients of a customer (docs/business-impact.md, "The model"); all optional. */
const businessFields = {
  count: Count.optional(),
  churn: ChurnSchema.optional(),
  recovery: Share.optional(),
  wordOfMouth: WordOfMouthSchema.optional(),
  acquisitionCost: Amount.optional(),
};

/** Coefficients that apply to every customer that does not set its own. */
export const CustomerDefaultsSchema = z.strictObject({
  value: Amount.optional(),
  ...businessFields,
});

/** An external customer: who the organisation exists for. */
export const CustomerSchema = z.strictObject({
  id: Id,
  name: z.string().optional(),
  description: z.string().optional(),
  segment: SegmentSchema.optional(),
  value: Amount.optional(),
  relationship: RelationshipSchema.optional(),
  priorities: PrioritiesSchema.optional(),
  ...businessFields,
});

/** A hand-off `from -> to`: the receiver is the provider's customer. */
export const HandoffSchema = z.strictObject({
  id: Id.optional(),
  from: Id,
  to: Id,
  carries: CarriesSchema.optional(),
  quality: EstimatedShareSchema.optional(),
  ratings: z.record(z.string().min(1), RatingSchema).optional(),
  weight: Weight.optional(),
  group: z.string().min(1).optional(),
  description: z.string().optional(),
  /** Whole days before the receiver feels a change in what it gets (docs/model.md, "Change over time"); default 0. */
  lag: z.int().min(0).optional(),
});

/**
 * How many of the alternative hand-offs of group `group` into `to` the receiver needs
 * (docs/model.md, "k-of-n alternatives"); a group without an entry needs one.
 */
export const GroupNeedSchema = z.strictObject({
  to: Id,
  group: z.string().min(1),
  need: z.number().int().min(1),
});

/** Where an observation of an external customer came from (docs/uncertainty.md, "Observations"). */
export const ObservationSourceSchema = z.enum([
  'questionnaire',
  'informal',
  'mystery-shopper',
  'complaints',
  'compliments',
  'other',
]);

/**
 * What the firm observed of one external customer: a score in [0, 1], or on the model's rating
 * scale with `scale: true`; `n` respondents (default 1) weigh it against other observations.
 */
export const ObservationSchema = z.strictObject({
  customer: Id,
  source: ObservationSourceSchema,
  score: z.number(),
  scale: z.boolean().optional(),
  n: z.number().positive().optional(),
  description: z.string().optional(),
});

/** A whole model file, or the API's plain-object model. */
export const ModelSchema = z.strictObject({
  /** The JSON Schema a file names for editor completion (docs/model.schema.json); not read. */
  $schema: z
    .string()
    .meta({
      description:
        'The JSON Schema this file follows, for editor completion (`service-chain schema --out model.schema.json` writes it); not read by the tool. In JSON: "$schema": "./model.schema.json"; in YAML, the first line: # yaml-language-server: $schema=./model.schema.json',
      examples: ['./model.schema.json'],
    })
    .optional(),
  version: z.literal(1),
  name: z.string().optional(),
  description: z.string().optional(),
  /** The currency of every money figure (`value`, `acquisitionCost`), printed beside them: `EUR`, `£`. */
  currency: z.string().min(1).optional(),
  scale: ScaleSchema.optional(),
  dimensions: z.array(z.string().min(1)).min(1).optional(),
  defaults: CustomerDefaultsSchema.optional(),
  departments: z.array(DepartmentSchema).optional(),
  employees: z.array(EmployeeSchema).optional(),
  customers: z.array(CustomerSchema).optional(),
  handoffs: z.array(HandoffSchema).optional(),
  groups: z.array(GroupNeedSchema).optional(),
  /** What the firm observed of its external customers (docs/uncertainty.md, "Observations"). */
  observations: z.array(ObservationSchema).optional(),
});

/** How an actor combines its input groups: `mean`, `min`, `product` or `geometric`. @useDeclaredType */
export type Combine = z.infer<typeof CombineSchema>;
/** What a hand-off carries: work, information, materials, goods or service. @useDeclaredType */
export type Carries = z.infer<typeof CarriesSchema>;
/** An external customer's segment: end-user, prospect, distributor or supplier. @useDeclaredType */
export type Segment = z.infer<typeof SegmentSchema>;
/** How long a customer stays: `short-term` (patients, shoppers) or `long-term` (students). @useDeclaredType */
export type Relationship = z.infer<typeof RelationshipSchema>;
/** Weights per rating dimension: what matters most to a receiver. @useDeclaredType */
export type Priorities = z.infer<typeof PrioritiesSchema>;
/** The rating scale `{ min, max }`; default 1 to 5. @useDeclaredType */
export type Scale = z.infer<typeof ScaleSchema>;
/** One rating: a perception on the scale, or an `{ expected, perceived }` pair. @useDeclaredType */
export type Rating = z.infer<typeof RatingSchema>;
/** A share given as a number (exact) or an estimate `{ mean, sd }` / `{ low, high }`. @useDeclaredType */
export type EstimatedShare = z.infer<typeof EstimatedShareSchema>;
/** An observation's source: questionnaire, informal, mystery-shopper, complaints, compliments or other. @useDeclaredType */
export type ObservationSource = z.infer<typeof ObservationSourceSchema>;
/** What the firm observed of one external customer. @useDeclaredType */
export type Observation = z.infer<typeof ObservationSchema>;
/** A team or unit; may nest under a `parent` department. @useDeclaredType */
export type Department = z.infer<typeof DepartmentSchema>;
/** A person or a role; `manager` is structure only, not a hand-off. @useDeclaredType */
export type Employee = z.infer<typeof EmployeeSchema>;
/** Yearly churn of a customer: `base` share and extra share `perFailure`. @useDeclaredType */
export type Churn = z.infer<typeof ChurnSchema>;
/** Word of mouth of a lost customer: `tells` others, each joining with `conversion`. @useDeclaredType */
export type WordOfMouth = z.infer<typeof WordOfMouthSchema>;
/** Business-impact coefficients that apply to every customer that does not set its own. @useDeclaredType */
export type CustomerDefaults = z.infer<typeof CustomerDefaultsSchema>;
/** An external customer: who the organisation exists for. @useDeclaredType */
export type Customer = z.infer<typeof CustomerSchema>;
/** A hand-off `from -> to`: the receiver is the provider's customer. @useDeclaredType */
export type Handoff = z.infer<typeof HandoffSchema>;
/** How many of a group's alternative hand-offs its receiver needs: `{ to, group, need }`. @useDeclaredType */
export type GroupNeed = z.infer<typeof GroupNeedSchema>;
/**
 * A model as written: optional fields stay absent; defaults apply when it is compiled.
 * @useDeclaredType
 */
export type Model = z.infer<typeof ModelSchema>;
