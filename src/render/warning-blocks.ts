/** Warnings as a section of any document: where, what and the stable code of each. */
import type { Warning } from '../model/errors.js';
import {
  type Block,
  type Cell,
  heading,
  id,
  list,
  moreNote,
  note,
  paragraph,
  words,
} from './document.js';

/** Warnings listed in full before the rest are counted (a huge model can raise thousands). */
export const WARNINGS_SHOWN = 100;

/**
 * Where a warning is in the file, for a reader: ` (line 7, column 5)`, or '' when it came from no
 * file. The model path (`handoffs[1]`) is for programs: it stays in the warning and the JSON.
 */
export function warningPlace(warning: Warning): string {
  if (warning.line === undefined) return '';
  return warning.column === undefined
    ? ` (line ${warning.line})`
    : ` (line ${warning.line}, column ${warning.column})`;
}

/** A warning: what (naming things by their names), where in the file, and its code. */
function warningItem(warning: Warning): Cell {
  return [words(`${warning.message}${warningPlace(warning)} (`), id(warning.code), words(')')];
}

/** Warnings as a list, the first WARNINGS_SHOWN in full; `none` says so when there are none. */
export function warningBlocks(warnings: readonly Warning[], none: string | null): Block[] {
  if (warnings.length === 0)
    return none === null ? [] : [heading(2, 'Warnings'), paragraph(words(none))];
  const shown = warnings.slice(0, WARNINGS_SHOWN).map(warningItem);
  const rest = warnings.length - shown.length;
  const more =
    rest > 0 ? [note(words(moreNote(shown.length, warnings.length, 'warning', false)))] : [];
  return [heading(2, 'Warnings'), list(shown), ...more];
}
