/**
 * The hand-off graph as GraphML (yEd, Cytoscape): keys declared once, values typed, XML escaped;
 * graphology-graphml 0.5.2 only parses.
 */
import type { Report } from '../analysis/report.js';
import type { Model } from '../model/schema.js';
import { escapeXmlData } from './escape.js';
import { attributeTypes, type Element, elements, type Value } from './export-elements.js';

/** GraphML type of an attribute: boolean or double when every value is one, else string. */
function graphmlType(values: readonly Value[]): string {
  if (values.every((value) => typeof value === 'boolean')) return 'boolean';
  if (values.every((value) => typeof value === 'number')) return 'double';
  return 'string';
}

/** The `<key>` declarations: `label`, then one per attribute name, in first-seen order. */
function keyDeclarations(items: readonly Element[]): Map<string, string> {
  return new Map([['label', 'string'], ...attributeTypes(items, graphmlType)]);
}

/** One element's `<data>` lines. */
function dataLines(prefix: string, item: Element): string[] {
  const data = { label: item.label, ...item.attributes };
  return Object.entries(data).map(
    ([name, value]) =>
      `      <data key="${prefix}_${escapeXmlData(name)}">${escapeXmlData(String(value))}</data>`,
  );
}

/** The hand-off graph as GraphML, with kind, service, chainStrength and the impact figures. */
export function toGraphml(report: Report, model: Model): string {
  const { nodes, edges } = elements(report, model);
  const nodeKeys = keyDeclarations(nodes);
  const edgeKeys = keyDeclarations(edges);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [domain, keys] of [
    ['node', nodeKeys],
    ['edge', edgeKeys],
  ] as const)
    for (const [name, type] of keys)
      lines.push(
        `  <key id="${domain === 'node' ? 'n' : 'e'}_${escapeXmlData(name)}" for="${domain}" attr.name="${escapeXmlData(name)}" attr.type="${type}"/>`,
      );
  lines.push(
    `  <graph id="${escapeXmlData(model.name ?? 'service-chain')}" edgedefault="directed">`,
  );
  for (const node of nodes) {
    lines.push(
      `    <node id="${escapeXmlData(node.key)}">`,
      ...dataLines('n', node),
      '    </node>',
    );
  }
  for (const edge of edges) {
    lines.push(
      `    <edge id="${escapeXmlData(edge.key)}" source="${escapeXmlData(edge.source)}" target="${escapeXmlData(edge.target)}">`,
      ...dataLines('e', edge),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}
