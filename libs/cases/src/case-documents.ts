import { DomainError } from '@ventanilla/domain';
import { EntityManager, In } from 'typeorm';
import { Document } from './document.entity';

/**
 * Marks the case's documents that a resolution delivers, in the resolution's transaction.
 * An id that is not a document of this case refuses the whole resolution (nothing changes).
 */
export async function deliverDocuments(tx: EntityManager, caseId: string, ids: string[], at: Date): Promise<Document[]> {
  if (ids.length === 0) return [];
  const found = await tx.find(Document, { where: { caseId, id: In(ids) } });
  const missing = ids.filter((id) => !found.some((d) => d.id === id));
  if (missing.length > 0) throw new DomainError('not_case_documents', { documentIds: missing });
  await tx.update(Document, { caseId, id: In(ids) }, { deliveredAt: at });
  return ids.map((id) => Object.assign(found.find((d) => d.id === id)!, { deliveredAt: at }));
}
