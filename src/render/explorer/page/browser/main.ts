/**
 * The HTML report's one script (bundled with the engine): the report's side panel and sortable
 * tables, and the explorer — it reads the page's data, builds the sliders and the add form, and
 * after every change re-evaluates the scenario with the engine and shows before -> after in the
 * score, the diagram and the customers table. Every model string is set as text.
 */
import { KIND_CUSTOMER } from '../../../../engine/types.js';
import type { ExplorerControl, ExplorerData } from '../../explorer-data.js';
import { createExplorerEngine, type Figures } from '../compute.js';
import {
  addKey,
  controlKey,
  fromFragment,
  roundValue,
  type Scenario,
  toFragment,
  toScenarioYaml,
} from '../scenario.js';
import { createAddForm } from './add.js';
import { createControls } from './controls.js';
import { createCustomersTable } from './customers.js';
import { byId } from './dom.js';
import { liveFigures } from './live-figures.js';
import { bindMoreButtons, bindPanel, bindSortableTables } from './report.js';
import { bindScenarioOut } from './scenario-out.js';
import { createViews, type ShownView } from './views.js';

const data = JSON.parse(byId('sc-data').textContent ?? '') as ExplorerData;
const engine = createExplorerEngine(data);
const names = new Map(data.names);
const views = createViews(data);
const known = new Set(data.controls.map(controlKey));
let scenario: Scenario = new Map();
let selected: string | null = null;
let last: Figures = engine.before;

const panel = bindPanel(
  data.items,
  liveFigures(data, () => (scenario.size > 0 ? last : null)),
);
bindMoreButtons();
bindSortableTables();

const change = {
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
  add(from: string, to: string, value: number) {
    scenario.set(addKey(from, to), { type: 'add', from, to, value: roundValue(value) });
    update();
  },
  remove(added: { from: string; to: string }) {
    scenario.delete(addKey(added.from, added.to));
    update();
  },
};
const controls = createControls(byId('sc-controls'), data.controls, engine, change);
const addForm = createAddForm(byId('sc-add'), engine, names, change);
const customers = createCustomersTable(
  document.querySelector<HTMLTableElement>('table#sc-customers'),
  engine,
  names,
  (id) => {
    selected = selected === id ? null : id;
    trace();
  },
);

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
  const live = scenario.size > 0;
  showScore(last);
  customers.show(last, live);
  controls.show(scenario);
  addForm.show(scenario);
  const changed = changedLinks();
  const added = [...scenario.values()].filter((s) => s.type === 'add');
  for (const view of views) {
    view.diagram.show(last, changed, live);
    view.diagram.showAdded(added, (id) => names.get(id) ?? id);
  }
  trace();
  panel.refresh();
  byId('sc-timing').textContent = live ? `Recomputed in ${elapsed.toFixed(1)} ms.` : '';
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

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
}

function showScore(figures: Figures): void {
  const before = engine.before.score;
  const after = figures.score;
  const score = byId('sc-score');
  const change = byId('sc-score-change');
  score.textContent = after === null ? 'n/a' : after.toFixed(3);
  if (after !== null) {
    const percent = document.createElement('small');
    percent.textContent = `${(after * 100).toFixed(1)}%`;
    score.append(percent);
  }
  const meter = document.querySelector<HTMLElement>('#sc-meter span');
  if (meter !== null)
    meter.style.width = `${Math.round(Math.min(1, Math.max(0, after ?? 0)) * 100)}%`;
  const note = document.getElementById('sc-score-note');
  if (note !== null)
    note.textContent =
      scenario.size === 0 || before === null
        ? ''
        : `With ${plural(scenario.size, 'change')} tried; as modelled ${before.toFixed(3)}. The rest of this summary is the model as given.`;
  if (scenario.size === 0) change.textContent = 'As modelled. Move a slider to try a change.';
  else if (after === null || before === null)
    change.textContent = `S: ${before === null ? 'n/a' : before.toFixed(3)} -> ${after === null ? 'n/a' : after.toFixed(3)} after ${plural(scenario.size, 'change')}.`;
  else {
    const delta = after - before;
    const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
    change.textContent = `S: ${before.toFixed(3)} -> ${after.toFixed(3)} (${sign}${Math.abs(delta).toFixed(3)}) after ${plural(scenario.size, 'change')}.`;
  }
}

/** The link numbers (in the evaluated chain) of the links the scenario sets. */
function changedLinks(): Set<number> {
  const links = new Set<number>();
  const chain = last.chain;
  for (const s of scenario.values()) {
    if (s.type === 'add') {
      const h = chain.handoffIndex.get(`${s.from}->${s.to}`);
      if (h !== undefined) links.add(chain.actorCount + h);
      continue;
    }
    const h = s.type === 'handoff' ? chain.handoffIndex.get(s.id) : undefined;
    const link =
      s.type === 'actor'
        ? chain.nodeIndex.get(s.id)
        : h === undefined
          ? undefined
          : chain.actorCount + h;
    if (link !== undefined) links.add(link);
  }
  return links;
}

function trace(): void {
  const customer = last.customers.find((c) => c.id === selected);
  customers.select(selected);
  for (const view of views)
    view.diagram.trace(customer?.weakest ?? -1, customer?.path ?? [], last.chain);
}

byId('sc-reset').addEventListener('click', () => {
  scenario = new Map();
  update();
});
bindScenarioOut();

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
