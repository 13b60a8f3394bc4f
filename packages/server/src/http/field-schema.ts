import type { FieldSpec, FieldSpecs } from '@huawu/domain';

/** JSON Schema of a FieldSpecs table, so the API document and validation follow the domain's field list. */
export function fieldSpecsToSchema(specs: FieldSpecs): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) properties[name] = fieldSchema(spec);
  const required = Object.entries(specs)
    .filter(([, s]) => s.required)
    .map(([n]) => n);
  return { type: 'object', properties, required, additionalProperties: false };
}

function fieldSchema(spec: FieldSpec): Record<string, unknown> {
  const description = spec.label;
  switch (spec.kind) {
    case 'text':
      return { type: ['string', 'null'], maxLength: spec.maxLength, description };
    case 'enum':
      return { type: 'string', enum: [...spec.options.values], description };
    case 'unit':
    case 'order':
      return { type: 'string', maxLength: 64, description };
    case 'units':
      return { type: 'array', items: { type: 'string', maxLength: 64 }, maxItems: spec.max, description };
    case 'integer':
      return { type: 'integer', minimum: spec.min, maximum: spec.max, description };
    case 'boolean':
      return { type: 'boolean', description };
    case 'checks':
      return {
        type: 'array',
        items: { type: 'string', enum: [...spec.options.values] },
        maxItems: spec.options.values.length,
        description,
      };
  }
}
