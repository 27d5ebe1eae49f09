import { describe, expect, it } from 'vitest';
import {
  frameTitleWidth,
  NAME_LINE_CHARS,
  NAME_MAX_LINES,
  textWidth,
  wrapName,
} from '../../src/render/layout-text.js';

// Worked by hand with NAME_LINE_CHARS = 22 and NAME_MAX_LINES = 3 (src/render/layout-text.ts).
describe('wrapName', () => {
  it('is pinned to 22 characters and 3 lines', () => {
    expect([NAME_LINE_CHARS, NAME_MAX_LINES]).toEqual([22, 3]);
  });

  it('keeps a short name on one line and an empty one as one empty line', () => {
    expect(wrapName('Sales')).toEqual(['Sales']);
    expect(wrapName('')).toEqual(['']);
    expect(wrapName(' \t ')).toEqual(['']);
  });

  it('collapses runs of white space to one space', () => {
    expect(wrapName('  Sales\t\nTeam  ')).toEqual(['Sales Team']);
  });

  it('wraps at spaces: a word goes on when it fits the room left after one space', () => {
    // "Customer Service" is 16; "Department" needs 1 + 10 > 6 left, so it starts a line (10),
    // and "North" needs 1 + 5 <= 12 left.
    expect(wrapName('Customer Service Department North')).toEqual([
      'Customer Service',
      'Department North',
    ]);
    // A line is filled to exactly 22: 5 + 1 + 4 + 1 + 5 + 1 + 5.
    expect(wrapName('Alpha Beta Gamma Delta')).toEqual(['Alpha Beta Gamma Delta']);
  });

  it('breaks a word longer than a line into 22-character pieces', () => {
    const a = 'a'.repeat(50);
    expect(wrapName(a)).toEqual(['a'.repeat(22), 'a'.repeat(22), 'a'.repeat(6)]);
    // A full-line word after a short one starts its own line.
    expect(wrapName(`Ops ${'x'.repeat(22)}`)).toEqual(['Ops', 'x'.repeat(22)]);
  });

  it('keeps exactly three lines without an ellipsis', () => {
    expect(wrapName('Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu')).toEqual([
      'Alpha Beta Gamma Delta',
      'Epsilon Zeta Eta Theta',
      'Iota Kappa Lambda Mu',
    ]);
  });

  it('ends the third line with an ellipsis when more is left', () => {
    // "Nu" needs 1 + 2 > 2 left after "Iota Kappa Lambda Mu" (20): a fourth line, cut.
    expect(
      wrapName('Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu'),
    ).toEqual(['Alpha Beta Gamma Delta', 'Epsilon Zeta Eta Theta', 'Iota Kappa Lambda Mu…']);
    // A full third line gives up its last character to the ellipsis: 22 characters in all.
    expect(wrapName('a'.repeat(70))).toEqual([
      'a'.repeat(22),
      'a'.repeat(22),
      `${'a'.repeat(21)}…`,
    ]);
  });

  it('counts characters, not UTF-16 units', () => {
    const emoji = '😀'.repeat(23);
    expect(wrapName(emoji)).toEqual(['😀'.repeat(22), '😀']);
    expect(wrapName('東京本社 営業部')).toEqual(['東京本社 営業部']);
  });
});

describe('textWidth and frameTitleWidth', () => {
  it('counts 0.6 of the font size per narrow character and 1.1 per wide one', () => {
    expect(textWidth('abc', 10)).toBeCloseTo(18, 12);
    expect(textWidth('東京', 12)).toBeCloseTo(26.4, 12);
    expect(textWidth('a東', 10)).toBeCloseTo(17, 12);
    expect(textWidth('', 10)).toBe(0);
  });

  it("gives a frame's title its 11 px text and 10 units each side", () => {
    expect(frameTitleWidth('Sales')).toBeCloseTo(5 * 0.6 * 11 + 20, 12);
  });
});
