/** Files and streams: no command overwrites its input by accident, writes are whole, inputs are files. */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { example, root } from './cli-run.js';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'service-chain-files-'));
  copyFileSync(example('retail.yaml'), join(cwd, 'retail.yaml'));
  copyFileSync(example('retail-survey.csv'), join(cwd, 'survey.csv'));
  copyFileSync(example('retail-scenario.yaml'), join(cwd, 'scenario.yaml'));
  copyFileSync(example('retail-candidates.yaml'), join(cwd, 'candidates.yaml'));
});
afterEach(() => {
  rmSync(cwd, { recursive: true, force: true });
});

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A shell pipeline with the built CLI as `$CLI`. */
function shell(script: string) {
  const result = spawnSync('sh', ['-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CLI: `${process.execPath} ${join(root, 'dist', 'cli.js')}` },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const original = () => readFileSync(example('retail.yaml'), 'utf8');

describe('--out onto an input file is refused (exit 1), the input untouched', () => {
  const cases: [string, string[], string][] = [
    ['analyze', ['analyze', 'retail.yaml'], 'retail.yaml'],
    ['diagram', ['diagram', 'retail.yaml'], 'retail.yaml'],
    ['export', ['export', 'retail.yaml', '--format', 'gexf'], 'retail.yaml'],
    ['what-if (model)', ['what-if', 'retail.yaml', '-s', 'scenario.yaml'], 'retail.yaml'],
    ['what-if (scenario)', ['what-if', 'retail.yaml', '-s', 'scenario.yaml'], 'scenario.yaml'],
    ['plan (model)', ['plan', 'retail.yaml', '-c', 'candidates.yaml', '-b', '500'], 'retail.yaml'],
    [
      'plan (candidates)',
      ['plan', 'retail.yaml', '-c', 'candidates.yaml', '-b', '500'],
      'candidates.yaml',
    ],
    ['survey (responses)', ['survey', 'retail.yaml', '-r', 'survey.csv'], 'survey.csv'],
    [
      'survey (responses, --in-place)',
      ['survey', 'retail.yaml', '-r', 'survey.csv', '--in-place'],
      'survey.csv',
    ],
  ];
  for (const [name, args, target] of cases) {
    it(name, () => {
      const before = readFileSync(join(cwd, target), 'utf8');
      const result = cli(...args, '--out', target);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        `error: refusing to write "${target}": it is the input "${target}"; choose another --out\n`,
      );
      expect(readFileSync(join(cwd, target), 'utf8')).toBe(before);
    });
  }

  it('through a symbolic link too', () => {
    symlinkSync('retail.yaml', join(cwd, 'link.yaml'));
    const result = cli('diagram', 'retail.yaml', '--out', 'link.yaml');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('it is the input "retail.yaml"');
    expect(readFileSync(join(cwd, 'retail.yaml'), 'utf8')).toBe(original());
  });

  it('survey --out onto the model needs --in-place', () => {
    const refused = cli('survey', 'retail.yaml', '-r', 'survey.csv', '--out', 'retail.yaml');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      'error: refusing to write "retail.yaml": it is the input "retail.yaml"; choose another --out, or say --in-place to rewrite the model\n',
    );
    expect(readFileSync(join(cwd, 'retail.yaml'), 'utf8')).toBe(original());
    const allowed = cli('survey', 'retail.yaml', '-r', 'survey.csv', '--in-place');
    expect(allowed.status).toBe(0);
    expect(readFileSync(join(cwd, 'retail.yaml'), 'utf8')).not.toBe(original());
  });
});

describe('writes are whole and make their directory', () => {
  it('creates a missing directory; leaves no temporary file', () => {
    const result = cli('diagram', 'retail.yaml', '--out', join('a', 'b', 'retail.mmd'));
    expect(result.status).toBe(0);
    expect(readFileSync(join(cwd, 'a', 'b', 'retail.mmd'), 'utf8')).toContain('flowchart');
    expect(readdirSync(join(cwd, 'a', 'b'))).toEqual(['retail.mmd']);
  });

  it('a directory that cannot be made: one line, exit 1, nothing written', () => {
    const result = cli('diagram', 'retail.yaml', '--out', join('retail.yaml', 'x.mmd'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: cannot create the directory "retail.yaml" .*\n$/);
  });
});

describe('schema and analyse', () => {
  it('schema --out writes the schema (--output still works)', () => {
    expect(cli('schema', '--out', 's.json').status).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 's.json'), 'utf8')).$schema).toBeDefined();
    expect(cli('schema', '--output', 't.json').status).toBe(0);
    expect(existsSync(join(cwd, 't.json'))).toBe(true);
  });

  it('analyse is analyze', () => {
    const a = cli('analyse', 'retail.yaml');
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(cli('analyze', 'retail.yaml').stdout);
  });
});

describe('streams and special files', () => {
  it('stdout on a full disk: one line, exit 1, no stack trace', () => {
    const result = shell('$CLI analyze retail.yaml > /dev/full');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('error: cannot write to stdout (ENOSPC)\n');
  });

  it('stdout closed early (| head): quiet, exit 0', () => {
    const result = shell('$CLI schema | head -c 1 > /dev/null; echo "$?"');
    expect(result.stderr).toBe('');
  });

  it('a device or a FIFO as the model file is refused at once', () => {
    const device = cli('validate', '/dev/zero');
    expect(device.status).toBe(1);
    expect(device.stderr).toBe(
      'cannot read "/dev/zero": it is a device, not a regular file; give the path of a file\n',
    );
    const fifo = shell('mkfifo pipe && $CLI validate pipe');
    expect(fifo.status).toBe(1);
    expect(fifo.stderr).toContain('it is a named pipe, not a regular file');
    const responses = cli('survey', 'retail.yaml', '-r', '/dev/zero');
    expect(responses.status).toBe(1);
    expect(responses.stderr).toContain('"/dev/zero": it is a device');
  });
});

describe('analyze --metrics of an empty model', () => {
  it('prints no nodes, exit 0, no internal error', () => {
    const result = shell(
      "printf 'version: 1\\n' > empty.yaml && $CLI analyze empty.yaml --metrics",
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('None: the model has no nodes.');
  });
});

describe('diagram --format svg of a model too large for the full layout', () => {
  it('a 2,000-department chain: an SVG, a warning, exit 0 (not a stack overflow)', () => {
    const count = 2000;
    const departments = Array.from({ length: count }, (_, i) => ({ id: `d${i}` }));
    const handoffs = departments
      .slice(1)
      .map((d, i) => ({ from: `d${i}`, to: d.id, quality: 0.99 }));
    handoffs.push({ from: `d${count - 1}`, to: 'c', quality: 0.9 });
    const model = { version: 1, departments, customers: [{ id: 'c' }], handoffs };
    writeFileSync(join(cwd, 'chain.json'), JSON.stringify(model));
    const result = cli('diagram', 'chain.json', '--format', 'svg', '--out', 'chain.svg');
    expect(result.status).toBe(0);
    expect(readFileSync(join(cwd, 'chain.svg'), 'utf8').startsWith('<svg')).toBe(true);
    expect(result.stderr).toBe(
      'warning: the diagram has 2,002 boxes, more than the 1,000 the full layout takes: drawn with a plain layered layout (try --level department)\n',
    );
  });
});

describe('survey --out keeps what the consultant wrote', () => {
  it('only the surveyed hand-offs’ lines change; comments and every other line are byte-identical', () => {
    const result = cli('survey', 'retail.yaml', '-r', 'survey.csv', '--out', 'rated.yaml');
    expect(result.status).toBe(0);
    const before = original().split('\n');
    const after = readFileSync(join(cwd, 'rated.yaml'), 'utf8').split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i + 1]));
    // The three surveyed hand-offs, each one line in the file.
    expect(changed).toHaveLength(3);
    for (const line of changed) expect(after[line - 1]).toMatch(/ratings: \{ .* \}/);
    const comments = (lines: string[]) => lines.filter((line) => line.trimStart().startsWith('#'));
    expect(comments(after)).toEqual(comments(before));
    expect(comments(before).length).toBeGreaterThan(5);
    expect(cli('validate', 'rated.yaml').status).toBe(0);
  });

  it('--in-place writes the same text into the model', () => {
    cli('survey', 'retail.yaml', '-r', 'survey.csv', '--out', 'rated.yaml');
    expect(cli('survey', 'retail.yaml', '-r', 'survey.csv', '--in-place').status).toBe(0);
    expect(readFileSync(join(cwd, 'retail.yaml'), 'utf8')).toBe(
      readFileSync(join(cwd, 'rated.yaml'), 'utf8'),
    );
  });

  it('no model is written while the responses have errors', () => {
    const bad = shell(
      "printf 'from,to,timelyness\\nwarehouse,stores,2,5\\n' > bad.csv && $CLI survey retail.yaml -r bad.csv --out rated.yaml",
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('did you mean "timeliness"?');
    expect(existsSync(join(cwd, 'rated.yaml'))).toBe(false);
  });
});
