/** describeFailure: how each kind of failure ends the CLI (exit code and stderr lines). */
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { describeFailure, UsageError } from '../../src/cli/io.js';
import { ServiceChainError } from '../../src/model/errors.js';

describe('describeFailure', () => {
  it('a ServiceChainError: one `path: message` line per issue, exit 1', () => {
    const error = new ServiceChainError([
      { code: 'unknown_node', path: 'handoffs[3].to', message: 'unknown node "x"' },
      { code: 'syntax', path: '', message: 'YAML syntax error at line 1, column 2: bad' },
    ]);
    expect(describeFailure(error, 'm.yaml')).toEqual({
      exitCode: 1,
      lines: [
        'handoffs[3].to: unknown node "x"',
        'm.yaml: YAML syntax error at line 1, column 2: bad',
      ],
    });
    expect(describeFailure(error).lines[1]).toBe('YAML syntax error at line 1, column 2: bad');
  });

  it('a ServiceChainError of invalid options only is a usage error, exit 2', () => {
    const error = new ServiceChainError([
      { code: 'invalid_option', path: 'top', message: 'must be positive' },
    ]);
    expect(describeFailure(error)).toEqual({ exitCode: 2, lines: ['top: must be positive'] });
  });

  it('a UsageError: one line, exit 2', () => {
    expect(describeFailure(new UsageError('--budget must be a number\nmore'))).toEqual({
      exitCode: 2,
      lines: ['error: --budget must be a number'],
    });
  });

  it('commander: it has printed the message; help and version exit 0, the rest 2', () => {
    expect(
      describeFailure(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)')),
    ).toEqual({
      exitCode: 0,
      lines: [],
    });
    expect(describeFailure(new CommanderError(1, 'commander.unknownOption', 'x'))).toEqual({
      exitCode: 2,
      lines: [],
    });
    expect(describeFailure(new CommanderError(1, 'commander.help', 'x'))).toEqual({
      exitCode: 2,
      lines: [],
    });
  });

  it('anything else is unexpected: one line, exit 1, no stack', () => {
    const error = new TypeError('cannot read properties of undefined');
    expect(describeFailure(error)).toEqual({
      exitCode: 1,
      lines: ['internal error: cannot read properties of undefined'],
    });
    expect(describeFailure('a string')).toEqual({
      exitCode: 1,
      lines: ['internal error: a string'],
    });
  });
});
