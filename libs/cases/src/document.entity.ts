import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStatus } from './case-status';

/** A file of a case: its metadata (the bytes are in the storage driver under `storageKey`). */
@Entity('documents')
export class Document {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('text', { name: 'storage_key' })
  storageKey: string;

  @Column('varchar', { length: 255 })
  name: string;

  @Column('varchar', { name: 'media_type', length: 255 })
  mediaType: string;

  /** bigint comes back from pg as a string; sizes here stay far below 2^53. */
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size: number;

  @Column('char', { length: 64 })
  sha256: string;

  @Column('boolean')
  public: boolean;

  @Column('timestamptz', { name: 'uploaded_at' })
  uploadedAt: Date;

  @Column('uuid', { name: 'uploaded_by', nullable: true })
  uploadedBy: string | null;

  /** Set when the case's resolution delivers this document to the requester. */
  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;
}

/** The contract's `Document`, plus where to download it. */
export interface DocumentView {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  public: boolean;
  uploadedAt: string;
  /** Whether the resolution delivered it (staff also see documents not delivered). */
  delivered: boolean;
  url: string;
}

export function toDocumentView(d: Document): DocumentView {
  return {
    id: d.id,
    name: d.name,
    mediaType: d.mediaType,
    size: d.size,
    sha256: d.sha256,
    public: d.public,
    uploadedAt: d.uploadedAt.toISOString(),
    delivered: d.deliveredAt !== null,
    url: `/api/v1/documents/${d.id}`,
  };
}

/** Who a case view is for: what its `documents` may show. */
export type CaseAudience = 'public' | 'requester' | 'staff';

/**
 * `isPublicDocument` in SQL, for a document `d` of a case `c`: where a query must pick the
 * public documents itself (a search over their names, open data's count) instead of reading
 * every document and filtering with the function.
 */
export const PUBLIC_DOCUMENT_SQL = `(d.public AND d.delivered_at IS NOT NULL AND c.status = 'resolved')`;

/** Delivered by the resolution, marked public, of a resolved case: anyone may read it (api.md, Documents). */
export function isPublicDocument(d: Pick<Document, 'public' | 'deliveredAt'>, c: { status: CaseStatus }): boolean {
  return d.public && d.deliveredAt !== null && c.status === 'resolved';
}

/** The public sees public documents of a resolved case; the requester what the resolution delivered; staff every document. */
export function documentsFor(audience: CaseAudience, c: { status: CaseStatus }, documents: Document[]): Document[] {
  if (audience === 'staff') return documents;
  if (audience === 'requester') return documents.filter((d) => d.deliveredAt !== null);
  return documents.filter((d) => isPublicDocument(d, c));
}
