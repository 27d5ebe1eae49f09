/**
 * GEXF and GraphML exports of the hand-off graph with the report's scores as attributes, for
 * Gephi, yEd, Cytoscape. Both are written here (attributes declared once, values typed, XML
 * escaped) with the model's ids as node ids: toGraph's node keys are generated (`n0`, `n1`, ...),
 * and graphology-gexf's writer would print those keys. Characters XML 1.0
 * cannot hold at all (NUL, ESC, BEL and the other C0 controls but tab, newline and carriage
 * return; U+FFFE, U+FFFF; lone surrogates) are written as the visible text `\uXXXX` in both
 * formats, so the file is well-formed and distinct ids stay distinct.
 */
import type { Report } from '../analysis/report.js';
import { toGraph } from '../model/graph.js';
import type { Model } from '../model/schema.js';

type Value = string | number | boolean;

/** Attributes of one node or edge, nulls dropped (a missing score is absent, never NaN). */
type Attributes = Record<string, Value>;

/** Keeps only the printable entries. */
function defined(entries: Record<string, Value | null | undefined>): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    attributes[key] = value;
  }
  return attributes;
}

/** A node's or edge's label and attributes for an export. */
interface Element {
  readonly key: string;
  readonly label: string;
  readonly attributes: Attributes;
}

/** Nodes (declaration order) and edges (hand-offs, declaration order) with their scores. */
function elements(report: Report, model: Model) {
  const graph = toGraph(model);
  const actors = new Map(report.actors.map((actor) => [actor.id, actor]));
  const customers = new Map(report.customers.map((customer) => [customer.id, customer]));
  const handoffs = new Map(report.handoffs.map((handoff) => [handoff.id, handoff]));
  const nodes: Element[] = graph.mapNodes((_key, node) => {
    const actor = actors.get(node.id);
    const customer = customers.get(node.id);
    return {
      key: node.id,
      label: node.name,
      attributes: defined({
        kind: node.kind,
        service: actor?.service ?? customer?.service,
        chainStrength: actor?.chainStrength ?? customer?.chainStrength,
        sensitivity: actor?.sensitivity,
        fixGain: actor?.fixGain,
        failureLoss: actor?.failureLoss,
        customersReached: actor?.customersReached,
        value: node.value,
        segment: node.segment,
      }),
    };
  });
  const edges = graph.mapEdges((key, edge, _source, _target, source, target) => {
    const handoff = handoffs.get(key);
    return {
      key,
      source: source.id,
      target: target.id,
      label: key,
      attributes: defined({
        quality: edge.quality,
        weight: edge.weight,
        received: handoff?.received,
        sensitivity: handoff?.sensitivity,
        fixGain: handoff?.fixGain,
        failureLoss: handoff?.failureLoss,
        carries: edge.carries,
        group: edge.group,
      }),
    };
  });
  return { nodes, edges };
}

/** What XML 1.0 forbids even as a character reference. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every character XML 1.0 cannot hold spelt `\uXXXX`. */
export function xmlSafe(text: string): string {
  return text.replace(
    NOT_XML,
    (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** GEXF type of an attribute as graphology-gexf inferred it: the widest type among its values. */
function gexfType(values: readonly Value[]): string {
  if (values.every((value) => typeof value === 'boolean')) return 'boolean';
  if (!values.every((value) => typeof value === 'number')) return 'string';
  if (!values.every((value) => Number.isInteger(value))) return 'double';
  return values.every((value) => Math.abs(value) <= 0x7fffffff) ? 'integer' : 'long';
}

/** Every attribute of one class with its GEXF type, in first-seen order. */
function gexfModel(items: readonly Element[]): Map<string, string> {
  const values = new Map<string, Value[]>();
  for (const item of items)
    for (const [name, value] of Object.entries(item.attributes)) {
      const seen = values.get(name);
      if (seen === undefined) values.set(name, [value]);
      else seen.push(value);
    }
  return new Map([...values].map(([name, all]) => [name, gexfType(all)]));
}

/** The `<attributes>` block of one class. */
function gexfAttributes(kind: 'node' | 'edge', model: Map<string, string>): string[] {
  if (model.size === 0) return [];
  const lines = [...model].map(
    ([name, type]) =>
      `      <attribute id="${escapeXml(name)}" title="${escapeXml(name)}" type="${type}"/>`,
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
        `          <attvalue for="${escapeXml(name)}" value="${escapeXml(String(item.attributes[name]))}"/>`,
    );
  return ['        <attvalues>', ...values, '        </attvalues>'];
}

/** The hand-off graph as GEXF 1.3, with kind, service, chainStrength and the impact figures. */
export function toGexf(report: Report, model: Model): string {
  const { nodes, edges } = elements(report, model);
  const nodeModel = gexfModel(nodes);
  const edgeModel = gexfModel(edges);
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
      `      <node id="${escapeXml(node.key)}" label="${escapeXml(node.label)}">`,
      ...attvalueLines(nodeModel, node),
      '      </node>',
    );
  lines.push('    </nodes>', '    <edges>');
  for (const edge of edges)
    lines.push(
      `      <edge id="${escapeXml(edge.key)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}" weight="${edge.attributes['weight']}" label="${escapeXml(edge.label)}">`,
      ...attvalueLines(edgeModel, edge),
      '      </edge>',
    );
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return `${lines.join('\n')}\n`;
}

/**
 * XML text and attribute escaping: markup, and tab, newline and carriage return as character
 * references (an attribute value's raw whitespace reads back as spaces: `x\ny` would become `x y`).
 */
function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** GraphML type of a value. */
function graphmlType(value: Value): string {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'double';
  return 'string';
}

/** The `<key>` declarations: one per attribute name and domain, in first-seen order. */
function keyDeclarations(items: readonly Element[]): Map<string, string> {
  const types = new Map<string, string>();
  types.set('label', 'string');
  for (const item of items)
    for (const [name, value] of Object.entries(item.attributes))
      if (!types.has(name)) types.set(name, graphmlType(value));
  return types;
}

/** One element's `<data>` lines. */
function dataLines(prefix: string, item: Element): string[] {
  const data = { label: item.label, ...item.attributes };
  return Object.entries(data).map(
    ([name, value]) =>
      `      <data key="${prefix}_${escapeXml(name)}">${escapeXml(String(value))}</data>`,
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
        `  <key id="${domain === 'node' ? 'n' : 'e'}_${escapeXml(name)}" for="${domain}" attr.name="${escapeXml(name)}" attr.type="${type}"/>`,
      );
  lines.push(`  <graph id="${escapeXml(model.name ?? 'service-chain')}" edgedefault="directed">`);
  for (const node of nodes) {
    lines.push(`    <node id="${escapeXml(node.key)}">`, ...dataLines('n', node), '    </node>');
  }
  for (const edge of edges) {
    lines.push(
      `    <edge id="${escapeXml(edge.key)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`,
      ...dataLines('e', edge),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}
