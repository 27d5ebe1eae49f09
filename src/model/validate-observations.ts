/**
 * Checks of `observations` (docs/uncertainty.md, "Observations"): each names a declared external
 * customer (with a did-you-mean), and its score lies in [0, 1], or on the model's rating scale
 * when it says `scale: true`. Reads raw input leniently, like validate-references.ts.
 */
import { type DeclaredNodes, isLoose, type Loose, section, text } from './declared-nodes.js';
import type { Issue } from './errors.js';
import { usableScale } from './validate-ratings.js';

/** Pushes every observation issue of a raw model. */
export function observationIssues(input: Loose, nodes: DeclaredNodes, issues: Issue[]): void {
  const list = section(input, 'observations');
  const scale = usableScale(input);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isLoose(item)) continue;
    const at = `observations[${i}]`;
    const customer = text(item, 'customer');
    if (customer !== undefined) {
      const node = nodes.number.get(customer);
      if (node === undefined) {
        const hint = nodes.didYouMean(customer, 'customer');
        const message = `unknown customer ${JSON.stringify(customer)}${hint}`;
        issues.push({ code: 'unknown_node', path: `${at}.customer`, message });
      } else if (nodes.kindOf(node) !== 'customer') {
        const message = `${JSON.stringify(customer)} is a ${nodes.kindOf(node)}, not a customer: observations are of external customers`;
        issues.push({ code: 'wrong_kind', path: `${at}.customer`, message });
      }
    }
    const score = item.score;
    if (typeof score !== 'number' || !Number.isFinite(score)) continue;
    const [lo, hi] = item.scale === true ? [scale?.min, scale?.max] : [0, 1];
    if (lo === undefined || hi === undefined || (score >= lo && score <= hi)) continue;
    const where = item.scale === true ? `on the rating scale ${lo} to ${hi}` : 'in [0, 1]';
    const hint = item.scale !== true && score >= 1 ? ' (a rating? add `scale: true`)' : '';
    issues.push({
      code: 'out_of_range',
      path: `${at}.score`,
      message: `must be ${where}, got ${score}${hint}`,
    });
  }
}
