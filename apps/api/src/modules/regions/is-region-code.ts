import { ValidateBy, type ValidationOptions } from 'class-validator';
import { provinceCodeOfRule, resolveRegion } from './regions';

/** A district code (or a city code for a city without districts) that the dataset knows. */
export function IsRegionCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRegionCode',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && resolveRegion(v) !== undefined,
        defaultMessage: () => '$property must be a known district code (GB/T 2260)',
      },
    },
    options,
  );
}

/** A province name (full or short) or 2-digit code that the dataset knows. */
export function IsProvince(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isProvince',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && provinceCodeOfRule(v) !== undefined,
        defaultMessage: () => 'each of $property must be a province name or code of mainland China',
      },
    },
    options,
  );
}
