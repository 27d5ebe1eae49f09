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
import { createDiagramView } from './diagram.js';
import { byId } from './dom.js';
import { createZoom } from './zoom.js';

const data = JSON.parse(byId('sc-explorer-data').textContent ?? '') as ExplorerData;
const engine = createExplorerEngine(data);
const names = new Map(data.names);
const svg = document.querySelector<SVGSVGElement>('#sc-viewport svg');
const diagram = svg === null ? null : createDiagramView(svg, data);
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

function update(): void {
  const started = performance.now();
  last = engine.evaluate(scenario);
  const elapsed = performance.now() - started;
  showScore(last);
  customers.show(last, engine.chain);
  controls.show(scenario);
  diagram?.show(last, engine.chain, changedLinks());
  trace();
  byId('sc-timing').textContent = `Recomputed in ${elapsed.toFixed(1)} ms.`;
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
  diagram?.trace(customer?.weakest ?? -1, customer?.path ?? [], engine.chain);
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

if (svg !== null) {
  const zoom = createZoom(svg, byId('sc-viewport'));
  byId('sc-zoom-in').addEventListener('click', () => zoom.zoomBy(1.25));
  byId('sc-zoom-out').addEventListener('click', () => zoom.zoomBy(0.8));
  byId('sc-zoom-fit').addEventListener('click', () => zoom.fit());
  byId<HTMLFormElement>('sc-search').addEventListener('submit', (event) => {
    event.preventDefault();
    const wanted = byId<HTMLInputElement>('sc-search-input').value.trim().toLowerCase();
    const match =
      data.names.find(
        ([id, name]) => name.toLowerCase() === wanted || id.toLowerCase() === wanted,
      ) ?? data.names.find(([, name]) => name.toLowerCase().includes(wanted));
    const box = match === undefined ? null : diagram?.nodeElement(match[0])?.querySelector('rect');
    byId('sc-search-status').textContent =
      match === undefined ? `Nothing is called “${wanted}”.` : '';
    if (box === null || box === undefined || match === undefined) return;
    zoom.focus(
      box.x.baseVal.value,
      box.y.baseVal.value,
      box.width.baseVal.value,
      box.height.baseVal.value,
    );
    controls.filter(names.get(match[0]) ?? match[0]);
    if (engine.chain.kind[engine.chain.nodeIndex.get(match[0]) ?? 0] === KIND_CUSTOMER) {
      selected = match[0];
      trace();
    }
  });
}

const restored = fromFragment(location.hash, known);
scenario = restored.scenario;
if (restored.dropped > 0)
  byId('sc-fragment-status').textContent =
    `${restored.dropped} change${restored.dropped === 1 ? '' : 's'} in the link could not be applied to this model and ${restored.dropped === 1 ? 'was' : 'were'} left out.`;
update();
document.documentElement.dataset.ready = 'true';
