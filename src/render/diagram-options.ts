/** Options shared by the Mermaid, DOT, SVG and HTML renderers, validated strictly. */
import { z } from 'zod';
import { type RollUpLevel, RollUpLevelSchema } from '../analysis/roll-up.js';
import { type DefaultsOf, resolveOptions } from '../model/options.js';

/**
 * Draw every actor, or roll actors up as `rollUp` and `analyze --level` do: `department` = each
 * actor's own department, N = depth N of the department tree (1 = top-level departments).
 */
export type DiagramLevel = 'actor' | RollUpLevel;

/** Options of `toMermaid`, `toDot`, `toSvg` and `toHtml`. */
export const DiagramOptionsSchema = z.strictObject({
  /** `actor` (default): one box per department and employee; otherwise one per unit of that roll-up level. */
  level: z.union([z.literal('actor'), RollUpLevelSchema]).optional(),
});

/** Options of `toMermaid`, `toDot`, `toSvg` and `toHtml`. @useDeclaredType */
export type DiagramOptions = z.input<typeof DiagramOptionsSchema>;

/** The defaults the options are merged over. */
export const DIAGRAM_DEFAULTS: DefaultsOf<DiagramOptions> = { level: 'actor' };

/** Merges options over DIAGRAM_DEFAULTS; unknown keys and bad values throw `invalid_option`. */
export function resolveDiagramOptions(
  options: DiagramOptions | undefined,
): DefaultsOf<DiagramOptions> {
  return resolveOptions(DiagramOptionsSchema, DIAGRAM_DEFAULTS, options);
}
