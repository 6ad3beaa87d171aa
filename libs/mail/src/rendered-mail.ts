export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Builds the plain-text and HTML versions of one message from the same paragraphs,
 * so the two never say different things. A paragraph that is a list renders as one.
 */
export function compose(subject: string, paragraphs: (string | string[])[]): RenderedMail {
  const footer = 'Ventanilla — solicitudes de acceso a la información pública (Decreto 57-2008). Este correo se envió automáticamente; no lo responda.';
  const text = [...paragraphs, footer]
    .map((p) => (Array.isArray(p) ? p.map((line) => `  - ${line}`).join('\n') : p))
    .join('\n\n');
  const body = paragraphs
    .map((p) => (Array.isArray(p) ? `<ul>${p.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : `<p>${escapeHtml(p)}</p>`))
    .join('\n');
  const html = `<!doctype html><html lang="es"><body style="font-family:sans-serif">${body}<hr><p style="color:#666;font-size:small">${escapeHtml(footer)}</p></body></html>`;
  return { subject, text, html };
}
