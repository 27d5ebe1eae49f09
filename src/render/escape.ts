/** Escaping of model strings for every output format: XML/HTML, DOT, Mermaid and inline JSON. */

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
