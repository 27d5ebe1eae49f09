/**
 * A SEEDED layered organisation for the benchmark: `actors` actors in LAYERS layers, each handing
 * off to about 5 actors of the next layer (near its own position: teams work with nearby teams),
 * the last layer handing off to a few dozen customers. Mostly `mean` combines with some `min`,
 * `product` and `geometric`; about 5 % of hand-offs are alternatives; about 0.5 % of hand-offs are
 * answered by a hand-off back (a two-node loop: manager <-> employee). The model is a plain object
 * built directly, NOT validated through zod: validation is not part of the measured analysis.
 */
import type {
  Combine,
  Customer,
  Department,
  Employee,
  Handoff,
  Model,
} from '../src/model/schema.js';

/** mulberry32: a small, fast, seeded generator (deterministic runs). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LAYERS = 12;
const FAN_OUT = 5;
const WINDOW = 40;

/** Options of the generator. */
export interface GenerateOptions {
  readonly actors: number;
  readonly customers?: number;
  readonly seed?: number;
  /** `mean` only, with no alternatives and no loops (the all-`mean` organisation). */
  readonly allMean?: boolean;
  /** Share of hand-offs sent to a random actor of ANY later layer instead of a nearby one. */
  readonly longRange?: number;
  /**
   * Share of actors turned `min` after the rest is drawn (its own seeded draw, so the layout and
   * figures of the other actors stay those of the same seed): the min-heavy organisation.
   */
  readonly minShare?: number;
}

function pickCombine(random: () => number, allMean: boolean): Combine {
  if (allMean) return 'mean';
  const x = random();
  if (x < 0.85) return 'mean';
  if (x < 0.92) return 'min';
  if (x < 0.97) return 'product';
  return 'geometric';
}

/** The layered organisation of the file comment. */
export function generateOrganisation(options: GenerateOptions): Model {
  const random = seededRandom(options.seed ?? 42);
  const n = options.actors;
  const customerCount = options.customers ?? 40;
  const ids = Array.from({ length: n }, (_, i) => `a${i}`);
  const customerIds = Array.from({ length: customerCount }, (_, i) => `c${i}`);
  const departmentCount = Math.floor(n / 50);
  const departments: Department[] = [];
  const employees: Employee[] = [];
  for (let i = 0; i < n; i++) {
    const actor = {
      id: ids[i]!,
      performance: 0.7 + 0.3 * random(),
      welfare: random() < 0.1 ? 0.8 + 0.2 * random() : 1,
      dependence: 0.5 + 0.5 * random(),
      combine: pickCombine(random, options.allMean === true),
    };
    if (i < departmentCount) departments.push(actor);
    else employees.push(actor);
  }
  const customers: Customer[] = customerIds.map((id) => ({
    id,
    value: 1 + Math.floor(random() * 100),
  }));
  const layerStart = (k: number) => Math.floor((k * n) / LAYERS);
  const handoffs: Handoff[] = [];
  const chosen = new Set<number>();
  const allMean = options.allMean === true;
  const longRange = options.longRange ?? 0;
  for (let k = 0; k < LAYERS; k++) {
    const start = layerStart(k);
    const end = layerStart(k + 1);
    const nextStart = layerStart(k + 1);
    const nextSize = layerStart(k + 2) - nextStart;
    for (let i = start; i < end; i++) {
      if (k === LAYERS - 1 || nextSize <= FAN_OUT) {
        const customer = customerIds[Math.floor(random() * customerCount)]!;
        handoffs.push(handoff(random, ids[i]!, customer, allMean));
        continue;
      }
      const centre = nextStart + Math.floor(((i - start) / (end - start)) * nextSize);
      chosen.clear();
      while (chosen.size < FAN_OUT) {
        let target = centre + Math.floor((random() * 2 - 1) * WINDOW);
        if (longRange > 0 && random() < longRange)
          target = nextStart + Math.floor(random() * (n - nextStart));
        // Wrapped into the next layer (modulo: small layers are narrower than the window).
        else target = nextStart + ((((target - nextStart) % nextSize) + nextSize) % nextSize);
        chosen.add(target);
      }
      for (const target of chosen) {
        handoffs.push(handoff(random, ids[i]!, ids[target]!, allMean));
        if (!allMean && random() < 0.005)
          handoffs.push(handoff(random, ids[target]!, ids[i]!, allMean));
      }
    }
  }
  const minShare = options.minShare ?? 0;
  if (minShare > 0) {
    const draw = seededRandom((options.seed ?? 42) + 1);
    for (const actor of [...departments, ...employees])
      if (draw() < minShare) actor.combine = 'min';
  }
  return { version: 1, name: `Layered ${n}`, departments, employees, customers, handoffs };
}

function handoff(random: () => number, from: string, to: string, allMean: boolean): Handoff {
  const h: Handoff = {
    from,
    to,
    quality: 0.6 + 0.4 * random(),
    weight: random() < 0.7 ? 1 : 1 + 2 * random(),
  };
  if (random() < 0.05 && !allMean) h.group = 'alt';
  return h;
}

/**
 * A fully connected team of `actors` actors (every one hands off to every other: actors (actors -
 * 1) hand-offs, one strongly connected component), all `mean`, each handing on to one customer.
 */
export function generateTeam(actors: number, seed = 5): Model {
  const random = seededRandom(seed);
  const departments: Department[] = Array.from({ length: actors }, (_, i) => ({
    id: `t${i}`,
    performance: 0.8 + 0.2 * random(),
    dependence: 0.5 + 0.5 * random(),
  }));
  const handoffs: Handoff[] = [];
  for (let i = 0; i < actors; i++)
    for (let j = 0; j < actors; j++)
      if (i !== j) handoffs.push({ from: `t${i}`, to: `t${j}`, quality: 0.7 + 0.3 * random() });
  for (let i = 0; i < actors; i++) handoffs.push({ from: `t${i}`, to: 'clients', quality: 0.9 });
  return {
    version: 1,
    name: `Team ${actors}`,
    departments,
    customers: [{ id: 'clients' }],
    handoffs,
  };
}

/**
 * The organisations the bench knows (`--orgs`, bench/write-model.ts), by name: a model of about
 * `size` actors.
 */
export const ORGANISATIONS: Readonly<Record<string, (size: number) => Model>> = {
  mean: (size) => generateOrganisation({ actors: size, allMean: true }),
  mixed: (size) => generateOrganisation({ actors: size }),
  'long-range': (size) => generateOrganisation({ actors: size, longRange: 0.2 }),
  'min-heavy': (size) => generateOrganisation({ actors: size, allMean: true, minShare: 0.5 }),
  team: (size) => generateTeam(size),
};

/** The organisation `name` of about `size` actors; throws on a name the bench does not know. */
export function organisation(name: string, size: number): Model {
  const make = Object.hasOwn(ORGANISATIONS, name) ? ORGANISATIONS[name] : undefined;
  if (make === undefined)
    throw new Error(`unknown organisation "${name}" (${Object.keys(ORGANISATIONS).join(', ')})`);
  return make(size);
}
