/**
 * Options of `toHtml`, one strict schema like every other options object: the diagrams' `level`,
 * how many links the money view lists (`top`, the one rule of TopSchema), the extra views the
 * caller computed, each shown as a section when given, and the engine's iteration controls the
 * page's explorer recomputes with.
 */
import { z } from 'zod';
import type { BusinessImpact } from '../analysis/business-impact.js';
import type { StructuralMetrics } from '../analysis/metrics.js';
import type { RollUp } from '../analysis/roll-up.js';
import type { UncertaintyReport } from '../analysis/uncertainty-report.js';
import { ENGINE_DEFAULTS } from '../engine/types.js';
import { type DefaultsOf, EngineOptionsSchema, TopSchema } from '../model/options.js';
import { DIAGRAM_DEFAULTS, DiagramOptionsSchema } from './diagram-options.js';

/** A computed view passed through as it is (an object; its own function built and checked it). */
function view<T>(name: string) {
  return z.custom<T>((value) => typeof value === 'object' && value !== null, {
    message: `must be the result of ${name}`,
  });
}

/** Options of `toHtml`. */
export const HtmlOptionsSchema = DiagramOptionsSchema.extend({
  /** The money view (`businessImpact`), shown as "Money at risk". */
  money: view<BusinessImpact>('businessImpact').optional(),
  /** How many links the money view's "top links" table lists (its own default if absent). */
  top: TopSchema.optional(),
  /** The department view (`rollUp`), shown as "Departments". */
  rollUp: view<RollUp>('rollUp').optional(),
  /** Structural metrics (`structuralMetrics`), shown as "Structural metrics". */
  metrics: view<StructuralMetrics>('structuralMetrics').optional(),
  /** The Monte Carlo (`uncertainty`), shown as "Uncertainty" with interval bars. */
  uncertainty: view<UncertaintyReport>('uncertainty').optional(),
  /** The engine's iteration controls the page's explorer recomputes with (the engine's defaults). */
  ...EngineOptionsSchema.shape,
});

/** Options of `toHtml`: the diagrams' `level`, and the extra views. @useDeclaredType */
export type HtmlOptions = z.input<typeof HtmlOptionsSchema>;

/** Defaults of HtmlOptions: the diagrams' and the engine's (the views are absent unless given). */
export const HTML_DEFAULTS: DefaultsOf<Pick<HtmlOptions, 'level' | 'tolerance' | 'maxIterations'>> =
  { ...DIAGRAM_DEFAULTS, ...ENGINE_DEFAULTS };
