/** The hand-off graph as GEXF 1.3 (Gephi), written here so that node ids are the model's ids. */
import type { Report } from '../analysis/report.js';
import type { Model } from '../model/schema.js';
import { escapeXmlData } from './escape.js';
import { attributeTypes, type Element, elements, type Value } from './export-elements.js';

/** GEXF type of an attribute as graphology-gexf inferred it: the widest type among its values. */
function gexfType(values: readonly Value[]): string {
  if (values.every((value) => typeof value === 'boolean')) return 'boolean';
  if (!values.every((value) => typeof value === 'number')) return 'string';
  if (!values.every((value) => Number.isInteger(value))) return 'double';
  return values.every((value) => Math.abs(value) <= 0x7fffffff) ? 'integer' : 'long';
}

/** The `<attributes>` block of one class. */
function gexfAttributes(kind: 'node' | 'edge', model: Map<string, string>): string[] {
  if (model.size === 0) return [];
  const lines = [...model].map(
    ([name, type]) =>
      `      <attribute id="${escapeXmlData(name)}" title="${escapeXmlData(name)}" type="${type}"/>`,
  );
  return [`    <attributes class="${kind}">`, ...lines, '    </attributes>'];
}

/** One element's `<attvalues>` lines, in the order of the declarations. */
function attvalueLines(model: Map<string, string>, item: Element): string[] {
  if (model.size === 0) return [];
  const values = [...model.keys()]
    .filter((name) => Object.hasOwn(item.attributes, name))
    .map(
      (name) =>
        `          <attvalue for="${escapeXmlData(name)}" value="${escapeXmlData(String(item.attributes[name]))}"/>`,
    );
  return ['        <attvalues>', ...values, '        </attvalues>'];
}

/** The hand-off graph as GEXF 1.3, with kind, service, chainStrength and the impact figures. */
export function toGexf(report: Report, model: Model): string {
  const { nodes, edges } = elements(report, model);
  const nodeModel = attributeTypes(nodes, gexfType);
  const edgeModel = attributeTypes(edges, gexfType);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">',
    '  <graph defaultedgetype="directed">',
    ...gexfAttributes('node', nodeModel),
    ...gexfAttributes('edge', edgeModel),
    '    <nodes>',
  ];
  for (const node of nodes)
    lines.push(
      `      <node id="${escapeXmlData(node.key)}" label="${escapeXmlData(node.label)}">`,
      ...attvalueLines(nodeModel, node),
      '      </node>',
    );
  lines.push('    </nodes>', '    <edges>');
  for (const edge of edges)
    lines.push(
      `      <edge id="${escapeXmlData(edge.key)}" source="${escapeXmlData(edge.source)}" target="${escapeXmlData(edge.target)}" weight="${edge.attributes['weight']}" label="${escapeXmlData(edge.label)}">`,
      ...attvalueLines(edgeModel, edge),
      '      </edge>',
    );
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return `${lines.join('\n')}\n`;
}
