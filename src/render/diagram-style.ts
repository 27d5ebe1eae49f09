/** Colours and legend wording shared by every diagram format, so they all read the same. */
import type { Highlight } from './diagram-graph.js';

/** Stroke and fill per highlight: red for weakest links, amber for fix candidates. */
export const HIGHLIGHT_COLOURS: Readonly<
  Record<Highlight, { readonly stroke: string; readonly fill: string }>
> = {
  weakest: { stroke: '#c0392b', fill: '#fdecea' },
  fix: { stroke: '#d68910', fill: '#fef5e7' },
  none: { stroke: '#5d6d7e', fill: '#ffffff' },
};

/** Fill of customer boxes and of cluster backgrounds. */
export const CUSTOMER_FILL = '#eaf2f8';
/** Background of department clusters. */
export const CLUSTER_FILL = '#f7f9fa';
/** Border of clusters. */
export const CLUSTER_STROKE = '#d5dbdf';

/** The legend's lines, in drawing order. */
export const LEGEND: readonly { readonly highlight: Highlight; readonly text: string }[] = [
  { highlight: 'weakest', text: 'Weakest link of a customer' },
  { highlight: 'fix', text: 'Next best to fix (fix gain)' },
  { highlight: 'none', text: 'Other link; label = quality, thicker = more sensitive' },
];
