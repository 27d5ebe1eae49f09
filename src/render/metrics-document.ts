/**
 * Structural metrics as a document: each node's in- and out-degree and betweenness, in the order
 * structuralMetrics gives them. Wall time is left out, so the output stays the same bytes.
 */
import type { NodeMetrics, StructuralMetrics } from '../analysis/metrics.js';
import {
  type Block,
  boundedTable,
  type Cell,
  type Document,
  type DocumentOptions,
  heading,
  id,
  left,
  paragraph,
  resolveDocumentOptions,
  right,
  text,
  words,
} from './document.js';
import { formatCount, formatNumber } from './format.js';
import { renderDocument, type TextFormat } from './render-document.js';
import { warningBlocks } from './warning-blocks.js';

function nodeRow(n: NodeMetrics): Cell[] {
  return [
    [id(n.id)],
    text(n.kind),
    text(formatCount(n.inDegree)),
    text(formatCount(n.outDegree)),
    text(formatNumber(n.betweenness)),
  ];
}

const COLUMNS = [
  left('Node'),
  left('Kind'),
  right('Hand-offs in'),
  right('Hand-offs out'),
  right('Betweenness'),
];

/** Said only when betweenness was skipped: why the column reads n/a. */
function skippedBlocks(metrics: StructuralMetrics): Block[] {
  if (metrics.betweenness.computed) return [];
  return [paragraph(words('Betweenness was not computed: the model is above the size limit.'))];
}

/** The metrics document; `top` bounds the table. */
export function metricsDocument(
  metrics: StructuralMetrics,
  options?: Partial<DocumentOptions>,
): Document {
  const { top } = resolveDocumentOptions(options);
  const nodes = { items: metrics.nodes, noun: 'node' };
  return [
    heading(1, 'Structural metrics'),
    heading(2, 'Nodes'),
    ...skippedBlocks(metrics),
    ...boundedTable(COLUMNS, nodes, top, nodeRow, 'None: the model has no nodes.'),
    ...warningBlocks(metrics.warnings, null),
  ];
}

/** Structural metrics as text or Markdown; `top` bounds the table. */
export function renderMetrics(
  metrics: StructuralMetrics,
  format: TextFormat = 'text',
  options?: Partial<DocumentOptions>,
): string {
  return renderDocument(metricsDocument(metrics, options), format);
}
