/**
 * Organisations for the layout tests and screenshots: `departments` departments (some nested in a
 * directorate) of employees with long, realistic names, hand-offs inside and across departments,
 * a few loops back, and customers in three segments. Built by a seeded generator (bench/generate.ts's
 * mulberry32), so every run draws the same picture.
 */
import { seededRandom } from '../../bench/generate.js';
import type { Model } from '../../src/model/schema.js';

const ROLES = [
  'Senior clinical pharmacist',
  'Discharge coordinator',
  'Night shift ward manager',
  'Procurement officer',
  'Biomedical scientist (haematology)',
  'Porter',
  'Patient flow lead',
  'Infection prevention nurse',
  'Medical records clerk',
  'Catering supervisor',
  'Estates and facilities duty manager',
  'GP liaison',
];

const UNITS = ['Pharmacy', 'Laboratory', 'Wards', 'Admissions', 'Estates', 'Catering', 'Records'];

/** A layered organisation of about `actors` employees in `departments` departments. */
export function organisation(actors: number, departments: number, seed = 7): Model {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const depts = Array.from({ length: departments }, (_, d) => ({
    id: `d${d}`,
    name: `${UNITS[d % UNITS.length]}${d >= UNITS.length ? ` ${Math.floor(d / UNITS.length) + 1}` : ''}`,
    // Every fourth department sits in the directorate d0 (nested frames).
    ...(d > 0 && d % 4 === 0 && { parent: 'd0' }),
  }));
  const employees = Array.from({ length: actors }, (_, i) => ({
    id: `e${i}`,
    name: `${pick(ROLES)} ${i}`,
    department: `d${1 + Math.floor((i * (departments - 1)) / actors)}`,
    performance: 0.75 + 0.25 * random(),
  }));
  const customers = [
    { id: 'patients', name: 'Inpatients and their families', segment: 'end-user' as const },
    { id: 'gps', name: 'GP practices', segment: 'distributor' as const },
    { id: 'outpatients', name: 'Outpatients', segment: 'end-user' as const },
    { id: 'wholesaler', name: 'Wholesaler', segment: 'supplier' as const, value: 0 },
    { id: 'referrers', name: 'Referring hospitals', segment: 'prospect' as const },
  ];
  const handoffs: { from: string; to: string; quality: number }[] = [];
  const seen = new Set<string>();
  const add = (from: string, to: string) => {
    if (from === to || seen.has(`${from}>${to}`)) return;
    seen.add(`${from}>${to}`);
    handoffs.push({ from, to, quality: Math.round((0.55 + 0.45 * random()) * 100) / 100 });
  };
  for (let i = 0; i < actors; i++) {
    const fan = 1 + Math.floor(random() * 3);
    for (let k = 0; k < fan; k++) {
      const ahead = i + 1 + Math.floor(random() * Math.max(2, actors / 6));
      if (ahead < actors) add(`e${i}`, `e${ahead}`);
      else add(`e${i}`, pick(customers).id);
    }
    // A few answers back: loops the layout has to draw leftwards.
    if (i > 3 && random() < 0.06) add(`e${i}`, `e${i - 1 - Math.floor(random() * 3)}`);
  }
  return {
    version: 1,
    name: `Organisation of ${actors}`,
    departments: depts,
    employees,
    customers: customers.map((c) => ({ value: 10, ...c })),
    handoffs,
  };
}
