/**
 * "How do people see you?" (docs/model.md, "Ratings and surveys"): survey responses from a CSV aggregate, per
 * hand-off, to the mean score per dimension with its count and standard error; the means become
 * the hand-offs' `ratings` in a copy of the model.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import {
  handoffId,
  handoffQuality,
  ratingDimensions,
  ratingFrame,
  ratingScale,
} from '../model/defaults.js';
import { closest, didYouMean } from '../model/did-you-mean.js';
import { type Issue, ServiceChainError, type Warning } from '../model/errors.js';
import { type DefaultsOf, resolveOptions } from '../model/options.js';
import type { Handoff, Model, Rating } from '../model/schema.js';
import { receiverPriorities } from './ratings.js';
import { surveyEstimate } from './survey-estimates.js';

/** Options of aggregateSurvey. */
export const SurveyOptionsSchema = z.strictObject({
  /** Hand-offs with fewer respondents get a `few_respondents` warning. */
  minRespondents: z.number().int().min(1).optional(),
  /** `wide`: one column per dimension; `long`: `dimension` and `score` columns; `auto` decides by the header. */
  layout: z.enum(['auto', 'wide', 'long']).optional(),
  /** Decimals of the means written into the model's ratings (the result keeps them exact). */
  decimals: z.number().int().min(0).max(12).optional(),
  /**
   * Write each surveyed hand-off's quality as the estimate its aggregates give, `{ mean, sd }`
   * (survey-estimates.ts), instead of its mean `ratings`.
   */
  estimates: z.boolean().optional(),
});

/** Options of aggregateSurvey. @useDeclaredType */
export type SurveyOptions = z.input<typeof SurveyOptionsSchema>;

/** Defaults of SurveyOptions. */
export const SURVEY_DEFAULTS: DefaultsOf<SurveyOptions> = {
  minRespondents: 3,
  layout: 'auto',
  decimals: 3,
  estimates: false,
};

/** One dimension's aggregate on one hand-off. */
export interface DimensionAggregate {
  readonly dimension: string;
  readonly mean: number;
  /** Scores given. */
  readonly count: number;
  /** Sample standard deviation / sqrt(count); null for fewer than 2 scores. */
  readonly standardError: number | null;
  /** Expectation scores, where the survey asked for them (expectation-gap ratings); else null. */
  readonly expected: ScoreStatistics | null;
}

/** Mean, count and standard error of some scores. */
export interface ScoreStatistics {
  readonly mean: number;
  readonly count: number;
  /** Sample standard deviation / sqrt(count); null for fewer than 2 scores. */
  readonly standardError: number | null;
}

/** The aggregate of one rated hand-off. */
export interface HandoffSurvey {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** Distinct named respondents plus the most anonymous scores given to any one dimension. */
  readonly respondents: number;
  /** Dimensions in the model's dimension order. */
  readonly dimensions: readonly DimensionAggregate[];
  /** Quality derived from the means (docs/model.md, "Ratings and surveys", with the receiver's priorities). */
  readonly quality: number;
}

/** A CSV row that names no hand-off. */
export interface UnmatchedRow {
  readonly line: number;
  readonly reason: string;
}

/** What a survey yields. */
export interface SurveyResult {
  /**
   * A copy of the model whose surveyed hand-offs carry the mean `ratings` instead of `quality`
   * (with `estimates`: a `quality` estimate instead of either).
   */
  readonly model: Model;
  /** Surveyed hand-offs, in declaration order. */
  readonly handoffs: readonly HandoffSurvey[];
  /** Ids of hand-offs nobody rated, in declaration order. */
  readonly unrated: readonly string[];
  readonly unmatched: readonly UnmatchedRow[];
  readonly minRespondents: number;
  readonly warnings: readonly Warning[];
}

const ID_COLUMNS = ['from', 'to', 'handoff', 'respondent'] as const;

/** Other names survey tools give the giver and the receiver of a hand-off. */
const COLUMN_ALIASES: Readonly<Record<string, string>> = {
  provider: 'from',
  giver: 'from',
  receiver: 'to',
};

/** One score read from the CSV. */
interface Score {
  readonly handoff: number;
  readonly respondent: string;
  readonly dimension: string;
  /** A perception (the plain score) or an expectation (INTSERVQUAL's expectation-gap form). */
  readonly kind: ScoreKind;
  readonly score: number;
}

/** What a score column holds. */
type ScoreKind = 'perceived' | 'expected';

/** Column positions found in the header. */
interface Header {
  readonly from?: number;
  readonly to?: number;
  readonly handoff?: number;
  readonly respondent?: number;
  readonly dimension?: number;
  readonly score?: number;
  readonly perceived?: number;
  readonly expected?: number;
  /** Wide layout: score columns, each a dimension's perception or expectation. */
  readonly dimensions: readonly { dimension: string; kind: ScoreKind; column: number }[];
  readonly long: boolean;
}

/**
 * The field separator: a comma, or a semicolon when the header has semicolons and no comma (the
 * usual export where the decimal separator is a comma).
 */
function delimiterOf(text: string): ',' | ';' {
  const header = /^[^\r\n]*/.exec(text.replace(/^\uFEFF/, ''))![0];
  return !header.includes(',') && header.includes(';') ? ';' : ',';
}

/** Parses the CSV text into records with their line numbers. */
function readRecords(text: string): { line: number; cells: string[] }[] {
  try {
    const rows = parse(text, {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      delimiter: delimiterOf(text),
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return rows.map((row) => ({ line: row.info.lines, cells: row.record }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ServiceChainError([{ code: 'syntax', path: '', message: `responses: ${message}` }]);
  }
}

const LONG_COLUMNS = ['dimension', 'score', 'perceived', 'expected'];

/** A wide score column: `timeliness` or `timeliness.perceived` (a perception), `timeliness.expected`. */
function wideColumn(
  name: string,
  dimensions: readonly string[],
): { dimension: string; kind: ScoreKind } | undefined {
  const match = /^(.*?)(?:\.(perceived|expected))?$/.exec(name)!;
  const dimension = dimensions.find((d) => d.toLowerCase() === match[1]);
  if (dimension === undefined) return undefined;
  return { dimension, kind: match[2] === 'expected' ? 'expected' : 'perceived' };
}

/**
 * Finds the columns. A column a few letters from a dimension (`curtesy`) is a misspelling: an
 * error, so no score is lost; a duplicated column is an error (it would count a respondent twice);
 * other columns (`comment`) are ignored with a warning.
 */
function readHeader(
  cells: readonly string[],
  dimensions: readonly string[],
  layout: 'auto' | 'wide' | 'long',
  warnings: Warning[],
): Header {
  const issues: Issue[] = [];
  const names = cells.map((cell) => {
    const name = cell.toLowerCase();
    return Object.hasOwn(COLUMN_ALIASES, name) ? COLUMN_ALIASES[name]! : name;
  });
  const at = (name: string) => {
    const index = names.indexOf(name);
    return index < 0 ? undefined : index;
  };
  const long = layout === 'long' || (layout === 'auto' && names.includes('dimension'));
  const known: string[] = [...ID_COLUMNS, ...(long ? LONG_COLUMNS : [])];
  const wide: { dimension: string; kind: ScoreKind; column: number }[] = [];
  cells.forEach((cell, index) => {
    if (names.indexOf(names[index]!) !== index) {
      issues.push({
        code: 'duplicate_id',
        path: `header.${cell}`,
        message: `column ${JSON.stringify(cell)} appears more than once (each respondent would count twice): keep one`,
      });
      return;
    }
    if (known.includes(names[index]!)) return;
    const found = long ? undefined : wideColumn(names[index]!, dimensions);
    const bare = names[index]!.replace(/\.(perceived|expected)$/, '');
    const misspelt = found === undefined ? closest(bare, dimensions) : undefined;
    if (found !== undefined) wide.push({ ...found, column: index });
    else if (misspelt !== undefined)
      issues.push({
        code: 'unknown_dimension',
        path: `header.${cell}`,
        message: `column ${JSON.stringify(cell)} names no dimension (did you mean ${JSON.stringify(misspelt)}?)`,
      });
    else
      warnings.push({
        code: 'ignored_column',
        path: 'header',
        message: `column ${JSON.stringify(cell)} is ignored${didYouMean(cell, long ? known : [...known, ...dimensions])}`,
      });
  });
  const header: Record<string, unknown> = { dimensions: wide, long };
  for (const name of [...ID_COLUMNS, ...LONG_COLUMNS]) {
    const index = at(name);
    if (index !== undefined) header[name] = index;
  }
  checkHeader(header as unknown as Header, cells, issues);
  return header as unknown as Header;
}

/** Stops a CSV that cannot name hand-offs or give scores. */
function checkHeader(header: Header, cells: readonly string[], issues: Issue[]): void {
  if (cells.length === 1 && /[;\t|]/.test(cells[0]!))
    issues.push({
      code: 'syntax',
      path: 'header',
      message: `the header is one column, ${JSON.stringify(cells[0])}: separate the columns with commas`,
    });
  else if (header.handoff === undefined && (header.from === undefined || header.to === undefined))
    issues.push({
      code: 'missing_field',
      path: 'header',
      message:
        'the responses need a `handoff` column or `from` and `to` columns (`provider`/`giver` and `receiver` are read as `from` and `to`)',
    });
  const longScores = [header.score, header.perceived, header.expected];
  if (header.long && (header.dimension === undefined || longScores.every((c) => c === undefined)))
    issues.push({
      code: 'missing_field',
      path: 'header',
      message:
        'long responses need a `dimension` column and a `score` (or `perceived`/`expected`) column',
    });
  if (!header.long && header.dimensions.length === 0 && issues.length === 0)
    issues.push({
      code: 'missing_field',
      path: 'header',
      message: 'no column names a rating dimension (or use `dimension` and `score` columns)',
    });
  if (issues.length > 0) throw new ServiceChainError(issues);
}

/** Every actor's and customer's id, and its id by name (lower case), for suggestions. */
interface NodeNames {
  readonly ids: ReadonlySet<string>;
  readonly byName: ReadonlyMap<string, string>;
}

function nodeNames(model: Model): NodeNames {
  const all = [
    ...(model.departments ?? []),
    ...(model.employees ?? []),
    ...(model.customers ?? []),
  ];
  const byName = new Map<string, string>();
  for (const node of all)
    if (node.name !== undefined && !byName.has(node.name.toLowerCase()))
      byName.set(node.name.toLowerCase(), node.id);
  return { ids: new Set(all.map((node) => node.id)), byName };
}

/** Why a `from` or `to` cell names no actor: it is a name (give the id), or a near miss. */
function nodeHint(word: string, names: NodeNames): string {
  if (names.ids.has(word)) return '';
  const byName = names.byName.get(word.toLowerCase());
  if (byName !== undefined)
    return `; ${JSON.stringify(word)} is the name of ${JSON.stringify(byName)}: use the id`;
  const id = closest(word, names.ids);
  if (id !== undefined) return `; ${JSON.stringify(word)}: did you mean ${JSON.stringify(id)}?`;
  const name = closest(word.toLowerCase(), names.byName.keys());
  if (name !== undefined)
    return `; ${JSON.stringify(word)}: did you mean ${JSON.stringify(names.byName.get(name))}?`;
  return `; ${JSON.stringify(word)} is no actor or customer`;
}

/** The hand-off a row names, or why it names none. */
function matchRow(
  cells: readonly string[],
  header: Header,
  handoffs: readonly Handoff[],
  byId: ReadonlyMap<string, number>,
  names: NodeNames,
): number | string {
  const cell = (index: number | undefined) => (index === undefined ? '' : (cells[index] ?? ''));
  const id = cell(header.handoff);
  const from = cell(header.from);
  const to = cell(header.to);
  if (id !== '') {
    const index = byId.get(id);
    if (index === undefined)
      return `unknown hand-off ${JSON.stringify(id)}${didYouMean(id, byId.keys())}`;
    const handoff = handoffs[index]!;
    if ((from !== '' && from !== handoff.from) || (to !== '' && to !== handoff.to))
      return `hand-off "${id}" goes from "${handoff.from}" to "${handoff.to}", not from "${from}" to "${to}"`;
    return index;
  }
  if (from === '' || to === '') return 'names no hand-off (no `handoff`, or no `from` and `to`)';
  const found: number[] = [];
  handoffs.forEach((handoff, index) => {
    if (handoff.from === from && handoff.to === to) found.push(index);
  });
  if (found.length === 1) return found[0]!;
  if (found.length === 0)
    return `no hand-off from "${from}" to "${to}"${nodeHint(from, names)}${nodeHint(to, names)}`;
  return `several hand-offs go from "${from}" to "${to}": name one in the \`handoff\` column`;
}

/** Reads one score cell; pushes an error for a non-number or a score outside the scale. */
function readScore(
  text: string,
  line: number,
  dimension: string,
  scale: { min: number; max: number },
  issues: Issue[],
): number | undefined {
  if (text === '') return undefined;
  // Plain decimals only: Number() would also read `0x3`, `0b11` and `1e1` as numbers.
  const score = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  const path = `line ${line}.${dimension}`;
  if (!Number.isFinite(score)) {
    const hint = /^\d+,\d+$/.test(text)
      ? ' (write decimals with a point: 2.5)'
      : /^[+-]?(0[xob]|\d*\.?\d+e)/i.test(text)
        ? ' (only plain decimals such as 3 or 2.5)'
        : '';
    issues.push({
      code: 'invalid_value',
      path,
      message: `score ${JSON.stringify(text)} is not a number${hint}`,
    });
    return undefined;
  }
  if (score < scale.min || score > scale.max) {
    issues.push({
      code: 'rating_out_of_scale',
      path,
      message: `score ${score} is outside the scale ${scale.min} to ${scale.max}`,
    });
    return undefined;
  }
  return score;
}

/** The scores of one row (wide: one per score column; long: the row's dimension's score(s)). */
function rowScores(
  cells: readonly string[],
  line: number,
  header: Header,
  model: Model,
  issues: Issue[],
): RowScore[] {
  const scale = ratingScale(model);
  const scores: RowScore[] = [];
  if (!header.long) {
    for (const { dimension, kind, column } of header.dimensions) {
      const at = kind === 'expected' ? `${dimension}.expected` : dimension;
      const score = readScore(cells[column] ?? '', line, at, scale, issues);
      if (score !== undefined) scores.push({ dimension, kind, score });
    }
    return scores;
  }
  const dimensions = ratingDimensions(model);
  const named = cells[header.dimension!] ?? '';
  const dimension = dimensions.find((d) => d.toLowerCase() === named.toLowerCase());
  if (dimension === undefined) {
    issues.push({
      code: 'unknown_dimension',
      path: `line ${line}.dimension`,
      message: `unknown dimension ${JSON.stringify(named)}${didYouMean(named, dimensions)}`,
    });
    return scores;
  }
  const columns: [number | undefined, ScoreKind, string][] = [
    [header.score, 'perceived', dimension],
    [header.perceived, 'perceived', dimension],
    [header.expected, 'expected', `${dimension}.expected`],
  ];
  for (const [column, kind, at] of columns) {
    if (column === undefined) continue;
    const score = readScore(cells[column] ?? '', line, at, scale, issues);
    if (score !== undefined) scores.push({ dimension, kind, score });
  }
  return scores;
}

/** One score of a row, before it is tied to a hand-off. */
interface RowScore {
  readonly dimension: string;
  readonly kind: ScoreKind;
  readonly score: number;
}

/** Mean, count and standard error of some scores. */
function statistics(scores: readonly number[]): ScoreStatistics {
  const count = scores.length;
  const mean = scores.reduce((sum, score) => sum + score, 0) / count;
  if (count < 2) return { mean, count, standardError: null };
  const variance = scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / (count - 1);
  return { mean, count, standardError: Math.sqrt(variance) / Math.sqrt(count) };
}

/** A dimension's aggregate: perceptions, and expectations when given; undefined without perceptions. */
function aggregate(dimension: string, scores: readonly Score[]): DimensionAggregate | undefined {
  const perceived = scores.filter((s) => s.dimension === dimension && s.kind === 'perceived');
  if (perceived.length === 0) return undefined;
  const expected = scores.filter((s) => s.dimension === dimension && s.kind === 'expected');
  return {
    dimension,
    ...statistics(perceived.map((s) => s.score)),
    expected: expected.length === 0 ? null : statistics(expected.map((s) => s.score)),
  };
}

/** The rating a dimension's aggregate gives: the mean perception, or the mean expectation-gap pair. */
function ratingOf(aggregate: DimensionAggregate, round: (value: number) => number): Rating {
  if (aggregate.expected === null) return round(aggregate.mean);
  return { expected: round(aggregate.expected.mean), perceived: round(aggregate.mean) };
}

/** Named respondents plus the largest number of anonymous scores on any one dimension. */
function countRespondents(scores: readonly Score[]): number {
  const named = new Set(scores.filter((s) => s.respondent !== '').map((s) => s.respondent));
  const anonymous = new Map<string, number>();
  for (const score of scores)
    if (score.respondent === '')
      anonymous.set(
        `${score.kind}:${score.dimension}`,
        (anonymous.get(`${score.kind}:${score.dimension}`) ?? 0) + 1,
      );
  return named.size + Math.max(0, ...anonymous.values());
}

/** Rounds a mean for the model file. */
function rounded(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * Aggregates survey responses (CSV text) per hand-off and writes the mean ratings into a copy of
 * the model. Throws every bad score (not a number, outside the scale, unknown dimension) at once,
 * each with its CSV line.
 */
export function aggregateSurvey(
  model: Model,
  csvText: string,
  options: SurveyOptions = {},
): SurveyResult {
  const settings = resolveOptions(SurveyOptionsSchema, SURVEY_DEFAULTS, options);
  const records = readRecords(csvText);
  if (records.length === 0)
    throw new ServiceChainError([
      { code: 'empty_input', path: '', message: 'the responses are empty' },
    ]);
  const warnings: Warning[] = [];
  const dimensions = ratingDimensions(model);
  const header = readHeader(records[0]!.cells, dimensions, settings.layout, warnings);
  const handoffs = model.handoffs ?? [];
  const byId = new Map(handoffs.map((handoff, index) => [handoffId(handoff), index]));
  const issues: Issue[] = [];
  const unmatched: UnmatchedRow[] = [];
  const scores: Score[] = [];
  const width = records[0]!.cells.length;
  const names = nodeNames(model);
  for (const { line, cells } of records.slice(1)) {
    if (cells.length !== width) {
      issues.push(raggedRow(line, cells.length, width));
      continue;
    }
    const rowScoresFound = rowScores(cells, line, header, model, issues);
    const match = matchRow(cells, header, handoffs, byId, names);
    if (typeof match === 'string') {
      unmatched.push({ line, reason: match });
      warnings.push({ code: 'unmatched_response', path: `line ${line}`, message: match, line });
      continue;
    }
    const respondent = header.respondent === undefined ? '' : (cells[header.respondent] ?? '');
    for (const { dimension, kind, score } of rowScoresFound)
      scores.push({ handoff: match, respondent, dimension, kind, score });
  }
  if (issues.length > 0) throw new ServiceChainError(issues);
  return summarise(model, scores, unmatched, warnings, settings);
}

/** A row whose field count is not the header's: an error, never a cell dropped or made up. */
function raggedRow(line: number, fields: number, width: number): Issue {
  const hint =
    fields > width
      ? ' (a decimal comma such as 2,5 splits a score in two: write 2.5, or quote the field)'
      : '';
  return {
    code: 'syntax',
    path: `line ${line}`,
    message: `the row has ${fields} field${fields === 1 ? '' : 's'}, the header ${width}${hint}`,
  };
}

/** Builds the result from the scores read. */
function summarise(
  model: Model,
  scores: readonly Score[],
  unmatched: readonly UnmatchedRow[],
  warnings: Warning[],
  settings: { minRespondents: number; decimals: number; estimates: boolean },
): SurveyResult {
  const handoffs = model.handoffs ?? [];
  const dimensions = ratingDimensions(model);
  const frame = ratingFrame(model);
  const priorities = receiverPriorities(model);
  const surveyed: HandoffSurvey[] = [];
  const unrated: string[] = [];
  const byHandoff = new Map<number, Score[]>();
  // Warnings name the hand-off's ends by their names; the path keeps its place in the model.
  const nodeName = new Map(
    [...(model.departments ?? []), ...(model.employees ?? []), ...(model.customers ?? [])].map(
      (node) => [node.id, node.name ?? node.id],
    ),
  );
  const shown = (nodeId: string) => nodeName.get(nodeId) ?? nodeId;
  for (const score of scores) {
    const list = byHandoff.get(score.handoff);
    if (list === undefined) byHandoff.set(score.handoff, [score]);
    else list.push(score);
  }
  const updated = handoffs.map((handoff, index) => {
    const own = byHandoff.get(index) ?? [];
    const id = handoffId(handoff);
    if (own.length === 0) {
      unrated.push(id);
      return handoff;
    }
    const aggregates = dimensions
      .map((dimension) => aggregate(dimension, own))
      .filter((entry) => entry !== undefined);
    if (aggregates.length === 0) {
      unrated.push(id);
      return handoff;
    }
    const ratings = Object.fromEntries(
      aggregates.map((a) => [a.dimension, ratingOf(a, (v) => rounded(v, settings.decimals))]),
    );
    let next: Handoff = { ...handoff, ratings };
    delete next.quality;
    const respondents = countRespondents(own);
    const exact = Object.fromEntries(aggregates.map((a) => [a.dimension, ratingOf(a, (v) => v)]));
    const receiver = priorities.get(handoff.to);
    const quality = handoffQuality({ ...next, ratings: exact }, frame, receiver);
    surveyed.push({
      id,
      from: handoff.from,
      to: handoff.to,
      respondents,
      dimensions: aggregates,
      quality,
    });
    if (settings.estimates) {
      const { ratings: _, ...rest } = next;
      next = {
        ...rest,
        quality: surveyEstimate(quality, aggregates, frame, receiver, settings.decimals),
      };
    }
    if (respondents < settings.minRespondents)
      warnings.push({
        code: 'few_respondents',
        path: `handoffs[${index}]`,
        message: `hand-off ${shown(handoff.from)} -> ${shown(handoff.to)} has ${respondents} respondent${respondents === 1 ? '' : 's'}, fewer than ${settings.minRespondents}`,
      });
    return next;
  });
  const next: Model = { ...model };
  if (model.handoffs !== undefined) next.handoffs = updated;
  return {
    model: next,
    handoffs: surveyed,
    unrated,
    unmatched,
    minRespondents: settings.minRespondents,
    warnings,
  };
}
