/**
 * GEXF and GraphML exports of the hand-off graph with the report's scores as attributes, for
 * Gephi, yEd, Cytoscape, with the model's ids as node ids. Characters XML 1.0 cannot hold at all
 * (NUL, ESC, BEL and the other C0 controls but tab, newline and carriage return; U+FFFE, U+FFFF;
 * lone surrogates) are written as the visible text `\uXXXX` in both formats (escape.ts,
 * `escapeXmlData`), so the file is well-formed and distinct ids stay distinct.
 */

/** The hand-off graph as GEXF 1.3, with kind, service, chainStrength and the impact figures. */
export { toGexf } from './gexf.js';
/** The hand-off graph as GraphML, with kind, service, chainStrength and the impact figures. */
export { toGraphml } from './graphml.js';
