/**
 * Model to text: YAML or JSON with a stable key order, the order of
 * the schema (version, name, ..., departments, employees, customers, handoffs; `id` first in
 * items), so saving is deterministic and loading the text gives the same model back. A model
 * that came from a file is written back by editing that file's text (editModelText), so what the
 * consultant wrote (comments, key order, flow or block style, anchors) survives.
 */
import { Document, isCollection, isMap, isNode, parseDocument } from 'yaml';
import { z } from 'zod';
import type { ModelFormat } from './load.js';
import { type Model, ModelSchema } from './schema.js';

/** The model as YAML or JSON text, ending with a newline. */
export function stringifyModel(model: Model, format: ModelFormat): string {
  const ordered = inSchemaOrder(model, ModelSchema);
  if (format === 'json') return `${JSON.stringify(ordered, null, 2)}\n`;
  return new Document(ordered).toString({ lineWidth: 0 });
}

/**
 * The model file `text` (which holds `before`) edited to hold `after`: YAML is edited as a
 * document in place (only the values that differ are set, added or deleted; comments, key order,
 * styles and anchors stay); JSON, which has no comments, keeps its key order and indent.
 */
export function editModelText(
  text: string,
  format: ModelFormat,
  before: Model,
  after: Model,
): string {
  if (format === 'json') {
    const indent = /^\{\r?\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
    return `${JSON.stringify(inSchemaOrder(after, undefined), null, indent)}\n`;
  }
  const doc = parseDocument(text);
  applyChanges(doc, [], before, after);
  return doc.toString({ lineWidth: 0 });
}

type Path = (string | number)[];

/** Sets in `doc` every value of `after` that differs from `before`, deepest first possible. */
function applyChanges(doc: Document, path: Path, before: unknown, after: unknown): void {
  if (Object.is(before, after)) return;
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  if (bothArrays && before.length === after.length) {
    after.forEach((item, index) => {
      applyChanges(doc, [...path, index], before[index], item);
    });
    return;
  }
  if (isRecord(before) && isRecord(after) && !bothArrays) {
    for (const key of Object.keys(before))
      if (!Object.hasOwn(after, key) || after[key] === undefined) doc.deleteIn([...path, key]);
    for (const [key, value] of Object.entries(after)) {
      if (value === undefined) continue;
      if (Object.hasOwn(before, key)) applyChanges(doc, [...path, key], before[key], value);
      else addIn(doc, [...path, key], value);
    }
    return;
  }
  if (typeof after !== 'object' || after === null) {
    // A scalar node keeps its place and comments; only its value changes.
    const node = doc.getIn(path, true);
    if (isNode(node) && !isCollection(node)) (node as { value: unknown }).value = after;
    else doc.setIn(path, after);
    return;
  }
  doc.setIn(path, doc.createNode(after));
}

/** Adds a new value; a collection takes the flow or block style of the one it goes into. */
function addIn(doc: Document, path: Path, value: unknown): void {
  const node = doc.createNode(value);
  const parent = doc.getIn(path.slice(0, -1), true);
  if (isCollection(node) && isMap(parent) && parent.flow === true) node.flow = true;
  else if (isCollection(node) && typeof value === 'object' && value !== null) {
    const shallow = Object.values(value).every((v) => typeof v !== 'object' || v === null);
    // A small map of numbers reads best inline, as the examples write ratings.
    if (shallow && !Array.isArray(value)) node.flow = true;
  }
  doc.setIn(path, node);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * A copy with object keys in the order the schema declares them; records (ratings, priorities)
 * keep their own order. Built with Object.fromEntries, which defines keys rather than assigning
 * them, so an id or dimension such as `__proto__` survives.
 */
function inSchemaOrder(value: unknown, schema: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => inSchemaOrder(item, elementOf(schema)));
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (typeof value !== 'object' || value === null) return value;
  const shape = shapeOf(schema);
  const keys = Object.keys(value);
  const order = shape === undefined ? keys : orderedKeys(keys, Object.keys(shape));
  return Object.fromEntries(
    order
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => [
        key,
        inSchemaOrder((value as Record<string, unknown>)[key], fieldSchema(shape, key)),
      ]),
  );
}

function orderedKeys(keys: readonly string[], schemaOrder: readonly string[]): string[] {
  const present = new Set(keys);
  const known = schemaOrder.filter((key) => present.has(key));
  const extra = keys.filter((key) => !schemaOrder.includes(key));
  return [...known, ...extra];
}

function fieldSchema(shape: Record<string, unknown> | undefined, key: string): unknown {
  return shape !== undefined && Object.hasOwn(shape, key) ? shape[key] : undefined;
}

function unwrap(schema: unknown): unknown {
  return schema instanceof z.ZodOptional ? schema.unwrap() : schema;
}

function elementOf(schema: unknown): unknown {
  const inner = unwrap(schema);
  return inner instanceof z.ZodArray ? inner.element : undefined;
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodObject)) return undefined;
  return Object.fromEntries(Object.entries(inner.shape));
}
