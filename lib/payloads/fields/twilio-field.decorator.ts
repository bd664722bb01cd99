import { Expose, Transform } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDate,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  ValidateBy,
} from 'class-validator';
import { fieldReaderOf, SID_PATTERN } from './field-readers.js';
import { mediaOf } from './media-item.js';
import type { TwilioFieldKind, TwilioFieldOptions, TwilioFieldSpec } from './twilio-field-spec.js';

const OWN_FIELDS = new WeakMap<Function, TwilioFieldSpec[]>();
const OPTIONAL_SID_PATTERN = new RegExp(`^(?:${SID_PATTERN.source.slice(1, -1)})?$`);

/**
 * Declares a payload field: its wire name (the property name), how it is read, and what makes it
 * malformed. The declarations form the table the request path compiles once per class; the same
 * decorator also adds the class-transformer and class-validator metadata, so the classes work
 * with `plainToInstance()` and `validate()` (or a `ValidationPipe` on `@Body()`) too.
 *
 * Extend a payload class to type parameters of your own (Voice SDK `params`, SIP headers).
 *
 * @publicApi
 * @example
 * class MyInboundCall extends InboundCall {
 *   @TwilioField('string') readonly 'SipHeader_X-Customer'?: string;
 *   @TwilioField('int') readonly TenantId?: number;
 * }
 */
export function TwilioField(
  kind: TwilioFieldKind,
  options: TwilioFieldOptions = {},
): PropertyDecorator {
  return (target, key) => {
    if (typeof key !== 'string') throw new TypeError('@TwilioField() needs a string property name');
    const spec: TwilioFieldSpec = { ...options, name: key, kind };
    const owner = target.constructor;
    const own = OWN_FIELDS.get(owner) ?? [];
    OWN_FIELDS.set(owner, [...own.filter((f) => f.name !== key), spec]);
    for (const decorate of classLibraryDecorators(spec)) decorate(target, key);
  };
}

/** The fields of a payload class, its ancestors' first (a redeclared field replaces theirs). */
export function twilioFieldsOf(cls: Function): TwilioFieldSpec[] {
  const chain: Function[] = [];
  for (
    let c: unknown = cls;
    typeof c === 'function' && c !== Function.prototype;
    c = Object.getPrototypeOf(c)
  ) {
    chain.unshift(c as Function);
  }
  const byName = new Map<string, TwilioFieldSpec>();
  for (const c of chain) for (const f of OWN_FIELDS.get(c) ?? []) byName.set(f.name, f);
  return [...byName.values()];
}

/**
 * class-transformer turns wire text into the typed value (leaving what it cannot read for the
 * validator to report); class-validator checks the result.
 */
function classLibraryDecorators(spec: TwilioFieldSpec): PropertyDecorator[] {
  const read = fieldReaderOf(spec);
  const lenient = (value: unknown) => {
    try {
      return read(value);
    } catch {
      return value;
    }
  };
  const decorators: PropertyDecorator[] = [
    spec.kind === 'media'
      ? Transform(({ value, obj }) => (Array.isArray(value) ? value : lenientMedia(obj)), {
          toClassOnly: true,
        })
      : Transform(({ value }) => lenient(value), { toClassOnly: true }),
  ];
  if (!spec.required) decorators.push(IsOptional());
  switch (spec.kind) {
    case 'string':
      decorators.push(IsString({ each: spec.repeated }));
      if (spec.required) decorators.push(IsNotEmpty());
      break;
    case 'sid':
      decorators.push(Matches(spec.required ? SID_PATTERN : OPTIONAL_SID_PATTERN));
      break;
    case 'int':
      decorators.push(IsInt());
      break;
    case 'decimal':
      decorators.push(IsNumber({ allowNaN: false, allowInfinity: false }));
      break;
    case 'bool':
      decorators.push(IsBoolean());
      break;
    case 'date':
      decorators.push(IsDate());
      break;
    case 'json':
      decorators.push(IsParsedJson());
      break;
    case 'enum':
      decorators.push(IsString());
      break;
    case 'media':
      decorators.push(Expose(), IsArray());
      break;
  }
  return decorators;
}

function lenientMedia(obj: Record<string, unknown>): unknown {
  try {
    return mediaOf(obj);
  } catch {
    return undefined;
  }
}

/** A JSON field the transformer could not parse is still text. */
function IsParsedJson(): PropertyDecorator {
  return ValidateBy({
    name: 'isParsedJson',
    validator: {
      validate: (value) => typeof value !== 'string',
      defaultMessage: (args) => `${args?.property} must be valid JSON`,
    },
  });
}
