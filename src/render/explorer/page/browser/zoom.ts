/**
 * Zoom and pan of the diagram by its viewBox: the wheel zooms about the pointer, a drag pans,
 * buttons zoom in, out and fit the whole picture; `focus` frames one box.
 */

/** What the page's buttons and search call. */
export interface Zoom {
  zoomBy(factor: number): void;
  fit(): void;
  /** Frames a rectangle of the diagram (user units) at a readable scale. */
  focus(x: number, y: number, width: number, height: number): void;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Makes `svg` zoomable inside its viewport element. */
export function createZoom(svg: SVGSVGElement, viewport: HTMLElement): Zoom {
  const base = svg.viewBox.baseVal;
  const full: Box = { x: base.x, y: base.y, w: base.width, h: base.height };
  let view: Box = { ...full };
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('style', 'width:100%;height:100%;display:block');
  const apply = () => svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
  const zoomAt = (factor: number, cx: number, cy: number) => {
    const w = Math.min(full.w * 4, Math.max(40, view.w / factor));
    const h = (w / view.w) * view.h;
    view = { x: cx - ((cx - view.x) * w) / view.w, y: cy - ((cy - view.y) * h) / view.h, w, h };
    apply();
  };
  const toUser = (clientX: number, clientY: number) => {
    const rect = svg.getBoundingClientRect();
    const scale = Math.max(view.w / rect.width, view.h / rect.height);
    const x0 = view.x - (rect.width * scale - view.w) / 2;
    const y0 = view.y - (rect.height * scale - view.h) / 2;
    return { x: x0 + (clientX - rect.left) * scale, y: y0 + (clientY - rect.top) * scale, scale };
  };
  viewport.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const at = toUser(event.clientX, event.clientY);
      zoomAt(event.deltaY < 0 ? 1.2 : 1 / 1.2, at.x, at.y);
    },
    { passive: false },
  );
  let drag: { x: number; y: number; view: Box; scale: number } | null = null;
  viewport.addEventListener('pointerdown', (event) => {
    if ((event.target as Element).closest('.sc-node, .sc-edge')) return;
    drag = { x: event.clientX, y: event.clientY, view: { ...view }, scale: toUser(0, 0).scale };
    viewport.setPointerCapture(event.pointerId);
  });
  viewport.addEventListener('pointermove', (event) => {
    if (drag === null) return;
    view = {
      ...drag.view,
      x: drag.view.x - (event.clientX - drag.x) * drag.scale,
      y: drag.view.y - (event.clientY - drag.y) * drag.scale,
    };
    apply();
  });
  viewport.addEventListener('pointerup', () => {
    drag = null;
  });
  return {
    zoomBy: (factor) => zoomAt(factor, view.x + view.w / 2, view.y + view.h / 2),
    fit: () => {
      view = { ...full };
      apply();
    },
    focus: (x, y, width, height) => {
      const w = Math.max(width * 1.5, 480);
      const h = (w / full.w) * full.h;
      view = { x: x + width / 2 - w / 2, y: y + height / 2 - h / 2, w, h };
      apply();
    },
  };
}
