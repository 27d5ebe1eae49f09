/** describeFailure: how each kind of failure ends the CLI (exit code and stderr lines). */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { describeFailure, FileError, UsageError, writeFileSafely } from '../../src/cli/io.js';
import { formatIssues, ServiceChainError } from '../../src/model/errors.js';

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

describe('formatIssues: the first 100 issues in full, then a count per code', () => {
  it('1,000 issues print 101 lines', () => {
    const issues = Array.from({ length: 1000 }, (_, i) => ({
      code: i % 2 === 0 ? 'invalid_value' : 'unknown_node',
      path: `line ${i}`,
      message: 'bad',
    }));
    const lines = formatIssues(issues);
    expect(lines).toHaveLength(101);
    expect(lines[99]).toBe('line 99: bad');
    expect(lines[100]).toBe('… and 900 more: 450 invalid_value, 450 unknown_node');
    expect(describeFailure(new ServiceChainError(issues as never)).lines).toEqual(lines);
  });
});

describe('writeFileSafely', () => {
  it('a failed write leaves the target as it was and no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'service-chain-io-'));
    mkdirSync(join(dir, 'target'));
    await expect(writeFileSafely(join(dir, 'target'), 'text')).rejects.toBeInstanceOf(FileError);
    expect(readdirSync(dir)).toEqual(['target']);
    await writeFileSafely(join(dir, 'new', 'file.txt'), 'whole');
    expect(readFileSync(join(dir, 'new', 'file.txt'), 'utf8')).toBe('whole');
    expect(readdirSync(join(dir, 'new'))).toEqual(['file.txt']);
    rmSync(dir, { recursive: true, force: true });
  });
});
