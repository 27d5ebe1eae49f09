/** Warnings about a valid model: usable, but something deserves a look (docs/model-file.md, "Warnings"). */
import type { Warning } from './errors.js';
import type { Model } from './schema.js';

/** A node as a message names it: its name (its id where it has none), quoted; the path has the id. */
function shownName(node: { readonly id: string; readonly name?: string | undefined }): string {
  return JSON.stringify(node.name ?? node.id);
}

/** `no_customers`, `customer_unreached` and `actor_isolated`, in declaration order. */
export function modelWarnings(model: Model): Warning[] {
  const customers = model.customers ?? [];
  const warnings: Warning[] = [];
  if (customers.length === 0) {
    warnings.push({
      code: 'no_customers',
      path: 'customers',
      message: 'the model has no customers, so there is no end-customer service to score',
    });
  } else unreachedCustomers(model, warnings);
  isolatedActors(model, warnings);
  return warnings;
}

/** A customer that receives no hand-off is not scored (docs/model.md, "The organisation score"). */
function unreachedCustomers(model: Model, warnings: Warning[]): void {
  const receivers = new Set<string>();
  for (const handoff of model.handoffs ?? []) receivers.add(handoff.to);
  const customers = model.customers ?? [];
  for (let index = 0; index < customers.length; index++) {
    const customer = customers[index]!;
    if (receivers.has(customer.id)) continue;
    warnings.push({
      code: 'customer_unreached',
      path: `customers[${index}]`,
      message: `customer ${shownName(customer)} receives no hand-off, so it is not scored`,
    });
  }
}

/**
 * An actor with no hand-off in or out plays no part in any chain. A department that only groups
 * others (it is a parent, or employees belong to it) is structure, not isolated.
 */
function isolatedActors(model: Model, warnings: Warning[]): void {
  const linked = new Set<string>();
  for (const handoff of model.handoffs ?? []) linked.add(handoff.from).add(handoff.to);
  for (const department of model.departments ?? []) {
    if (department.parent !== undefined) linked.add(department.parent);
  }
  for (const employee of model.employees ?? []) {
    if (employee.department !== undefined) linked.add(employee.department);
  }
  unlinked(model.departments ?? [], 'departments', 'department', linked, warnings);
  unlinked(model.employees ?? [], 'employees', 'employee', linked, warnings);
}

function unlinked(
  actors: readonly { readonly id: string; readonly name?: string | undefined }[],
  name: string,
  kind: string,
  linked: ReadonlySet<string>,
  warnings: Warning[],
): void {
  for (let index = 0; index < actors.length; index++) {
    const actor = actors[index]!;
    if (linked.has(actor.id)) continue;
    warnings.push({
      code: 'actor_isolated',
      path: `${name}[${index}]`,
      message: `${kind} ${shownName(actor)} gives and receives no hand-off`,
    });
  }
}
