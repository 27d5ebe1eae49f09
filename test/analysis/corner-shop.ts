import type { Model } from '../../src/model/schema.js';

/** The worked example of docs/business-impact.md. */
export const cornerShop: Model = {
  version: 1,
  name: 'Corner shop',
  departments: [{ id: 'warehouse', performance: 0.9 }, { id: 'dispatch' }],
  customers: [
    {
      id: 'shoppers',
      count: 1000,
      value: 300_000,
      churn: { base: 0.05 },
      recovery: 0.2,
      wordOfMouth: { conversion: 0.03 },
      acquisitionCost: 40,
    },
  ],
  handoffs: [
    { from: 'warehouse', to: 'dispatch', quality: 0.8 },
    { from: 'dispatch', to: 'shoppers', quality: 0.95 },
  ],
};
