/** The HTML report's department section (`analyze --level`): the roll-up of a report by department. */
import type { InternalLink, RollUp } from '../../analysis/roll-up.js';
import { escapeXml as x } from '../escape.js';
import { formatAmount, formatCount, formatNumber, formatSigned } from '../format.js';
import type { Names } from './names.js';

/** `Alice → Bob` for an internal hand-off, the actor's name for an actor; escaped. */
function internalLink(link: InternalLink | null, names: Names): string {
  if (link === null) return '—';
  const label =
    link.type === 'actor'
      ? names.node(link.id)
      : `${names.node(link.from)} → ${names.node(link.to)}`;
  return `${x(label)} <span class="hint">(${x(formatNumber(link.strength))})</span>`;
}

function departmentRows(view: RollUp, names: Names): string[] {
  return view.departments.map((d) =>
    [
      '<tr>',
      `<td><strong>${x(d.name)}</strong>${d.kind === 'employee' ? ' <span class="badge note">no department</span>' : ''}</td>`,
      `<td class="num">${x(formatCount(d.members.length))}</td>`,
      `<td class="num">${x(formatNumber(d.service))}</td>`,
      `<td>${internalLink(d.weakestLink, names)}</td>`,
      `<td class="num">${x(formatSigned(d.fixGain))}</td>`,
      `<td class="num">${x(formatNumber(d.failureLoss))}</td>`,
      `<td class="num">${x(formatNumber(d.sensitivity))}</td>`,
      '</tr>',
    ].join(''),
  );
}

function handoffRows(view: RollUp, names: Names): string[] {
  return view.handoffs.map((h) =>
    [
      '<tr>',
      `<td>${x(names.node(h.from))}</td>`,
      `<td>${x(names.node(h.to))}</td>`,
      `<td class="num">${x(formatNumber(h.quality))}</td>`,
      `<td class="num">${x(formatAmount(h.weight))}</td>`,
      `<td class="num">${x(formatCount(h.handoffs.length))}</td>`,
      '</tr>',
    ].join(''),
  );
}

/** The department view as a `<section id="sc-departments">` with two tables; every name escaped. */
export function departmentsHtml(view: RollUp, names: Names): string {
  const level =
    view.level === null ? "each actor's own department" : `departments at level ${view.level}`;
  return [
    '<section id="sc-departments">',
    '<h2>Departments</h2>',
    `<p class="hint">Actors rolled up to ${x(level)}. Service: what the department hands on, weighted by its outgoing hand-offs. Weakest internal link: its weakest member or hand-off inside it. Fix gain and failure loss: exact recomputations with all its actors and the hand-offs inside it made perfect, or broken, together (never above the score); sensitivity: the sum of theirs.</p>`,
    '<table id="sc-department-table">',
    '<thead><tr><th>Department</th><th class="num">Members</th><th class="num">Service</th><th>Weakest internal link</th><th class="num">Fix gain</th><th class="num">Failure loss</th><th class="num">Sensitivity</th></tr></thead>',
    `<tbody>${departmentRows(view, names).join('\n')}</tbody>`,
    '</table>',
    '<h3>Hand-offs between departments</h3>',
    view.handoffs.length === 0
      ? '<p class="hint">None.</p>'
      : [
          '<table id="sc-department-handoffs">',
          '<thead><tr><th>From</th><th>To</th><th class="num">Quality</th><th class="num">Weight</th><th class="num">Hand-offs</th></tr></thead>',
          `<tbody>${handoffRows(view, names).join('\n')}</tbody>`,
          '</table>',
        ].join('\n'),
    '</section>',
  ].join('\n');
}
