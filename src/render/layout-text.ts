/**
 * Text in the diagram's boxes, measured by an estimate rather than a browser (so the layout is the
 * same everywhere): widths, and names wrapped onto a few lines instead of cut.
 */

/** Estimated width of a text at a font size: wide (CJK, emoji) characters count double. */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const char of text) units += (char.codePointAt(0) ?? 0) > 0x2e80 ? 1.1 : 0.6;
  return units * fontSize;
}

/** Characters on one line of a box's name, and lines at most. */
export const NAME_LINE_CHARS = 22;
/** Lines of a box's name at most; beyond the last, an ellipsis (the full name is in the box's title). */
export const NAME_MAX_LINES = 3;

/** Splits a word longer than a line into line-sized pieces. */
function pieces(word: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += NAME_LINE_CHARS)
    out.push(word.slice(i, i + NAME_LINE_CHARS).join(''));
  return out;
}

/**
 * The name as drawn: wrapped at spaces onto at most NAME_MAX_LINES lines of NAME_LINE_CHARS
 * characters (a longer word is broken); an ellipsis ends the last line only when more is left.
 */
export function wrapName(name: string): string[] {
  const words = name.split(/\s+/).filter((word) => word.length > 0);
  const lines: string[] = [];
  let line: string[] = [];
  const flush = () => {
    if (line.length > 0) lines.push(line.join(''));
    line = [];
  };
  for (const word of words) {
    const chars = [...word];
    const room = line.length === 0 ? NAME_LINE_CHARS : NAME_LINE_CHARS - line.length - 1;
    if (chars.length <= room) {
      if (line.length > 0) line.push(' ');
      line.push(...chars);
      continue;
    }
    flush();
    const parts = pieces(chars);
    for (const part of parts.slice(0, -1)) lines.push(part);
    line = [...parts[parts.length - 1]!];
  }
  flush();
  if (lines.length === 0) return [''];
  if (lines.length <= NAME_MAX_LINES) return lines;
  const last = [...lines[NAME_MAX_LINES - 1]!];
  const cut = last.length >= NAME_LINE_CHARS ? last.slice(0, NAME_LINE_CHARS - 1) : last;
  return [...lines.slice(0, NAME_MAX_LINES - 1), `${cut.join('')}…`];
}

/** The room a frame's title takes: its text (11 px bold) and 10 units each side. */
export function frameTitleWidth(label: string): number {
  return textWidth(label, 11) + 20;
}
