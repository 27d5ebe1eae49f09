/**
 * YAML model text to a raw value (1.2 core schema: `.inf` and `.nan` become numbers and are caught
 * later as not_finite). Refused with a plain message: duplicate keys, several documents, nesting
 * deeper than NESTING_LIMIT, tags other than the core ones (`!!binary`, `!!timestamp`, `!thing`),
 * keys that are not plain values, and aliases that expand beyond what the file itself holds.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import { type Issue, ServiceChainError } from './errors.js';
import { NESTING_LIMIT } from './json-scan.js';
import { lineColumnOf } from './locate.js';

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq']);

/** Aliases may expand the document to this many times its written nodes (and 100,000 at least). */
const ALIAS_EXPANSION = 10;

/** Parses YAML text to a document and its value; throws ServiceChainError on any refusal. */
export function parseYamlDocument(
  text: string,
  empty: Issue,
): { document: Document; value: unknown } {
  const document = parseDocument(text, { uniqueKeys: true, logLevel: 'error' });
  if (document.errors.length > 0) throw new ServiceChainError(yamlErrors(text, document));
  if (document.contents === null) throw new ServiceChainError([empty]);
  const refusal = checkNodes(text, document);
  if (refusal !== undefined) throw new ServiceChainError([refusal]);
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: -1 });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0]!;
    throw new ServiceChainError([syntax(`YAML: ${reason.trim()}`)]);
  }
  if (value === null || value === undefined) throw new ServiceChainError([empty]);
  return { document, value };
}

const INDENTATION = new Set(['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);

function yamlErrors(text: string, document: Document): Issue[] {
  const errors = document.errors;
  const at = lineColumnOf(text);
  if (errors.some((e) => e.code === 'RESOURCE_EXHAUSTION')) {
    return [syntax(`the document is nested too deeply (limit ${NESTING_LIMIT} levels)`)];
  }
  if (errors.some((e) => e.code === 'MULTIPLE_DOCS')) {
    return [
      syntax('the file holds several YAML documents (separated by `---`); a model file holds one'),
    ];
  }
  const issues: Issue[] = [];
  let indentationReported: number | undefined;
  for (const error of errors) {
    const position = at(error.pos[0]);
    // An over-indented line gives two or three parser errors; one message says what to do.
    if (indentationReported !== undefined && error.code === 'MISSING_CHAR') continue;
    if (INDENTATION.has(error.code)) {
      if (indentationReported !== undefined) continue;
      const line = misindentedLine(text, position.line);
      indentationReported = line;
      issues.push({
        ...syntax(
          `YAML indentation error at line ${line}: this line is indented differently from the lines around it; line it up with the key it belongs under`,
        ),
        line,
        column: 1,
      });
      continue;
    }
    const reason = error.message
      .split('\n', 1)[0]!
      .trim()
      .replace(/ at line \d+, column \d+:?$/, '');
    issues.push({
      ...syntax(`YAML syntax error at line ${position.line}, column ${position.column}: ${reason}`),
      ...position,
    });
  }
  return issues;
}

/** The parser reports an over-indented line at the entry above it: the deeper next line is meant. */
function misindentedLine(text: string, line: number): number {
  const lines = text.split('\n', line + 20);
  const indent = (s: string) => /^[ -]*/.exec(s)![0].length;
  let next = line;
  while (next < lines.length && lines[next]!.trim() === '') next++;
  if (next < lines.length && indent(lines[next]!) > indent(lines[line - 1] ?? '')) return next + 1;
  return line;
}

function syntax(message: string): Issue {
  return { code: 'syntax', path: '', message };
}

/** One walk of the nodes: depth, tags, keys, and whether aliases are used. */
function checkNodes(text: string, document: Document): Issue | undefined {
  const at = lineColumnOf(text);
  const where = (node: Node) => (node.range ? at(node.range[0]) : undefined);
  const refuse = (node: Node, message: string): Issue => {
    const position = where(node);
    const prefix =
      position === undefined ? '' : ` at line ${position.line}, column ${position.column}`;
    return { code: 'syntax', path: '', message: `YAML${prefix}: ${message}`, ...position };
  };
  const stack: Array<[Node, number]> = [[document.contents as Node, 1]];
  let nodes = 0;
  let aliases = false;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    nodes++;
    if (depth > NESTING_LIMIT)
      return refuse(node, `the document is nested too deeply (limit ${NESTING_LIMIT} levels)`);
    if (isAlias(node)) {
      aliases = true;
      continue;
    }
    const tag = (node as { tag?: string }).tag;
    if (tag !== undefined && !CORE_TAGS.has(tag.replace('tag:yaml.org,2002:', ''))) {
      return refuse(
        node,
        `the tag ${shortTag(tag)} is not supported: a model holds only text, numbers, true/false, lists and mappings; remove the tag`,
      );
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (key !== null && !isScalar(key))
          return refuse(key, 'a key must be a plain word or number, not a list or mapping');
        if (key !== null) stack.push([key, depth + 1]);
        if (pair.value !== null) stack.push([pair.value as Node, depth + 1]);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push([item as Node, depth + 1]);
    }
  }
  return aliases ? aliasRefusal(document, nodes, refuse) : undefined;
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/**
 * Aliases are fine, but not an expansion far beyond the file (an "alias bomb", where a few lines
 * expand to billions of nodes) nor an alias inside the node it names (a value that contains itself).
 * The expanded size is counted once per node, without expanding anything.
 */
function aliasRefusal(
  document: Document,
  written: number,
  refuse: (node: Node, message: string) => Issue,
): Issue | undefined {
  const limit = Math.max(100_000, ALIAS_EXPANSION * written);
  const size = new Map<Node, number>();
  const open = new Set<Node>();
  const resolve = (node: Node): Node =>
    isAlias(node) ? ((node.resolve(document) as Node | undefined) ?? node) : node;
  const stack: Node[] = [resolve(document.contents as Node)];
  while (stack.length > 0) {
    const node = stack[stack.length - 1]!;
    if (size.has(node)) {
      stack.pop();
      continue;
    }
    const children = childrenOf(node).map(resolve);
    if (!open.has(node)) {
      open.add(node);
      for (const child of children) {
        if (open.has(child))
          return refuse(
            child,
            'an alias names a node that contains it; a model cannot contain itself',
          );
        if (!size.has(child)) stack.push(child);
      }
      continue;
    }
    const total = children.reduce((sum, child) => sum + (size.get(child) ?? 1), 1);
    if (total > limit) {
      return refuse(
        node,
        `aliases expand this document beyond ${limit.toLocaleString('en-US')} values (an alias bomb?); write the values out or use fewer aliases`,
      );
    }
    size.set(node, total);
    open.delete(node);
    stack.pop();
  }
  return undefined;
}

function childrenOf(node: Node): Node[] {
  if (isMap(node)) {
    return node.items.flatMap((pair) =>
      [pair.key, pair.value].filter((n): n is Node => n !== null && typeof n === 'object'),
    );
  }
  if (isSeq(node))
    return node.items.filter((n): n is Node => n !== null && typeof n === 'object') as Node[];
  return [];
}
