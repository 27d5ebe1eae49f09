/**
 * The blank survey (docs/model.md, "Ratings and surveys"): a CSV for the "how do people see
 * you?" exercise with one row per hand-off and respondent slot and one empty column per rating
 * dimension, in the wide layout aggregateSurvey reads back. Written with csv-stringify.
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { csvSafe } from '../model/csv-safe.js';
import { handoffId, ratingDimensions } from '../model/defaults.js';
import { type DefaultsOf, resolveOptions } from '../model/options.js';
import type { Model } from '../model/schema.js';

/** Options of surveyTemplate. */
export const SurveyTemplateOptionsSchema = z.strictObject({
  /** Rows (respondent slots) per hand-off: a whole number from 1 to 1,000. */
  respondents: z.int().min(1).max(1000).optional(),
});

/** Options of surveyTemplate. @useDeclaredType */
export type SurveyTemplateOptions = z.input<typeof SurveyTemplateOptionsSchema>;

/** Defaults of surveyTemplate: three slots per hand-off, the fewest that warn no one (SURVEY_DEFAULTS). */
export const SURVEY_TEMPLATE_DEFAULTS: DefaultsOf<SurveyTemplateOptions> = { respondents: 3 };

/**
 * The blank survey of a model: `from,to,handoff,respondent,<dimension>...`, `respondents` rows
 * per hand-off in declaration order, respondent and scores empty (a respondent may write a name
 * or stay anonymous). An id a spreadsheet would run as a formula is written with a leading '
 * (that row then names no hand-off when read back, and is reported so).
 */
export function surveyTemplate(model: Model, options?: SurveyTemplateOptions): string {
  const { respondents } = resolveOptions(
    SurveyTemplateOptionsSchema,
    SURVEY_TEMPLATE_DEFAULTS,
    options,
  );
  const dimensions = ratingDimensions(model);
  const blank = dimensions.map(() => '');
  const rows: string[][] = [['from', 'to', 'handoff', 'respondent', ...dimensions]];
  for (const handoff of model.handoffs ?? [])
    for (let slot = 0; slot < respondents; slot++)
      rows.push([
        csvSafe(handoff.from),
        csvSafe(handoff.to),
        csvSafe(handoffId(handoff)),
        '',
        ...blank,
      ]);
  return stringify(rows, { record_delimiter: '\n' });
}
