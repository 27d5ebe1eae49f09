/**
 * Escaping of model strings for every output format: what a reader cannot see (text and
 * Markdown), XML/HTML, DOT, Mermaid and inline JSON.
 */

/**
 * Characters that change or hide what a reader sees without showing themselves: C0 and C1
 * controls (newlines, ANSI escapes), the bidirectional controls (U+202E right-to-left override
 * and the other embeddings, isolates and marks), zero-width characters (U+200B-U+200D, U+2060,
 * U+FEFF), the line and paragraph separators, and lone surrogates. With them two ids can look
 * the same in a terminal, or a name can print backwards over its neighbours.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the controls is the point.
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Shows every invisible or direction-changing character as a visible `\u202E` escape, so what the
 * text and Markdown reports print is what the model holds, one line per line, and a terminal
 * runs nothing. The one rule both layouters (text.ts, markdown.ts) apply to every model string.
 */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, spelt);
}

/** A character as the visible text `\uXXXX` (one UTF-16 unit: astral pairs are never matched). */
function spelt(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Characters XML 1.0 forbids outright (C0 controls but tab/newline/return, lone surrogates, FFFE/FFFF). */
const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the forbidden controls is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * The text with every character XML 1.0 forbids spelt `\uXXXX`, for data files (GEXF, GraphML)
 * where distinct ids must stay distinct; what a page shows uses escapeXml's U+FFFD instead.
 */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, spelt);
}

/**
 * Escapes text for an XML data file's text and quoted attributes: forbidden characters spelt
 * (xmlSafe), markup as entities, and tab, newline and carriage return as character references
 * (an attribute value's raw whitespace reads back as spaces: `x\ny` would become `x y`).
 */
export function escapeXmlData(text: string): string {
  return xmlSafe(text)
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c)
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Escapes text for XML/HTML text and quoted attributes alike; forbidden characters become U+FFFD. */
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD').replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

/** Escapes text for the inside of a DOT double-quoted string (backslash escapes like `\N` disarmed). */
export function escapeDot(text: string): string {
  return text
    .replace(XML_INVALID, '\uFFFD')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Escapes text for the inside of a Mermaid quoted label. Mermaid decodes `#<code>;` entities and
 * may treat labels as HTML or Markdown, so anything but letters, digits and plain punctuation
 * becomes a numeric entity; non-ASCII letters stay readable.
 */
export function escapeMermaid(text: string): string {
  let out = '';
  for (const char of text.replace(XML_INVALID, '\uFFFD').replace(/\s+/g, ' ')) {
    out += /^[\p{L}\p{N} .,:_\-/()+!?@%']$/u.test(char) ? char : `#${char.codePointAt(0)};`;
  }
  return out;
}

/**
 * Serialises a value as JSON that is safe inside `<script type="application/json">`: `<`, `>`,
 * `&` and the JS line separators are written as \u escapes, so `</script>` or `<!--` cannot appear.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
