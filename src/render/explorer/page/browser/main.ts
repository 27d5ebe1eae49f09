/**
 * The explorer page's program (bundled with the engine into the page's one inline script): reads
 * the page's data, builds the sliders and tables, and after every change re-evaluates the
 * scenario with the engine and shows before -> after. Every model string is set as text.
 */
import { KIND_CUSTOMER } from '../../../../engine/types.js';
import type { ExplorerControl, ExplorerData } from '../../explorer-data.js';
import { createExplorerEngine, type Figures } from '../compute.js';
import {
  controlKey,
  fromFragment,
  roundValue,
  type Scenario,
  toFragment,
  toScenarioYaml,
} from '../scenario.js';
import { createControls } from './controls.js';
import { createCustomersTable } from './customers.js';
import { createDiagramView, type DiagramView } from './diagram.js';
import { byId } from './dom.js';
import { createZoom, type Zoom } from './zoom.js';

const data = JSON.parse(byId('sc-explorer-data').textContent ?? '') as ExplorerData;
const engine = createExplorerEngine(data);
const names = new Map(data.names);
const views = createViews(data);
const known = new Set(data.controls.map(controlKey));
let scenario: Scenario = new Map();
let selected: string | null = null;
let last: Figures = engine.before;

const controls = createControls(byId('sc-controls'), data.controls, engine, {
  set(control: ExplorerControl, value: number | null) {
    const key = controlKey(control);
    if (value === null) scenario.delete(key);
    else
      scenario.set(key, {
        type: control.type,
        id: control.id,
        field: control.field,
        value: roundValue(value),
      });
    update();
  },
});
const customers = createCustomersTable(byId('sc-customers'), engine, names, (id) => {
  selected = selected === id ? null : id;
  trace();
});

interface ShownView {
  readonly level: string;
  readonly host: HTMLElement;
  readonly svg: SVGSVGElement;
  readonly diagram: DiagramView;
  readonly zoom: Zoom;
  /** Frames the boxes of these node ids. */
  focus(ids: readonly string[]): void;
}

/** The page's diagrams (the first one shown), each bound to its view's keys and zoomable. */
function createViews(page: ExplorerData): ShownView[] {
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

function currentView(): ShownView | undefined {
  return views.find((view) => !view.host.hidden);
}

/** Shows the view of this level, framed on some node ids if given. */
function showView(level: string, focus: readonly string[] = []): void {
  for (const view of views) view.host.hidden = view.level !== level;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-view]'))
    button.setAttribute('aria-pressed', String(button.dataset.view === level));
  if (focus.length > 0) currentView()?.focus(focus);
}

function update(): void {
  const started = performance.now();
  last = engine.evaluate(scenario);
  const elapsed = performance.now() - started;
  showScore(last);
  customers.show(last, engine.chain);
  controls.show(scenario);
  const changed = changedLinks();
  for (const view of views) view.diagram.show(last, engine.chain, changed);
  trace();
  byId('sc-timing').textContent =
    scenario.size === 0 ? '' : `Recomputed in ${elapsed.toFixed(1)} ms.`;
  byId('sc-timing').dataset.ms = String(elapsed);
  byId('sc-scenario-yaml').textContent = toScenarioYaml(scenario, data.model.name ?? 'the model');
  const fragment = toFragment(scenario);
  if (fragment !== location.hash)
    history.replaceState(
      null,
      '',
      fragment === '' ? location.pathname + location.search : fragment,
    );
}

function showScore(figures: Figures): void {
  const before = engine.before.score;
  const after = figures.score;
  const score = byId('sc-score');
  const change = byId('sc-score-change');
  if (after === null) {
    score.textContent = 'n/a';
    change.textContent = 'No customer receives a hand-off.';
    return;
  }
  score.textContent = after.toFixed(3);
  const meter = document.querySelector<HTMLElement>('#sc-meter span');
  if (meter !== null) meter.style.width = `${Math.round(after * 100)}%`;
  if (scenario.size === 0 || before === null)
    change.textContent = 'As modelled. Move a slider to try a change.';
  else {
    const delta = after - before;
    const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
    change.textContent = `was ${before.toFixed(3)}; change ${sign}${Math.abs(delta).toFixed(3)}`;
  }
}

function changedLinks(): Set<number> {
  const links = new Set<number>();
  for (const s of scenario.values()) {
    if (s.type === 'add') continue;
    const link =
      s.type === 'actor'
        ? engine.chain.nodeIndex.get(s.id)
        : (() => {
            const h = engine.chain.handoffIndex.get(s.id);
            return h === undefined ? undefined : engine.chain.actorCount + h;
          })();
    if (link !== undefined) links.add(link);
  }
  return links;
}

function trace(): void {
  const customer = last.customers.find((c) => c.id === selected);
  customers.select(selected);
  for (const view of views)
    view.diagram.trace(customer?.weakest ?? -1, customer?.path ?? [], engine.chain);
}

byId('sc-reset').addEventListener('click', () => {
  scenario = new Map();
  update();
});
byId('sc-copy').addEventListener('click', () => {
  const text = byId('sc-scenario-yaml').textContent ?? '';
  const done = () => {
    byId('sc-copy-status').textContent = 'Copied.';
  };
  navigator.clipboard?.writeText(text).then(done, () => {
    byId('sc-copy-status').textContent =
      'Copying is not allowed here: select the text and copy it.';
  });
});
byId('sc-download').addEventListener('click', () => {
  const blob = new Blob([byId('sc-scenario-yaml').textContent ?? ''], { type: 'text/yaml' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'scenario.yaml';
  link.click();
  URL.revokeObjectURL(link.href);
});

byId('sc-zoom-in').addEventListener('click', () => currentView()?.zoom.zoomBy(1.25));
byId('sc-zoom-out').addEventListener('click', () => currentView()?.zoom.zoomBy(0.8));
byId('sc-zoom-fit').addEventListener('click', () => currentView()?.zoom.fit());
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-view]'))
  button.addEventListener('click', () => showView(button.dataset.view ?? ''));
for (const view of views) {
  if (view.level !== 'department') continue;
  // A click on a department opens the actor level, framed on its members.
  view.svg.addEventListener('click', (event) => {
    const box = (event.target as Element).closest('.sc-node');
    const unit = box === null ? null : view.diagram.unitOf(box);
    if (unit !== null) showView('actor', unit.members);
  });
}
byId<HTMLFormElement>('sc-search').addEventListener('submit', (event) => {
  event.preventDefault();
  const wanted = byId<HTMLInputElement>('sc-search-input').value.trim().toLowerCase();
  const match =
    data.names.find(([id, name]) => name.toLowerCase() === wanted || id.toLowerCase() === wanted) ??
    data.names.find(([, name]) => name.toLowerCase().includes(wanted));
  byId('sc-search-status').textContent =
    match === undefined ? `Nothing is called “${wanted}”.` : '';
  if (match === undefined) return;
  currentView()?.focus([match[0]]);
  controls.filter(names.get(match[0]) ?? match[0]);
  if (engine.chain.kind[engine.chain.nodeIndex.get(match[0]) ?? 0] === KIND_CUSTOMER) {
    selected = match[0];
    trace();
  }
});

const restored = fromFragment(location.hash, { controls: known, canAdd: engine.canAdd });
scenario = restored.scenario;
if (restored.dropped > 0)
  byId('sc-fragment-status').textContent =
    `${restored.dropped} change${restored.dropped === 1 ? '' : 's'} in the link could not be applied to this model and ${restored.dropped === 1 ? 'was' : 'were'} left out.`;
update();
document.documentElement.dataset.ready = 'true';
