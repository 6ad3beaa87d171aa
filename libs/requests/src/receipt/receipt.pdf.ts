import type { CaseView } from '@ventanilla/cases';
import type { DateFormat, Translate } from '@ventanilla/web';
import type PDFKitDocument from 'pdfkit';

export interface ReceiptData {
  folio: string;
  accessCode: string;
  filedAt: string;
  cases: CaseView[];
  followUrl: string;
}

const MARGIN = 56;

/**
 * The constancia of a filing (api.md, "Receipt and calendar"): folio, access code, the filing
 * instant, each body with its reception and due dates, and how to follow the request. Texts
 * from the pages' catalogue; the standard Helvetica font, so no font file travels.
 */
export function renderReceipt(data: ReceiptData, t: Translate, dates: DateFormat): Promise<Buffer> {
  // Loaded on first use, like the charts: start-up stays light.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const PDFDocument = require('pdfkit') as typeof PDFKitDocument;
  const doc = new PDFDocument({ size: 'LETTER', margin: MARGIN, info: { Title: `${t('constancia.titulo')} ${data.folio}`, Author: t('sitio.nombre') } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).text(t('constancia.titulo'));
  doc.font('Helvetica').fontSize(10).fillColor('#444').text(t('constancia.ley')).fillColor('#000').moveDown();

  label(doc, t('constancia.folio'));
  doc.font('Helvetica-Bold').fontSize(20).text(data.folio).moveDown(0.4);
  label(doc, t('constancia.codigo'));
  doc.font('Helvetica-Bold').fontSize(20).text(data.accessCode);
  doc.font('Helvetica').fontSize(10).text(t('constancia.guardelo')).moveDown(0.6);
  label(doc, t('constancia.presentada'));
  doc.font('Helvetica').fontSize(12).text(dates.dateTime(data.filedAt)).moveDown();

  doc.font('Helvetica-Bold').fontSize(14).text(t('constancia.instituciones')).moveDown(0.3);
  for (const c of data.cases) {
    doc.font('Helvetica-Bold').fontSize(12).text(c.subject.name);
    doc.font('Helvetica').fontSize(11)
      .text(t('constancia.recibida', { fecha: dates.date(c.receivedOn) }))
      .text(t('constancia.vence', { fecha: dates.date(c.extendedDueDate ?? c.dueDate) }))
      .moveDown(0.5);
  }
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(14).text(t('constancia.comoSeguir')).moveDown(0.3);
  doc.font('Helvetica').fontSize(11).text(t('constancia.seguir1', { url: data.followUrl })).moveDown(0.3)
    .text(t('constancia.seguir2')).moveDown(0.3)
    .text(t('constancia.seguir3'));
  doc.end();
  return done;
}

function label(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Helvetica').fontSize(10).fillColor('#444').text(text).fillColor('#000');
}
