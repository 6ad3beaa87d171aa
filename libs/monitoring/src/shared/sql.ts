/**
 * One of the code's own enum values as an SQL literal. Only `[a-z_]` passes, so nothing can
 * leave the quotes; it keeps the many FILTER clauses readable (and plannable) without a
 * parameter per value.
 */
export function literal(value: string): string {
  if (!/^[a-z_]+$/.test(value)) throw new Error(`Valor no admitido como literal SQL: ${value}`);
  return `'${value}'`;
}

export function literalList(values: readonly string[]): string {
  return `(${values.map(literal).join(', ')})`;
}

/** Rounds a double-precision aggregate to one decimal and hands it to node-pg as a number. */
export function oneDecimal(expression: string): string {
  return `round((${expression})::numeric, 1)::float8`;
}
