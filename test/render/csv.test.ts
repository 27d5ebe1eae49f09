/** The CSV layouter (src/render/csv.ts): every table, plain numbers, id columns, no formulas. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { validateModel } from '../../src/model/load.js';
import { csvSafe, documentCsv } from '../../src/render/csv.js';
import {
  type Document,
  heading,
  id,
  left,
  named,
  right,
  text,
  words,
} from '../../src/render/document.js';
import { reportDocument } from '../../src/render/report-document.js';

/** The CSV read back as records, tables apart (a blank line ends each). */
function tables(csv: string): string[][][] {
  return csv
    .split(/\n\n(?=Section,)/)
    .map((chunk) => parse(chunk, { relax_column_count: true }) as string[][]);
}

describe('documentCsv on a hand-built document', () => {
  const document: Document = [
    heading(1, 'Report'),
    { type: 'facts', facts: [{ label: 'S', value: text('0.470 (47.0%)') }] },
    heading(2, 'Links'),
    {
      type: 'table',
      columns: [left('Link'), right('Gain'), right('Share'), right('Value'), right('Loss')],
      rows: [
        [
          [named('Ware, "house"', 'wh'), words(' -> '), id('dispatch')],
          text('+0.104'),
          text('47.5%'),
          text('1,234,567.25'),
          text('n/a'),
        ],
        [[id('007')], text('-3'), text('0.0%'), text('12'), text('-0.000 1')],
      ],
    },
  ];
  const [facts, links] = tables(documentCsv(document));

  it('lays facts out as a Figure, Value table under their heading', () => {
    expect(facts).toEqual([
      ['Section', 'Figure', 'Value'],
      ['Report', 'S', '0.470 (47.0%)'],
    ]);
  });

  it('writes figures as plain numbers, a percentage as its fraction, n/a as empty', () => {
    expect(links![0]).toEqual(['Section', 'Link', 'Link id', 'Gain', 'Share', 'Value', 'Loss']);
    expect(links![1]).toEqual([
      'Links',
      'Ware, "house" -> dispatch',
      'wh -> dispatch',
      '0.104',
      '0.475',
      '1234567.25',
      '',
    ]);
  });

  it('keeps an id that looks like a number as text; a non-figure is text, made safe', () => {
    expect(links![2]).toEqual(['Links', '007', '', '-3', '0', '12', "'-0.000 1"]);
  });

  it('separates tables by one blank line and ends with a newline', () => {
    const csv = documentCsv(document);
    expect(csv.split('\n\n')).toHaveLength(2);
    expect(csv.endsWith('\n')).toBe(true);
  });
});

describe('csvSafe: spreadsheet formula injection', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with a quote', (value) => {
    expect(csvSafe(value)).toBe(`'${value}`);
  });

  it('leaves other text alone', () => {
    expect(csvSafe('Warehouse = stores')).toBe('Warehouse = stores');
  });
});

describe('a hostile name in a real report', () => {
  const hostile = '=HYPERLINK("http://x.test","click")';
  const { model } = validateModel({
    version: 1,
    departments: [{ id: 'desk', name: hostile, performance: 0.5 }],
    customers: [{ id: 'c', name: '@callers' }],
    handoffs: [{ from: 'desk', to: 'c' }],
  });
  const csv = documentCsv(reportDocument(analyze(model), { top: 10 }));
  const cells = tables(csv).flat(2);

  it('never starts a cell with a formula character', () => {
    expect(cells.filter((cell) => /^[=+@\t\r]/.test(cell))).toEqual([]);
    expect(cells).toContain(`'${hostile}`);
    expect(cells).toContain("'@callers");
  });

  it('gives the names their ids', () => {
    const customers = tables(csv).find((t) => t[0]!.includes('Customer'))!;
    expect(customers[0]!.slice(1, 3)).toEqual(['Customer', 'Customer id']);
    expect(customers[1]!.slice(1, 3)).toEqual(["'@callers", 'c']);
  });
});

describe('the id column of a hand-off', () => {
  // Two parallel hand-offs desk -> c: one with its own id, one known by `from->to`.
  const { model } = validateModel({
    version: 1,
    departments: [
      { id: 'desk', name: 'Front desk', performance: 0.9 },
      { id: 'back', name: 'Back office' },
    ],
    customers: [{ id: 'c', name: 'Callers' }],
    handoffs: [
      { id: 'phone', from: 'desk', to: 'c', quality: 0.6 },
      { from: 'back', to: 'desk', quality: 0.8 },
      { from: 'back', to: 'c', quality: 0.95 },
    ],
  });
  const all = tables(documentCsv(reportDocument(analyze(model), { top: 10 })));
  const links = all.find((t) => t[0]![1] === '#' && t[0]!.includes('Kind'))!;
  const idOf = (name: string) => {
    const row = links.find((r) => r[2]!.startsWith(name))!;
    return row[3];
  };

  it('shows a hand-off’s own id, not its ends', () => {
    expect(links[0]!.slice(2, 4)).toEqual(['Link', 'Link id']);
    expect(idOf('Front desk -> Callers')).toBe('phone');
  });

  it('shows `from->to` for a hand-off without one: that is its id', () => {
    expect(idOf('Back office -> Front desk')).toBe('back->desk');
  });

  it('shows an actor’s id without the words beside its name', () => {
    const row = links.find((r) => r[4] === 'department')!;
    expect(row[2]).toMatch(/^(Front desk|Back office)/);
    expect(['desk', 'back']).toContain(row[3]);
  });

  it('joins a chain’s ids by arrows and a list’s by commas', () => {
    const document: Document = [
      heading(1, 'Chains'),
      {
        type: 'table',
        columns: [left('Chain'), left('Members')],
        rows: [
          [
            [named('Back office', 'back'), words(' -> '), named('Front desk', 'desk')],
            [named('Back office', 'back'), words(' (department), '), named('Callers', 'c')],
          ],
        ],
      },
    ];
    expect(tables(documentCsv(document))[0]![1]).toEqual([
      'Chains',
      'Back office -> Front desk',
      'back -> desk',
      'Back office (department), Callers',
      'back, c',
    ]);
  });
});
