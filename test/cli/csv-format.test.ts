/** `--format csv` of analyze, what-if, plan and survey, on the built CLI. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { example, runCli } from './cli-run.js';

/** The first table of a CSV stream, read back. */
function firstTable(stdout: string): string[][] {
  return parse(stdout.split('\n\n')[0]!) as string[][];
}

/** Every table's header row. */
function headers(stdout: string): string[][] {
  return stdout.split('\n\n').map((chunk) => (parse(chunk) as string[][])[0]!);
}

describe('--format csv', () => {
  it('analyze: the facts, then every table, names with their ids, numbers plain', () => {
    const result = runCli('analyze', example('retail.yaml'), '--format', 'csv', '--money');
    expect(result.status).toBe(0);
    expect(firstTable(result.stdout)).toContainEqual([
      'Service chain analysis: High Street Retail',
      'Hand-offs',
      '20',
    ]);
    const all = headers(result.stdout);
    expect(all).toContainEqual(expect.arrayContaining(['Section', 'Customer', 'Customer id']));
    // The money view's tables come after the report's.
    expect(result.stdout).toContain('\nMoney at risk');
    const customers = result.stdout
      .split('\n\n')
      .map((chunk) => parse(chunk) as string[][])
      .find((table) => table[0]!.includes('Customer id'))!;
    const value = customers[0]!.indexOf('Value');
    expect(customers.slice(1).map((row) => row[value])).toContain('120000');
  });

  it('plan: the kitchen fitter’s picks with plain costs', () => {
    const result = runCli(
      'plan',
      example('kitchens.yaml'),
      '--candidates',
      example('kitchens-candidates.yaml'),
      '--format',
      'csv',
    );
    expect(result.status).toBe(0);
    const picks = parse(result.stdout.split('\n\n')[1]!) as string[][];
    expect(picks[0]).toEqual([
      'Section',
      'Step',
      'Candidate',
      'Cost',
      'Gain in S',
      'Gain per 1,000',
      'S after',
      'Money left',
    ]);
    expect(picks.slice(1).map((row) => row[3])).toEqual(['5200', '5200', '5200']);
    expect(picks.at(-1)![4]).toBe('0.118');
  });

  it('what-if: the customers before and after', () => {
    const result = runCli(
      'what-if',
      example('retail.yaml'),
      '--scenario',
      example('retail-scenario.yaml'),
      '--format',
      'csv',
    );
    expect(result.status).toBe(0);
    expect(headers(result.stdout)).toContainEqual(
      expect.arrayContaining(['Customer', 'Customer id', 'Service before', 'Service after']),
    );
  });

  it('survey: the rated hand-offs with their ids', () => {
    const result = runCli(
      'survey',
      example('retail.yaml'),
      '--responses',
      example('retail-survey.csv'),
      '--format',
      'csv',
    );
    expect(result.status).toBe(0);
    const rated = firstTable(result.stdout);
    expect(rated[0]!.slice(0, 4)).toEqual(['Section', 'Hand-off', 'Hand-off id', 'Respondents']);
    expect(rated[1]!.slice(1, 3)).toEqual(['Warehouse -> Stores', 'warehouse->stores']);
  });

  it('is listed among the formats a bad --format names', () => {
    const result = runCli('plan', example('kitchens.yaml'), '-c', 'x.yaml', '--format', 'xls');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('csv');
  });
});

describe('--format html (what-if, plan)', () => {
  it.each([
    ['plan', '--candidates', example('kitchens-candidates.yaml'), 'kitchens.yaml'],
    ['what-if', '--set', 'showroom.performance=1', 'kitchens.yaml'],
  ])('%s writes one self-contained page that allows no script', (command, flag, value, model) => {
    const result = runCli(command, example(model), flag, value, '--format', 'html');
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(result.stdout).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'");
    expect(result.stdout).not.toMatch(/<script|https?:\/\//);
  });
});
