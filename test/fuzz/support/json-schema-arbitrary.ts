/**
 * Values for a JSON Schema (the subset zod's toJSONSchema writes into /api/openapi.json: type,
 * properties/required, items/minItems/maxItems, enum/const, anyOf/oneOf, minimum/maximum,
 * minLength/maxLength, pattern), so the OpenAPI sweep can send a valid-shaped body to a route it
 * knows only from the document — the mutations in hostile.ts then spoil it.
 */
import fc from 'fast-check';

export type JsonSchema = {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
};

const WORDS = ['NOVA', 'Flytt', 'Ändrad plan', '2027-04-30', 'Personal', 'Godkänn', '12 500', 'granska'];

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.pattern !== undefined) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).map((text) => text.slice(0, schema.maxLength ?? 200));
    } catch {
      // a pattern JavaScript cannot compile: a plain string then
    }
  }
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, 200);
  return fc.oneof(
    fc.constantFrom(...WORDS).filter((word) => word.length >= min && word.length <= max),
    fc.string({ minLength: min, maxLength: Math.max(min, max) }),
  );
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const low = Math.max(schema.minimum ?? (schema.exclusiveMinimum ?? -1_000_000) + (integer ? 1 : 0), -1e9);
  const high = Math.min(schema.maximum ?? 10_000_000, 1e9);
  return integer
    ? fc.integer({ min: Math.ceil(low), max: Math.max(Math.ceil(low), Math.floor(high)) })
    : fc.double({ min: low, max: Math.max(low, high), noNaN: true, noDefaultInfinity: true });
}

/** a value the schema accepts (most of the time: patterns and cross-field rules are left to the route) */
export function arbitraryFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (schema === undefined || depth > 6) {
    return fc.constant(null);
  }
  if (schema.const !== undefined) {
    return fc.constant(schema.const);
  }
  if (schema.enum !== undefined && schema.enum.length > 0) {
    return fc.constantFrom(...schema.enum);
  }
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices !== undefined && choices.length > 0) {
    return fc.oneof(...choices.map((choice) => arbitraryFor(choice, depth + 1)));
  }
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 1) {
    return fc.oneof(...types.map((type) => arbitraryFor({ ...schema, type }, depth + 1)));
  }
  switch (types[0]) {
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const shape = Object.fromEntries(
        Object.entries(properties).map(([key, child]) => [key, arbitraryFor(child, depth + 1)]),
      );
      return fc.record(shape, { requiredKeys: Object.keys(properties).filter((key) => required.has(key)) });
    }
    case 'array':
      return fc.array(arbitraryFor(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, 3)),
      });
    case 'string':
      return stringFor(schema);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.oneof(fc.constant({}), fc.string(), fc.integer());
  }
}
