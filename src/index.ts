/**
 * service-chain: model an organisation as a chain of internal customers, propagate service through
 * its hand-offs, find the weakest link behind every customer and measure what each link costs.
 */

/** The whole analysis of a model: service, weakest links, sensitivities and exact impacts (docs/model.md, "Propagation: service flows down the chain"; docs/model.md, "Chain strength and the weakest link"; docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss"; docs/model.md, "What each report field means to a consultant"). */
/** The report and the money view from one impact pass (what `analyze --money` runs). */
export { analyze, analyzeWithMoney } from './analysis/analyze.js';
/** Options of `analyze` (tolerance, maxIterations, top) and their defaults. */
export {
  ANALYZE_DEFAULTS,
  type AnalyzeOptions,
  type DefaultedOptions,
} from './analysis/analyze-options.js';
/** A hand-off a backup adds. */
export type { PlannedHandoff } from './analysis/backup-changes.js';
/** Where a backup pays: options, result and one backup tried (docs/model.md, "Single points of failure"). */
export type { Backup, BackupsOptions, BackupsResult } from './analysis/backups.js';
/** Exact gain of a second provider for each single point of failure; as plan candidates. */
export { BACKUPS_DEFAULTS, backupCandidates, backups } from './analysis/backups.js';
/** A link down for some days, and the service-days it costs. */
export {
  type BreakdownCustomer,
  type BreakdownResult,
  type BrokenLink,
  breakdown,
} from './analysis/breakdown.js';
/** Options and results of the money view (docs/business-impact.md, "The model"): per customer, in total, per link. */
export type {
  BusinessImpact,
  BusinessImpactOptions,
  CustomerMoneyReport,
  LinkMoney,
  MoneyRankings,
  MoneyTotals,
} from './analysis/business-impact.js';
/** Money at risk per customer and in total, and what fixing or losing each link saves or costs. */
/** The money figures of each link in the order of one of the money rankings. */
export {
  BUSINESS_IMPACT_DEFAULTS,
  businessImpact,
  rankedMoneyLinks,
} from './analysis/business-impact.js';
/** Calibration: the free values of a model fitted to what its customers were observed to say. */
export { CALIBRATE_DEFAULTS, type CalibrateOptions, calibrate } from './analysis/calibrate.js';
/** The field of a value calibration fits: a hand-off's quality, an actor's performance or welfare. */
export type { FreeField } from './analysis/calibrate-free.js';
/** The type of CALIBRATE_DEFAULTS: every defaulted option of `calibrate`, set. */
export type { CalibrateDefaults } from './analysis/calibrate-options.js';
/** The shapes of `calibrate`'s result (what `calibrate --format json` prints, less the model). */
export type {
  CalibratedCustomer,
  CalibratedValue,
  CalibrationReport,
  Explanation,
} from './analysis/calibrate-report.js';
/** A customer's pairs of links that cut it off together (analyze's `cutSets: 2`), with the search's bound. */
export type { CutSetSearch, CutSetsOfTwo } from './analysis/cut-sets.js';
/** Change over time (docs/model.md, "Change over time"): two models compared, the change of S shared out by Shapley value. */
export {
  type AttributionMethod,
  type AttributionPart,
  DIFF_DEFAULTS,
  type DiffOptions,
  type DiffResult,
  diffModels,
  type WeakestLinkMove,
} from './analysis/diff.js';
/** One change of a diff's attribution: an element added or removed, or one field. */
export type { AttributionChange, ChangeElement } from './analysis/diff-changes.js';
/** Dynamics: a scenario followed day by day along lagged hand-offs. */
export {
  DYNAMICS_DEFAULTS,
  type DynamicsCustomer,
  type DynamicsOptions,
  type DynamicsResult,
  dynamics,
} from './analysis/dynamics.js';
/** Structural metrics: in/out-degree and betweenness (skipped above a size limit unless asked). */
export type { MetricsOptions, NodeMetrics, StructuralMetrics } from './analysis/metrics.js';
/** In/out-degree and betweenness of every node of the hand-off graph. */
export { METRICS_DEFAULTS, structuralMetrics } from './analysis/metrics.js';
/** What was added, removed and changed between two models. */
export type {
  ElementChange,
  ElementKind,
  FieldChange,
  ModelChanges,
} from './analysis/model-changes.js';
/** One customer's failed share, customers lost, prospects not won and money at risk. */
export type { CustomerMoney } from './analysis/money.js';
/** The section 9 formulas for one customer at a given service score. */
export { customerMoney } from './analysis/money.js';
/** A business coefficient as used, with where it came from (customer, `defaults` block, built in). */
export type {
  CoefficientName,
  CoefficientSource,
  CoefficientUsed,
} from './analysis/money-coefficients.js';
/** Money at risk before and after a scenario, e.g. a recovery program that S cannot see. */
export type { CustomerMoneyChange, MoneyWhatIf } from './analysis/money-what-if.js';
/** Prices a scenario in money: totals before and after, and what it saves a year. */
export { moneyWhatIf } from './analysis/money-what-if.js';
/** An improvement plan: its options, steps, method and fill step, and the candidates left out. */
/** One observed customer beside the model: observed score, service, gap (the report's `observations`). */
export type { ObservationRow } from './analysis/observations.js';
/** An improvement plan: its options, steps and the candidates left out. */
export type {
  GreedyComparison,
  NotTaken,
  NotTakenReason,
  PlanFill,
  PlanMethod,
  PlanOptions,
  PlanResult,
  PlanStep,
} from './analysis/plan.js';
/** The best plan within a budget (exact up to `exactLimit` candidates, else greedy with a fill step); candidates parsed. */
export { PLAN_DEFAULTS, parseCandidates, plan, validateCandidates } from './analysis/plan.js';
/** Options of automaticCandidates. */
export type { AutomaticCandidatesOptions } from './analysis/plan-candidates.js';
/** Automatic plan candidates: every weak link made perfect, an actor's performance and welfare apart. */
export { AUTOMATIC_CANDIDATES_DEFAULTS, automaticCandidates } from './analysis/plan-candidates.js';
/** A rated hand-off with its ratings, shares, priorities and derived quality. */
export type { DimensionRating, HandoffRatings } from './analysis/ratings.js';
/** Rated hand-offs side by side with the quality derived from their ratings. */
export { handoffRatings } from './analysis/ratings.js';
/** The headline of a report: what to fix first, what caps the customers and why. */
export type {
  ActorProblem,
  ActorReport,
  CapReport,
  CustomerReport,
  CycleReport,
  Damping,
  FixFirst,
  HandoffReport,
  Headline,
  LinkRef,
  RankedLink,
  Ranking,
  Rankings,
  Report,
  WeakestLink,
} from './analysis/report.js';
/** The department view: units, their aggregated hand-offs, options. */
export type {
  DepartmentHandoff,
  DepartmentView,
  InternalLink,
  RollUp,
  RollUpLevel,
  RollUpOptions,
} from './analysis/roll-up.js';
/** A report rolled up to departments at a depth of the department tree. */
export { ROLL_UP_DEFAULTS, rollUp } from './analysis/roll-up.js';
/** Validate a scenario against a model, parse one from YAML/JSON text, apply one to a copy of a model. */
export { applyScenario, parseScenario, validateScenario } from './analysis/scenario.js';
/** The scenario vocabulary: changes (set, add, remove), scenarios and plan candidates. */
export type { Candidate, Change, PlanObjective, Scenario } from './analysis/scenario-schema.js';
/**
 * The zod schema of a plan candidate's shape (its changes are checked against a model by
 * validateCandidates; a change has no schema of its own: validateScenario is its validator).
 */
export { CandidateSchema, PLAN_OBJECTIVES } from './analysis/scenario-schema.js';
/** One customer's single points of failure: links with no way around, and costly failures. */
export type { CostlyFailure, CustomerSinglePoints } from './analysis/single-points.js';
/** A survey's aggregates per hand-off and dimension, and its options. */
export type {
  DimensionAggregate,
  HandoffSurvey,
  ScoreStatistics,
  SurveyOptions,
  SurveyResult,
  UnmatchedRow,
} from './analysis/survey.js';
/** Survey responses (CSV) aggregated per hand-off; the means become ratings in a copy of the model. */
export { aggregateSurvey, SURVEY_DEFAULTS } from './analysis/survey.js';
/** Options of the blank survey. */
export type { SurveyTemplateOptions } from './analysis/survey-template.js';
/** The blank "how do people see you?" survey as CSV, and its defaults. */
export { SURVEY_TEMPLATE_DEFAULTS, surveyTemplate } from './analysis/survey-template.js';
/** A history of survey waves: S, customers and the weakest link per wave. */
export {
  type NotComparable,
  TREND_DEFAULTS,
  type TrendCustomer,
  type TrendOptions,
  type TrendPoint,
  type TrendResult,
  type TrendWave,
  trend,
  type WaveInput,
} from './analysis/trend.js';
/** The Monte Carlo over a model's estimates: means, 90% intervals, first-fix and weakest-link probabilities. */
export {
  UNCERTAINTY_DEFAULTS,
  type UncertaintyOptions,
  uncertainty,
} from './analysis/uncertainty.js';
/** The type of UNCERTAINTY_DEFAULTS: every defaulted option of `uncertainty`, set. */
export type { UncertaintyDefaults } from './analysis/uncertainty-options.js';
/** The shapes of `uncertainty`'s result (the `uncertainty` key of `analyze --uncertainty --format json`). */
export type {
  CustomerUncertainty,
  Interval,
  LinkUncertainty,
  UncertaintyReport,
  WeakestLinkChance,
} from './analysis/uncertainty-report.js';
/** A what-if comparison: S, customers and fix-gain rank moves before and after. */
export type {
  BeforeAfter,
  RankMove,
  RankPlace,
  WhatIfCustomer,
  WhatIfOptions,
  WhatIfResult,
} from './analysis/what-if.js';
/** S, every customer's service, chain strength and weakest link before and after a scenario. */
export { WHAT_IF_DEFAULTS, whatIf } from './analysis/what-if.js';
/** Progress of a long impact computation: links done out of the total. */
export type { ImpactProgress } from './engine/impact.js';
/** Model-wide fields accepted by the builder. */
export type { ModelHeader } from './model/builder.js';
/** A typed fluent builder: `modelBuilder({ name }).department(...).handoff(...).build()`. */
export { ModelBuilder, modelBuilder } from './model/builder.js';
export type { ErrorCode, Issue, Warning, WarningCode } from './model/errors.js';
/** Every error code, and every warning code the library gives, at run time. */
/** The library's one error type: every issue found, each with a stable `code`, a `path` and a message. */
export { ERROR_CODES, ServiceChainError, WARNING_CODES } from './model/errors.js';
/** An estimated share's point value (its mean) and its distribution. */
export { type Estimate, estimateOf, pointValue } from './model/estimates.js';
/** Node and edge attributes of the hand-off graph, and the graph type. */
export type { EdgeAttributes, NodeAttributes, ServiceGraph } from './model/graph.js';
/** The model as a graphology MultiDirectedGraph (node keys n0, n1, ... with the id as `id`; edge keys = hand-off ids). */
export { toGraph } from './model/graph.js';
/** The JSON Schema of a model file. */
export { modelJsonSchema } from './model/json-schema.js';
/** A valid model with its warnings; the result of safe validation; the file formats. */
export type { LoadedModel, ModelFormat, SafeValidation } from './model/load.js';
/** Validate a plain-object model (throws / returns issues), parse model text (files: `service-chain/node`). */
export { parseModel, safeValidateModel, validateModel } from './model/load.js';
/** The engine's iteration controls every evaluating function accepts (tolerance >= 0, maxIterations >= 1). */
export type { DefaultsOf, EngineOptionsInput } from './model/options.js';
/** Model to YAML or JSON text with a stable key order (to a file: `service-chain/node`). */
export { stringifyModel } from './model/save.js';
/** A share given exactly or as an estimate; an observation of an external customer and its source. */
export type {
  Carries,
  Combine,
  Customer,
  CustomerDefaults,
  Department,
  Employee,
  EstimatedShare,
  GroupNeed,
  Handoff,
  Model,
  Observation,
  ObservationSource,
  Priorities,
  Rating,
  Relationship,
  Scale,
  Segment,
} from './model/schema.js';
/** The zod schema of a model file; its JSON Schema is `docs/model.schema.json`. */
export { ModelSchema } from './model/schema.js';
/** The backups as text or Markdown. */
export { renderBackups } from './render/backups-document.js';
/** Calibration as text or Markdown, nodes by name. */
export { renderCalibration } from './render/calibrate-document.js';
/** Options of the diagram renderers and the HTML report: `level` actor (default), or department / N as rollUp. */
export type { DiagramLevel, DiagramOptions } from './render/diagram-options.js';
/** Defaults of the diagram renderers: the actor-level graph. */
export { DIAGRAM_DEFAULTS } from './render/diagram-options.js';
/** Output layout of the text renderers, the options every one of them takes (`top`), and a piece of a cell (`Span`). */
export { DOCUMENT_DEFAULTS, type DocumentOptions, type Span } from './render/document.js';
/** The hand-off graph as Graphviz DOT: clusters per department and segment, links marked as in badges.ts. */
export { toDot } from './render/dot.js';
/** The daily curves of a dynamics or breakdown run as an SVG line chart. */
export { dailyChart } from './render/dynamics-document.js';
/** The explorer page: the report's diagram and customers with a live slider for every link. */
export {
  EXPLORER_DEFAULTS,
  type ExplorerOptions,
  toExplorer,
} from './render/explorer/explorer.js';
/** The hand-off graph with its scores as GEXF (Gephi) or GraphML (yEd, Cytoscape). */
export { toGexf, toGraphml } from './render/export.js';
/** A report as one self-contained HTML page: score, diagram, customers, links to fix; no network. */
export { toHtml } from './render/html.js';
/** Options of the HTML report: the diagram's `level`, and the money, department and metrics views. */
export { HTML_DEFAULTS, type HtmlOptions } from './render/html-options.js';
/** A small static SVG line chart (trend waves, dynamics days). */
export {
  type ChartSeries,
  type ChartSize,
  type LineChartData,
  lineChartSvg,
} from './render/line-chart.js';
/** Options of the Markdown report. */
export type { MarkdownOptions } from './render/markdown.js';
/** A report as a Markdown document: headings, GitHub tables, ids in code. */
export { toMarkdown } from './render/markdown.js';
/** The hand-off graph as a Mermaid flowchart: subgraphs per department and segment, links marked as in badges.ts. */
export { toMermaid } from './render/mermaid.js';
/** What-if, plan, survey, ratings, department view and metrics as text or Markdown. */
export { renderMetrics } from './render/metrics-document.js';
/** Options of the money view renderers. */
export type { MoneyRenderOptions } from './render/money-document.js';
/**
 * The "Money at risk" section as text or Markdown, to append to `toText` / `toMarkdown`; links
 * named by the report's names (`moneyNames(report)`, `MoneyNames`).
 */
export { type MoneyNames, moneyMarkdown, moneyNames, moneyText } from './render/money-document.js';
/** The money view as an HTML `<section id="sc-money">` fragment for the HTML report. */
export { moneyHtml } from './render/money-html.js';
export { renderPlan } from './render/plan-document.js';
export { renderHandoffRatings } from './render/ratings-document.js';
/** Every layout of a document: text, Markdown, CSV or HTML. */
export type { DocumentFormat, TextFormat } from './render/render-document.js';
export { renderRollUp } from './render/roll-up-document.js';
export { renderSurvey } from './render/survey-document.js';
/** The hand-off graph as a standalone SVG, laid out left to right by dagre. */
export { toSvg } from './render/svg.js';
/** Options of the text report. */
export type { TextOptions } from './render/text.js';
/** A report as plain terminal text: score, customers and weakest links, links to fix, cycles, warnings. */
export { toText } from './render/text.js';
/** The waves of a trend as an SVG line chart. */
export { trendChart } from './render/trend-document.js';
/** The Monte Carlo as text or Markdown, to append to `toText` / `toMarkdown`. */
export { renderUncertainty } from './render/uncertainty-document.js';
export { renderWhatIf } from './render/what-if-document.js';
