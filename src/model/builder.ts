/**
 * A typed fluent builder for models in code. It assembles the same plain object a file holds and
 * validates it exactly as a file is validated, so `build()` gives what loading the file would.
 */
import { type LoadedModel, validateModel } from './load.js';
import type { Customer, Department, Employee, GroupNeed, Handoff, Model } from './schema.js';

/** Model-wide fields: everything but `version` and the node, hand-off and group lists. */
export type ModelHeader = Omit<
  Model,
  'version' | 'departments' | 'employees' | 'customers' | 'handoffs' | 'groups'
>;

/** Builds a model step by step; nothing is checked until `build()`. */
export class ModelBuilder {
  readonly #header: ModelHeader;
  readonly #departments: Department[] = [];
  readonly #employees: Employee[] = [];
  readonly #customers: Customer[] = [];
  readonly #handoffs: Handoff[] = [];
  readonly #groups: GroupNeed[] = [];

  constructor(header: ModelHeader = {}) {
    this.#header = { ...header };
  }

  /** Adds a department (a team or unit). */
  department(id: string, fields: Omit<Department, 'id'> = {}): this {
    this.#departments.push({ id, ...fields });
    return this;
  }

  /** Adds an employee (a person or a role). */
  employee(id: string, fields: Omit<Employee, 'id'> = {}): this {
    this.#employees.push({ id, ...fields });
    return this;
  }

  /** Adds an external customer. */
  customer(id: string, fields: Omit<Customer, 'id'> = {}): this {
    this.#customers.push({ id, ...fields });
    return this;
  }

  /** Adds a hand-off `from -> to`. */
  handoff(from: string, to: string, fields: Omit<Handoff, 'from' | 'to'> = {}): this {
    this.#handoffs.push({ ...(fields.id !== undefined && { id: fields.id }), from, to, ...fields });
    return this;
  }

  /**
   * Says that `to` needs `need` of its alternative hand-offs in group `group` (docs/model.md,
   * "k-of-n alternatives"); a group not declared here needs one.
   */
  group(to: string, group: string, need: number): this {
    this.#groups.push({ to, group, need });
    return this;
  }

  /** The plain-object model as built so far, unvalidated; empty lists are left out. */
  toModel(): Model {
    return {
      version: 1,
      ...this.#header,
      ...(this.#departments.length > 0 && { departments: [...this.#departments] }),
      ...(this.#employees.length > 0 && { employees: [...this.#employees] }),
      ...(this.#customers.length > 0 && { customers: [...this.#customers] }),
      ...(this.#handoffs.length > 0 && { handoffs: [...this.#handoffs] }),
      ...(this.#groups.length > 0 && { groups: [...this.#groups] }),
    };
  }

  /** Validates and returns the model with its warnings; throws ServiceChainError with every issue. */
  build(): LoadedModel {
    return validateModel(this.toModel());
  }
}

/** Starts a model builder: `modelBuilder({ name }).department('a').customer('c').handoff('a', 'c').build()`. */
export function modelBuilder(header: ModelHeader = {}): ModelBuilder {
  return new ModelBuilder(header);
}
