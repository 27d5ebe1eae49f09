/**
 * The one marking scheme of every format (docs/diagrams.md, "Marks and colours"): what to fix
 * first and what caps a customer must never be told apart by red and green alone. Colours are
 * from the Okabe–Ito palette, which colour-blind readers can tell apart, and each mark also
 * differs in shape: "fix first" is filled and solid (vermilion), "weakest link" a dashed outline
 * (blue), "worth fixing" solid orange; text and Markdown use the words.
 */

/** The marks a link (box or arrow) can carry, strongest first. */
export type Highlight = 'fixFirst' | 'weakest' | 'fix' | 'none';

/** How one mark looks in every format. */
export interface Badge {
  /** The words text and Markdown print, and the HTML badge shows. */
  readonly word: string;
  /** Stroke, and a light fill of the same hue. */
  readonly stroke: string;
  readonly fill: string;
  /** SVG/CSS dash pattern of the outline; null for a solid line. */
  readonly dash: string | null;
  /** A symbol put before a marked box's name, so the mark survives printing in grey. */
  readonly marker: string;
  /** The legend's explanation. */
  readonly legend: string;
}

/** The scheme: one entry per highlight. */
export const BADGES: Readonly<Record<Highlight, Badge>> = {
  fixFirst: {
    word: 'fix first',
    stroke: '#D55E00',
    fill: '#fbe2d0',
    dash: null,
    marker: '●',
    legend: 'Fix first: the largest fix gain',
  },
  weakest: {
    word: 'weakest link',
    stroke: '#0072B2',
    fill: '#dcecf7',
    dash: '6 3',
    marker: '◇',
    legend: 'Weakest link: caps what a customer can receive',
  },
  fix: {
    word: 'worth fixing',
    stroke: '#E69F00',
    fill: '#fdf1d6',
    dash: null,
    marker: '',
    legend: 'Next best to fix (fix gain)',
  },
  none: {
    word: '',
    stroke: '#5d6d7e',
    fill: '#ffffff',
    dash: null,
    marker: '',
    legend: 'Other link: label = quality, ↻ = on a loop, thicker = more sensitive',
  },
};

/** The stronger of two marks: fix first over weakest link over worth fixing over none. */
export function stronger(a: Highlight, b: Highlight): Highlight {
  const order: readonly Highlight[] = ['fixFirst', 'weakest', 'fix', 'none'];
  return order[Math.min(order.indexOf(a), order.indexOf(b))]!;
}

/** A box's name with its mark's symbol in front (`● Night nurses`); unmarked names as they are. */
export function markedName(name: string, highlight: Highlight): string {
  const { marker } = BADGES[highlight];
  return marker === '' ? name : `${marker} ${name}`;
}
