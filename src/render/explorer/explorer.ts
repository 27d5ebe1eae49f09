/**
 * `toExplorer`: the HTML report, which carries the explorer (docs/explorer.md). Kept as a name of
 * its own for the workshop use: the same page, the same bytes, as `toHtml`.
 */
import type { Report } from '../../analysis/report.js';
import type { Model } from '../../model/schema.js';
import { toHtml } from '../html.js';
import { HTML_DEFAULTS, type HtmlOptions, HtmlOptionsSchema } from '../html-options.js';

/** Options of `toExplorer`: those of `toHtml`. */
export const ExplorerOptionsSchema = HtmlOptionsSchema;

/** Options of `toExplorer`: those of `toHtml`. @useDeclaredType */
export type ExplorerOptions = HtmlOptions;

/** Defaults of ExplorerOptions: those of `toHtml`. */
export const EXPLORER_DEFAULTS = HTML_DEFAULTS;

/** The explorer page of `report` (computed from `model`): the HTML report, as `toHtml` writes it. */
export function toExplorer(report: Report, model: Model, options?: ExplorerOptions): string {
  return toHtml(report, model, options);
}
