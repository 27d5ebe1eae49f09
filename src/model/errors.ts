/** The library's one error type: a list of issues, each with a stable code, a path and a message. */

/**
 * Every code of an error that stops a model (or a scenario, a survey, an option) from being used,
 * at run time: match on these, never on a message (docs/model-file.md, "Errors").
 */
export const ERROR_CODES = [
  'file_unreadable',
  'syntax',
  'empty_input',
  'invalid_type',
  'invalid_value',
  'missing_field',
  'unknown_key',
  'out_of_range',
  'not_finite',
  'unsupported_version',
  'duplicate_id',
  'unknown_node',
  'wrong_kind',
  'self_handoff',
  'duplicate_handoff',
  'parent_cycle',
  'manager_cycle',
  'quality_and_ratings',
  'unknown_dimension',
  'rating_out_of_scale',
  'unknown_group',
  'duplicate_group',
  'invalid_option',
  'file_exists',
] as const;

/** Codes of errors that stop a model (or a scenario, a survey, an option) from being used. @useDeclaredType */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every code of a warning the library itself gives (docs/model-file.md, "Warnings"). */
export const WARNING_CODES = [
  'no_customers',
  'customer_unreached',
  'actor_isolated',
  'no_scored_customers',
  'not_converged',
  'infinite_sensitivity',
  'few_respondents',
  'ignored_column',
  'unmatched_response',
  'rankings_skipped',
  'betweenness_skipped',
  'not_settled',
  'not_static',
  'closed_loop',
  'weakest_link_damped',
  'removal_raises_score',
  'not_identified',
] as const;

/**
 * Codes of warnings: the input is usable, but something deserves a look. The library gives the
 * WARNING_CODES; the type stays open so that code built on it can add its own.
 */
export type WarningCode = (typeof WARNING_CODES)[number] | (string & {});

/**
 * One finding about the input. `path` points into it (`handoffs[3].to`); '' is the whole input.
 * An issue found in a YAML or JSON file also says where: `line` and `column`, both from 1.
 */
export interface Issue<Code extends string = ErrorCode> {
  readonly code: Code;
  readonly path: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** A finding that does not stop the analysis. */
export type Warning = Issue<WarningCode>;

/** Thrown when input cannot be used; `issues` holds every problem found, not just the first. */
export class ServiceChainError extends Error {
  override readonly name = 'ServiceChainError';
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    if (issues.length === 0) throw new TypeError('ServiceChainError needs at least one issue');
    super(formatIssues(issues).join('\n'));
    this.issues = issues;
  }

  /** The first issue's code. */
  get code(): ErrorCode {
    return this.issues[0]!.code;
  }

  /** The first issue's path. */
  get path(): string {
    return this.issues[0]!.path;
  }
}

/**
 * `path (line 27, column 9): message`; without a place in a file `path: message`, and the bare
 * message for the whole input (whose message already says where, as a syntax error does).
 */
export function formatIssue(issue: Issue<string>): string {
  if (issue.path === '') return issue.message;
  const where =
    issue.line === undefined ? '' : ` (line ${issue.line}, column ${issue.column ?? 1})`;
  return `${issue.path}${where}: ${issue.message}`;
}

/** How many issues are shown in full; the rest are counted by code. */
export const ISSUE_LIMIT = 100;

/**
 * The issues as lines to show a person: the first ISSUE_LIMIT in full, then one line counting the
 * rest by code (`… and 9,990 more: 9,990 unknown_node`), so a file with millions of mistakes
 * gives a readable answer. With `file`, an issue about the whole input is prefixed with it;
 * `format` lays out one issue (warnings use their own prefix).
 */
export function formatIssues(
  issues: readonly Issue<string>[],
  file?: string,
  format: (issue: Issue<string>) => string = formatIssue,
): string[] {
  const lines = issues
    .slice(0, ISSUE_LIMIT)
    .map((issue) =>
      issue.path === '' && file !== undefined ? `${file}: ${issue.message}` : format(issue),
    );
  if (issues.length <= ISSUE_LIMIT) return lines;
  const counts = new Map<string, number>();
  for (const issue of issues.slice(ISSUE_LIMIT)) {
    counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
  }
  const byCode = [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
    .map(([code, count]) => `${count.toLocaleString('en-US')} ${code}`);
  const rest = (issues.length - ISSUE_LIMIT).toLocaleString('en-US');
  return [...lines, `… and ${rest} more: ${byCode.join(', ')}`];
}

/** Renders a path of keys and indices the way the docs write it: `handoffs[3].ratings.timeliness`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}
