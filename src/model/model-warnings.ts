/** Warnings about a valid model: usable, but something deserves a look (MODEL.md sections 1-2). */
import type { Warning } from './errors.js';
import type { Model } from './schema.js';

/** `no_customers`, `customer_unreached` and `actor_isolated`, in declaration order. */
export function modelWarnings(model: Model): Warning[] {
  const customers = model.customers ?? [];
  if (customers.length === 0) {
    return [
      {
        code: 'no_customers',
        path: 'customers',
        message: 'the model has no customers, so there is no end-customer service to score',
      },
      ...isolatedActors(model),
    ];
  }
  return [...unreachedCustomers(model), ...isolatedActors(model)];
}

/** A customer that receives no hand-off is not scored (MODEL.md section 2). */
function unreachedCustomers(model: Model): Warning[] {
  const receivers = new Set((model.handoffs ?? []).map((h) => h.to));
  const warnings: Warning[] = [];
  (model.customers ?? []).forEach((customer, index) => {
    if (receivers.has(customer.id)) return;
    warnings.push({
      code: 'customer_unreached',
      path: `customers[${index}]`,
      message: `customer ${JSON.stringify(customer.id)} receives no hand-off, so it is not scored`,
    });
  });
  return warnings;
}

/**
 * An actor with no hand-off in or out plays no part in any chain. A department that only groups
 * others (it is a parent, or employees belong to it) is structure, not isolated.
 */
function isolatedActors(model: Model): Warning[] {
  const linked = new Set<string>();
  for (const handoff of model.handoffs ?? []) linked.add(handoff.from).add(handoff.to);
  for (const department of model.departments ?? []) {
    if (department.parent !== undefined) linked.add(department.parent);
  }
  for (const employee of model.employees ?? []) {
    if (employee.department !== undefined) linked.add(employee.department);
  }
  const warnings: Warning[] = [];
  const sections = [
    ['departments', 'department', model.departments ?? []],
    ['employees', 'employee', model.employees ?? []],
  ] as const;
  for (const [section, kind, actors] of sections) {
    actors.forEach((actor, index) => {
      if (linked.has(actor.id)) return;
      warnings.push({
        code: 'actor_isolated',
        path: `${section}[${index}]`,
        message: `${kind} ${JSON.stringify(actor.id)} gives and receives no hand-off`,
      });
    });
  }
  return warnings;
}
