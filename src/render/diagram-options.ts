/** Options shared by the Mermaid, DOT, SVG and HTML renderers, validated strictly. */
import { z } from 'zod';
import { type DefaultsOf, resolveOptions } from '../model/options.js';

/** Draw every actor, or roll actors up into their top-level department. */
export type DiagramLevel = 'actor' | 'department';

/** Options of `toMermaid`, `toDot`, `toSvg` and `toHtml`. */
export const DiagramOptionsSchema = z.strictObject({
  /** `actor` (default): one box per department and employee; `department`: one per top-level department. */
  level: z.enum(['actor', 'department'] as const satisfies readonly DiagramLevel[]).optional(),
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
