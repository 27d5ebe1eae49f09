/** The page's diagrams (the first one shown), each bound to its view's keys and zoomable. */
import type { ExplorerData } from '../../explorer-data.js';
import { createDiagramView, type DiagramView } from './diagram.js';
import { createZoom, type Zoom } from './zoom.js';

/** One diagram of the page: its level, its host, its live marks and its zoom. */
export interface ShownView {
  readonly level: string;
  readonly host: HTMLElement;
  readonly svg: SVGSVGElement;
  readonly diagram: DiagramView;
  readonly zoom: Zoom;
  /** Frames the boxes of these node ids. */
  focus(ids: readonly string[]): void;
}

/** Binds the pictures of `#sc-viewport` to the page's views, in order. */
export function createViews(page: ExplorerData): ShownView[] {
  const hosts = document.querySelectorAll<HTMLElement>('#sc-viewport .x-view');
  const shown: ShownView[] = [];
  page.views.forEach((view, i) => {
    const host = hosts[i];
    const svg = host?.querySelector('svg');
    if (host === undefined || svg === null || svg === undefined) return;
    const diagram = createDiagramView(svg, view);
    const zoom = createZoom(svg, host);
    const focus = (ids: readonly string[]) => {
      const rects = diagram
        .boxesOf(ids)
        .flatMap((g) => [...g.querySelectorAll('rect')].slice(0, 1));
      if (rects.length === 0) return;
      const left = Math.min(...rects.map((r) => r.x.baseVal.value));
      const top = Math.min(...rects.map((r) => r.y.baseVal.value));
      const right = Math.max(...rects.map((r) => r.x.baseVal.value + r.width.baseVal.value));
      const bottom = Math.max(...rects.map((r) => r.y.baseVal.value + r.height.baseVal.value));
      zoom.focus(left, top, right - left, bottom - top);
    };
    shown.push({ level: view.level, host, svg, diagram, zoom, focus });
  });
  return shown;
}
