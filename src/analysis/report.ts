/** The report object of docs/model.md, "What each report field means to a consultant": what `analyze` returns and `analyze --format json` prints. */
import type { Warning } from '../model/errors.js';
import type { Segment } from '../model/schema.js';
import type { CutSetsOfTwo } from './cut-sets.js';
import type { ObservationRow } from './observations.js';
import type { CostlyFailure } from './single-points.js';

/** The link that attains a node's chain strength (docs/model.md, "Chain strength and the weakest link"). */
export type WeakestLink =
  | { readonly type: 'handoff'; readonly id: string; readonly from: string; readonly to: string }
  | { readonly type: 'actor'; readonly id: string };

/** One external customer's end-customer service. */
export interface CustomerReport {
  readonly id: string;
  readonly name: string;
  readonly segment: Segment;
  readonly value: number;
  /** s_c; null when no hand-off reaches the customer (then it is not scored). */
  readonly service: number | null;
  readonly chainStrength: number;
  /** null when nothing is weak (chain strength 1). */
  readonly weakestLink: WeakestLink | null;
  /** Ids from the weakest link to this customer; empty when nothing is weak. */
  readonly chain: readonly string[];
  /**
   * Links with no way around: each alone cuts the customer off
   * (docs/model.md, "Single points of failure"), in chain order. Always set by `analyze`; optional so that older report objects
   * built by hand still type-check (renderers read absent as none).
   */
  readonly singlePointsOfFailure?: readonly WeakestLink[];
  /** Links whose failure alone loses more than `spofThreshold` of its service, in chain order (set by `analyze`). */
  readonly failureAboveThreshold?: readonly CostlyFailure[];
  /** With `cutSets: 2`, for the top customers by value: pairs of links that cut it off together (cut-sets.ts). */
  readonly cutSetsOfTwo?: CutSetsOfTwo;
}

/** Figures shared by every link (docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss"); null where S is null or the derivative infinite. */
export interface LinkImpact {
  readonly sensitivity: number | null;
  readonly fixGain: number | null;
  readonly failureLoss: number | null;
  /** Customers whose weakest link this is, in declaration order. */
  readonly weakestFor: readonly string[];
}

/** One department or employee. */
export interface ActorReport extends LinkImpact {
  readonly id: string;
  readonly name: string;
  readonly kind: 'department' | 'employee';
  readonly service: number;
  readonly chainStrength: number;
  readonly customersReached: number;
  /** Fewest hand-offs to any external customer; null if none is reached. */
  readonly handoffsToCustomer: number | null;
}

/** One hand-off. */
export interface HandoffReport extends LinkImpact {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly quality: number;
  /** r_e = s_from * q_e: what the receiver gets. */
  readonly received: number;
}

/** A strongly connected component (a cycle of hand-offs) and how its fixed point was reached. */
export interface CycleReport {
  readonly nodes: readonly string[];
  readonly iterations: number;
  readonly converged: boolean;
}

/** A link as rankings name it. */
export type LinkRef =
  | { readonly type: 'handoff'; readonly id: string }
  | { readonly type: 'actor'; readonly id: string };

/** A link with one figure, for rankings. */
export interface RankedLink {
  readonly link: LinkRef;
  readonly value: number;
}

/** Links ordered by one figure, largest first; ties keep declaration order (actors, then hand-offs). */
export interface Ranking {
  readonly sensitivity: readonly RankedLink[];
  readonly fixGain: readonly RankedLink[];
  readonly failureLoss: readonly RankedLink[];
}

/** Rankings of links for the organisation score and for each scored customer's service. */
export interface Rankings {
  readonly overall: Ranking;
  readonly byCustomer: readonly { readonly customer: string; readonly ranking: Ranking }[];
}

/** The whole analysis (docs/model.md, "What each report field means to a consultant"). More keys may be added; these keep their meaning. */
export interface Report {
  readonly model: {
    readonly name: string;
    readonly actors: number;
    readonly customers: number;
    readonly handoffs: number;
    /** The model's `currency`, when it sets one: printed beside every money figure. */
    readonly currency?: string;
  };
  /** S, the organisation score; null when no customer is scored. */
  readonly score: number | null;
  readonly customers: readonly CustomerReport[];
  readonly actors: readonly ActorReport[];
  readonly handoffs: readonly HandoffReport[];
  readonly cycles: readonly CycleReport[];
  readonly warnings: readonly Warning[];
  /** Added to section 7: the top links by each figure, overall and per customer. */
  readonly rankings: Rankings;
  /** The decision the report leads with: what to fix first and what caps the customers (analyze always sets it). */
  readonly headline?: Headline;
  /** Observed customers beside the model (docs/uncertainty.md, "Observations"); only when the model has observations. */
  readonly observations?: readonly ObservationRow[];
}

/** Which of an actor's two factors is the problem, with both (docs/model.md, "Dependence, performance and welfare"). */
export interface ActorProblem {
  /** `welfare` or `performance` when that one is lower; `both` when they are equal. */
  readonly problem: 'performance' | 'welfare' | 'both';
  readonly performance: number;
  readonly welfare: number;
}

/** The link with the largest exact fix gain (overall or for one customer). */
export interface FixFirst {
  readonly link: LinkRef;
  readonly gain: number;
  /** For an actor: whether performance or welfare holds it back. */
  readonly actor?: ActorProblem;
}

/** A reason a weakest link's fix gains less than its strength suggests, found along its chain. */
export type Damping =
  /** `actor` catches part of a poor input: only `dependence` of a shortfall shows in its work. */
  | { readonly kind: 'dependence'; readonly actor: string; readonly dependence: number }
  /** The hand-off into `receiver` has an alternative in its group: a backup covers it. */
  | { readonly kind: 'alternative'; readonly handoff: string; readonly receiver: string }
  /** The hand-off carries only `share` of the weight of what `receiver` takes in (mean). */
  | {
      readonly kind: 'light';
      readonly handoff: string;
      readonly receiver: string;
      readonly share: number;
    };

/** A weakest link and the customers (weighing in S) whose service it caps. */
export interface CapReport {
  readonly link: WeakestLink;
  /** The chain strength it gives those customers: none of them can receive more. */
  readonly strength: number;
  readonly customers: readonly string[];
  /** Its fix gain on S, and its place among all links by fix gain (1 = fix first). */
  readonly gain: number | null;
  readonly rank: number | null;
  readonly damping: readonly Damping[];
  /** For an actor: whether performance or welfare holds it back. */
  readonly actor?: ActorProblem;
}

/** What the report leads with (docs/model.md, "Warnings that explain the model"). */
export interface Headline {
  /** The largest exact fix gain on S; null when no link would raise S. */
  readonly fixFirst: FixFirst | null;
  /** S with that link fixed. */
  readonly scoreAfter: number | null;
  /** Weakest links of the customers that weigh in S, most customers first (at most `top`). */
  readonly caps: readonly CapReport[];
  /** Per scored customer, the link whose fix raises its own service most. */
  readonly byCustomer: readonly { readonly customer: string; readonly fixFirst: FixFirst | null }[];
}
