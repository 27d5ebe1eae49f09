/**
 * The one guard against spreadsheet formula injection, for every CSV the project writes (the CSV
 * layout of reports, the blank survey): a cell starting with = + - @, a tab or a carriage return
 * would run as a formula when opened, so it is written with a leading '.
 */

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe for a spreadsheet: never read as a formula. */
export function csvSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
