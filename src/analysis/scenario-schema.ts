/**
 * The scenario vocabulary (docs/cookbook.md, "What-if scenarios"): a list of `changes`, each setting fields of one
 * hand-off, actor or customer, or adding or removing one. What-if scenarios and plan candidates
 * share it.
 */
import { z } from 'zod';
import {
  CarriesSchema,
  CustomerSchema,
  DepartmentSchema,
  EmployeeSchema,
  HandoffSchema,
  NUMBER_BOUNDS,
  RatingSchema,
} from '../model/schema.js';

const Id = z.string().min(1, 'an id cannot be empty');

/** Fields a scenario may set on a hand-off; `group: null` removes the hand-off from its group. */
export const HandoffSetSchema = z.strictObject({
  quality: HandoffSchema.shape.quality,
  ratings: z.record(z.string().min(1), RatingSchema).optional(),
  weight: HandoffSchema.shape.weight,
  group: z.string().min(1).nullable().optional(),
  carries: CarriesSchema.optional(),
});

/** Fields a scenario may set on a department or employee. */
export const ActorSetSchema = DepartmentSchema.pick({
  performance: true,
  welfare: true,
  dependence: true,
  combine: true,
  priorities: true,
  customerFacing: true,
});

/** Fields a scenario may set on an external customer: its weight in S and its business fields. */
export const CustomerSetSchema = CustomerSchema.pick({
  value: true,
  count: true,
  churn: true,
  recovery: true,
  wordOfMouth: true,
  acquisitionCost: true,
  priorities: true,
  segment: true,
  relationship: true,
});

/** `{ handoff: id, set: {...} }` */
export const SetHandoffSchema = z.strictObject({ handoff: Id, set: HandoffSetSchema });
/** `{ actor: id, set: {...} }` */
export const SetActorSchema = z.strictObject({ actor: Id, set: ActorSetSchema });
/** `{ customer: id, set: {...} }` */
export const SetCustomerSchema = z.strictObject({ customer: Id, set: CustomerSetSchema });

/** What `add` may hold: exactly one new hand-off, department, employee or customer. */
export const AdditionSchema = z.union([
  z.strictObject({ handoff: HandoffSchema }),
  z.strictObject({ department: DepartmentSchema }),
  z.strictObject({ employee: EmployeeSchema }),
  z.strictObject({ customer: CustomerSchema }),
]);
/** `{ add: { handoff: {...} } }` and the like. */
export const AddSchema = z.strictObject({ add: AdditionSchema });

/** What `remove` may name: one hand-off, actor (with its hand-offs) or customer (likewise). */
export const RemovalSchema = z.union([
  z.strictObject({ handoff: Id }),
  z.strictObject({ actor: Id }),
  z.strictObject({ customer: Id }),
]);
/** `{ remove: { handoff: id } }` and the like. */
export const RemoveSchema = z.strictObject({ remove: RemovalSchema });

/**
 * The shapes of one change, for its type only: a change is validated against a model (what it
 * names, the model it leaves) by validateScenario / tryApplyChanges, so no schema is exported as
 * if it were the validator.
 */
const ChangeSchema = z.union([
  SetHandoffSchema,
  SetActorSchema,
  SetCustomerSchema,
  AddSchema,
  RemoveSchema,
]);

/** A what-if scenario file (YAML or JSON). */
export const ScenarioSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  changes: z.array(z.unknown()),
});

/** One plan candidate's shape: a priced bundle of changes (checked by validateCandidates). */
export const CandidateSchema = z.strictObject({
  id: Id,
  label: z.string().optional(),
  description: z.string().optional(),
  cost: z.number().min(NUMBER_BOUNDS.cost).max(NUMBER_BOUNDS.amount),
  changes: z.array(z.unknown()).min(1, 'a candidate needs at least one change'),
});

/**
 * What a plan lowers or raises (docs/cookbook.md, "Improvement plans"; docs/business-impact.md, "The model"): `score` picks by gain in S per unit of
 * cost; `money` by money at risk saved per unit of cost, which also sees what S cannot (a recovery
 * program).
 */
export const PLAN_OBJECTIVES = ['score', 'money'] as const;
export const PlanObjectiveSchema = z.enum(PLAN_OBJECTIVES);

/** A candidates file: `candidates: [...]`, optionally with a default `budget` and `objective`. */
export const CandidatesFileSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  budget: z.number().min(0).optional(),
  objective: PlanObjectiveSchema.optional(),
  candidates: z.array(z.unknown()).min(1, 'a plan needs at least one candidate'),
});

/** What a plan maximises per unit of cost: the organisation score, or money at risk saved. */
export type PlanObjective = (typeof PLAN_OBJECTIVES)[number];
export type HandoffSet = z.infer<typeof HandoffSetSchema>;
export type ActorSet = z.infer<typeof ActorSetSchema>;
export type CustomerSet = z.infer<typeof CustomerSetSchema>;
/** `{ handoff: id, set }` after validation. */
export type SetHandoff = z.infer<typeof SetHandoffSchema>;
/** `{ actor: id, set }` after validation. */
export type SetActor = z.infer<typeof SetActorSchema>;
/** `{ customer: id, set }` after validation. */
export type SetCustomer = z.infer<typeof SetCustomerSchema>;
export type Addition = z.infer<typeof AdditionSchema>;
export type Removal = z.infer<typeof RemovalSchema>;
/** One change of a scenario, after validation. @useDeclaredType */
export type Change = z.infer<typeof ChangeSchema>;
/** A validated scenario. */
export interface Scenario {
  readonly name?: string;
  readonly description?: string;
  readonly changes: readonly Change[];
}
/** A validated plan candidate. */
export interface Candidate {
  readonly id: string;
  readonly label?: string;
  readonly description?: string;
  readonly cost: number;
  readonly changes: readonly Change[];
}
