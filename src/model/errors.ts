/** The library's one error type: a list of issues, each with a stable code, a path and a message. */

/** Codes of errors that stop a model (or a scenario, a survey, an option) from being used. */
export type ErrorCode =
  | 'file_unreadable'
  | 'syntax'
  | 'empty_input'
  | 'invalid_type'
  | 'invalid_value'
  | 'missing_field'
  | 'unknown_key'
  | 'out_of_range'
  | 'not_finite'
  | 'unsupported_version'
  | 'duplicate_id'
  | 'unknown_node'
  | 'wrong_kind'
  | 'self_handoff'
  | 'duplicate_handoff'
  | 'parent_cycle'
  | 'manager_cycle'
  | 'quality_and_ratings'
  | 'unknown_dimension'
  | 'rating_out_of_scale'
  | 'invalid_option'
  | 'file_exists';

/** Codes of warnings: the input is usable, but something deserves a look. */
export type WarningCode =
  | 'no_customers'
  | 'customer_unreached'
  | 'actor_isolated'
  | 'no_scored_customers'
  | 'not_converged'
  | 'infinite_sensitivity'
  | 'few_respondents'
  | (string & {});

/** One finding about the input. `path` points into it (`handoffs[3].to`); '' is the whole input. */
export interface Issue<Code extends string = ErrorCode> {
  readonly code: Code;
  readonly path: string;
  readonly message: string;
}

/** A finding that does not stop the analysis. */
export type Warning = Issue<WarningCode>;

/** Thrown when input cannot be used; `issues` holds every problem found, not just the first. */
export class ServiceChainError extends Error {
  override readonly name = 'ServiceChainError';
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    if (issues.length === 0) throw new TypeError('ServiceChainError needs at least one issue');
    super(issues.map(formatIssue).join('\n'));
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

/** `path: message`, or the bare message for the whole input. */
export function formatIssue(issue: Issue<string>): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
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
