/** A valid filing body; override any part. */
export function filingBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subjects: ['MINFIN', 'MUNI-0407'],
    description: 'Copia del presupuesto municipal aprobado para 2026',
    requester: { name: 'Ana López', email: 'ana@example.org', phone: '+502 5555 0000' },
    deliveryFormat: 'electronic',
    ...overrides,
  };
}

let counter = 0;
/** A unique requester email, so suites can wait for their own mail. */
export function uniqueEmail(label = 'req'): string {
  counter += 1;
  return `${label}.${Date.now().toString(36)}.${counter}@example.org`;
}
