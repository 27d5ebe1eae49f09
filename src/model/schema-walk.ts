/** Reading a zod schema along a path: the keys allowed there, and what a union there accepts. */
import { z } from 'zod';
import { typeWords } from './zod-messages.js';

type Path = readonly PropertyKey[];

/** The schema that validates the value at `path`, if the path can be followed. */
export function schemaAt(schema: z.ZodType | undefined, path: Path): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of path) current = current === undefined ? undefined : childSchema(current, key);
  return current;
}

/** The keys the schema allows at a path (to suggest the right spelling of an unknown key). */
export function knownKeysAt(schema: z.ZodType | undefined, path: Path): string[] {
  const inner = schemaAt(schema, path);
  if (inner === undefined) return [];
  return objectOptions(inner).flatMap((option) => Object.keys(option.shape));
}

/** What a union at `path` accepts, in words: `a number or { expected, perceived }`. */
export function describeSchema(schema: z.ZodType | undefined, path: Path): string | undefined {
  const inner = schemaAt(schema, path);
  if (inner === undefined) return undefined;
  const options =
    unwrap(inner) instanceof z.ZodUnion ? (unwrap(inner) as z.ZodUnion).options : [inner];
  return options.map((option) => describeOne(option as z.ZodType)).join(' or ');
}

function describeOne(schema: z.ZodType): string {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    const keys = Object.keys(inner.shape);
    return keys.length <= 3 ? `{ ${keys.join(', ')} }` : 'a mapping';
  }
  return typeWords(inner.type);
}

function childSchema(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodArray) return inner.element as z.ZodType;
  if (inner instanceof z.ZodRecord) return inner.valueType as z.ZodType;
  if (inner instanceof z.ZodUnion) {
    const options = inner.options as readonly z.ZodType[];
    const array = options.find((option) => unwrap(option) instanceof z.ZodArray);
    if (typeof key === 'number') return array === undefined ? undefined : childSchema(array, key);
    const owner = objectOptions(inner).find((option) => Object.hasOwn(option.shape, key));
    return owner === undefined ? undefined : childSchema(owner, key);
  }
  if (inner instanceof z.ZodObject && typeof key === 'string' && Object.hasOwn(inner.shape, key)) {
    return inner.shape[key] as z.ZodType;
  }
  return undefined;
}

/** The object schemas at this point: the object itself, or a union's object options. */
function objectOptions(schema: z.ZodType): z.ZodObject[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) return [inner];
  if (inner instanceof z.ZodUnion) {
    return (inner.options as readonly z.ZodType[]).flatMap((option) => objectOptions(option));
  }
  return [];
}

/** Looks through optional, nullable and default wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable ||
    current instanceof z.ZodDefault
  ) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}
