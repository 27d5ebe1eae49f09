/** Small DOM helpers of the explorer page: every model string goes in as text, never as HTML. */

/** A new element with text content and optional attributes. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text = '',
  attributes: Readonly<Record<string, string>> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== '') node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** The element with this id; the page's own markup always has it. */
export function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`explorer: #${id} is missing`);
  return found as T;
}

/** A table body row of text cells. */
export function row(cells: readonly (string | Node)[]): HTMLTableRowElement {
  const tr = element('tr');
  for (const cell of cells) {
    const td = element('td');
    if (typeof cell === 'string') td.textContent = cell;
    else td.appendChild(cell);
    tr.appendChild(td);
  }
  return tr;
}
