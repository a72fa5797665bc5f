/**
 * The operand-width range of the adder-family netlists (adders, subtractors, |a−b|,
 * comparators): 1 to 256 bits. Builders throw a RangeError outside it; the CLI checks first
 * and reports an InputError naming the flag.
 */
export const OPERAND_WIDTHS = { min: 1, max: 256 } as const;

export function checkOperandWidth(what: string, width: number): void {
  if (!Number.isInteger(width) || width < OPERAND_WIDTHS.min || width > OPERAND_WIDTHS.max)
    throw new RangeError(
      `${what} width must be an integer from ${OPERAND_WIDTHS.min} to ${OPERAND_WIDTHS.max}, not ${width}`,
    );
}
