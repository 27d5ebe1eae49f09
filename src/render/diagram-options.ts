/** Options shared by the Mermaid, DOT, SVG and HTML renderers, validated strictly. */
import { z } from 'zod';
import { resolveOptions } from '../model/options.js';

/** Draw every actor, or roll actors up into their top-level department. */
export type DiagramLevel = 'actor' | 'department';

/** Options of `toMermaid`, `toDot`, `toSvg` and `toHtml`. */
export interface DiagramOptions {
  /** `actor` (default): one box per department and employee; `department`: one per top-level department. */
  readonly level?: DiagramLevel;
}

/** The defaults the options are merged over. */
export const DIAGRAM_DEFAULTS: Required<DiagramOptions> = { level: 'actor' };

const DiagramOptionsSchema = z.strictObject({
  level: z.enum(['actor', 'department']).optional(),
});

/** Merges options over DIAGRAM_DEFAULTS; unknown keys and bad values throw `invalid_option`. */
export function resolveDiagramOptions(
  options: DiagramOptions | undefined,
): Required<DiagramOptions> {
  return resolveOptions(DiagramOptionsSchema, DIAGRAM_DEFAULTS, options);
}
