import { InputError, show } from '../../errors.js';

/**
 * An architecture with one integer parameter, written `NAME:PARAM` (`loa:4`). The parameter
 * ranges from `min` to the operand width.
 */
export interface ParamArch {
  readonly name: string;
  /** The parameter's letter in help texts: `loa:K`. */
  readonly param: string;
  readonly min: number;
  /** Built for unsigned operands only. */
  readonly unsignedOnly?: boolean;
  readonly describe: string;
}

/** `NAME:PARAM` split, or undefined when `text` has no parameter (a plain arch name). */
export function parseParamArch(text: string): { name: string; param: number } | undefined {
  const match = /^([a-z][a-z0-9-]*):(\d{1,4})$/.exec(text);
  if (match === null) return undefined;
  return { name: match[1], param: Number(match[2]) };
}

/**
 * Checks an `--arch` value against an op's plain archs and parameterised archs, for operands
 * of `width` bits. Returns the arch text as given. Errors name the flag:
 * "--arch loa:9 must have K from 0 to 8 at 8 bits, not 9".
 */
export function resolveArch(
  text: unknown,
  archs: readonly string[],
  paramArchs: readonly ParamArch[],
  width: number,
  signed: boolean,
): string {
  if (typeof text === 'string' && archs.includes(text)) return text;
  const parsed = typeof text === 'string' ? parseParamArch(text) : undefined;
  const family = paramArchs.find((p) => p.name === parsed?.name);
  if (parsed === undefined || family === undefined) {
    const all = [...archs, ...paramArchs.map((p) => `${p.name}:${p.param}`)];
    throw new InputError(`--arch must be one of ${all.join(', ')}, not ${show(text)}`);
  }
  if (parsed.param < family.min || parsed.param > width)
    throw new InputError(
      `--arch ${family.name}:${family.param} must have ${family.param} from ${family.min} to ${width} at ${width} bits, not ${parsed.param}`,
    );
  if (signed && family.unsignedOnly)
    throw new InputError(
      `--signed must be left out for --arch ${text}, built for unsigned operands`,
    );
  return text as string;
}
