/** Colours and legend wording shared by every diagram format, so they all read the same (badges.ts). */
import { BADGES, type Highlight } from './badges.js';

/** Stroke, fill and dash per highlight, from the one scheme of badges.ts. */
export const HIGHLIGHT_COLOURS: Readonly<
  Record<
    Highlight,
    { readonly stroke: string; readonly fill: string; readonly dash: string | null }
  >
> = {
  fixFirst: BADGES.fixFirst,
  weakest: BADGES.weakest,
  fix: BADGES.fix,
  none: BADGES.none,
};

/** Fill of customer boxes and of cluster backgrounds. */
export const CUSTOMER_FILL = '#eaf2f8';
/** Background of department clusters. */
export const CLUSTER_FILL = '#f7f9fa';
/** Border of clusters. */
export const CLUSTER_STROKE = '#d5dbdf';

/** The legend's lines, in drawing order. */
export const LEGEND: readonly { readonly highlight: Highlight; readonly text: string }[] = (
  ['fixFirst', 'weakest', 'fix', 'none'] as const
).map((highlight) => ({ highlight, text: BADGES[highlight].legend }));

/** The symbol that marks a hand-off on a loop a customer's chain goes round. */
export const LOOP_MARK = '↻';

/** An arrow's label, with the loop mark in front when a customer's chain goes round it. */
export function loopLabel(label: string, loop: boolean): string {
  return loop ? `${LOOP_MARK} ${label}` : label;
}
