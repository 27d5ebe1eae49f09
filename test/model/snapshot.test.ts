/**
 * API input is validated as a plain snapshot of its own data: getters read once, foreign
 * exceptions turned into issues with their path, fields reached through a prototype refused.
 */
import { describe, expect, it } from 'vitest';
import { analyze, ServiceChainError, safeValidateModel, validateModel } from '../../src/index.js';
import { snapshot } from '../../src/model/snapshot.js';

const base = () => ({
  version: 1,
  departments: [{ id: 'desk' }],
  customers: [{ id: 'buyer' }],
  handoffs: [{ from: 'desk', to: 'buyer', quality: 0.5 } as Record<string, unknown>],
});

function issues(input: unknown) {
  const result = safeValidateModel(input);
  return result.success
    ? []
    : result.issues.map(({ code, path, message }) => ({ code, path, message }));
}

describe('a getter', () => {
  it('that reads differently each time is read once: no raw ZodError, the first value counts', () => {
    const model = base();
    let reads = 0;
    Object.defineProperty(model.handoffs[0]!, 'quality', {
      enumerable: true,
      get: () => (reads++ === 0 ? 0.25 : 'high'),
    });
    const result = safeValidateModel(model);
    expect(result.success && result.model.handoffs![0]!.quality).toBe(0.25);
    expect(reads).toBe(1);
    // Not cached as valid: the next use validates a new snapshot, and says what it found.
    expect(() => analyze(model as never)).toThrowError(
      /must be a number or \{ mean, sd \} or \{ low, high \}, got "high"/,
    );
  });

  it('that throws becomes an issue at its path, and validateModel throws ServiceChainError', () => {
    const model = base();
    Object.defineProperty(model.handoffs[0]!, 'to', {
      enumerable: true,
      get: () => {
        throw new RangeError('database closed');
      },
    });
    expect(issues(model)).toEqual([
      {
        code: 'invalid_value',
        path: 'handoffs[0].to',
        message: 'reading this field threw an error: database closed',
      },
    ]);
    expect(() => validateModel(model)).toThrowError(ServiceChainError);
  });
});

describe('a Proxy', () => {
  it('whose ownKeys trap throws is an issue at the proxied object', () => {
    const model = base();
    model.customers[0] = new Proxy(
      { id: 'buyer' },
      {
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    expect(issues(model)).toEqual([
      {
        code: 'invalid_value',
        path: 'customers[0]',
        message: 'reading this field threw an error: trap',
      },
    ]);
  });

  it('around the whole model whose get trap throws something that is not an Error', () => {
    const proxy = new Proxy(base(), {
      getOwnPropertyDescriptor: () => {
        throw 'nope';
      },
    });
    expect(issues(proxy)).toEqual([
      { code: 'invalid_value', path: '', message: 'reading the model threw an error: nope' },
    ]);
  });

  it('that behaves like data is validated like data', () => {
    expect(safeValidateModel(new Proxy(base(), {})).success).toBe(true);
  });
});

describe('fields through a prototype', () => {
  it('refuses a class instance with getters, naming the class', () => {
    class Desk {
      get id() {
        return 'desk';
      }
    }
    const model = { ...base(), departments: [new Desk()] };
    expect(issues(model)).toEqual([
      {
        code: 'invalid_type',
        path: 'departments[0]',
        message: 'must be plain data, a mapping of its own fields, got an instance of Desk',
      },
    ]);
  });

  it('refuses Object.create(proto), so duplicate hand-offs cannot hide in a prototype', () => {
    const handoff = { from: 'desk', to: 'buyer' };
    const model = { ...base(), handoffs: [handoff, Object.create(handoff)] };
    expect(issues(model)).toEqual([
      {
        code: 'invalid_type',
        path: 'handoffs[1]',
        message:
          'must be plain data, a mapping of its own fields, got an object that inherits its fields from a prototype',
      },
    ]);
  });

  it('still finds the duplicate when both are own data', () => {
    const model = {
      ...base(),
      handoffs: [
        { from: 'desk', to: 'buyer' },
        { from: 'desk', to: 'buyer' },
      ],
    };
    expect(issues(model).map((issue) => issue.code)).toEqual(['duplicate_handoff']);
  });
});

describe('the snapshot itself', () => {
  it('keeps a __proto__ key as own data, and empty slots of a list as empty', () => {
    const ratings = JSON.parse('{"__proto__": 3}') as object;
    const list: unknown[] = new Array(3); // a sparse list, as only the API can pass one
    list[0] = 1;
    list[2] = 3;
    const copy = snapshot({ ratings, list }).value as { ratings: object; list: unknown[] };
    expect(Object.hasOwn(copy.ratings, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(copy.ratings)).toBe(Object.prototype);
    expect(copy.list).toHaveLength(3);
    expect(1 in copy.list).toBe(false);
  });

  it('keeps shared objects shared and ends cycles, in one pass', () => {
    const department: Record<string, unknown> = { id: 'desk' };
    department['self'] = department;
    const { value, plain } = snapshot({ departments: [department, department] });
    const [a, b] = (value as { departments: Record<string, unknown>[] }).departments;
    expect(a).toBe(b);
    expect(a!['self']).toBe(a);
    expect(a).not.toBe(department);
    expect(plain).toBe(true);
  });

  it('copies 100,000 levels of nesting without overflowing the stack', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = { name: deep };
    const result = safeValidateModel({ version: 1, departments: [{ id: 'd', description: deep }] });
    expect(result.success).toBe(false);
  });

  it('marks input read through a getter as not plain', () => {
    const input = {};
    Object.defineProperty(input, 'version', { enumerable: true, get: () => 1 });
    expect(snapshot(input)).toEqual({ value: { version: 1 }, plain: false, issues: [] });
    expect(snapshot({ version: 1 }).plain).toBe(true);
  });
});
