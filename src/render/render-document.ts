/** A document in the format asked for: the one switch between the layouters. */
import { documentCsv } from './csv.js';
import type { Document } from './document.js';
import { documentHtml } from './html-document.js';
import { documentMarkdown } from './markdown.js';
import { documentText } from './text.js';

/** Output layouts of the text renderers. */
export type TextFormat = 'text' | 'markdown';

/** Every layout of a document: text, Markdown, its tables as CSV, or an HTML page. */
export type DocumentFormat = TextFormat | 'csv' | 'html';

/** Lays a document out as text, Markdown, CSV or a self-contained HTML page. */
export function renderDocument(document: Document, format: DocumentFormat): string {
  if (format === 'csv') return documentCsv(document);
  if (format === 'html') return documentHtml(document);
  return format === 'markdown' ? documentMarkdown(document) : documentText(document);
}
