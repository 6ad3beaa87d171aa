import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppError } from '@ventanilla/http';
import { EntityManager, Repository } from 'typeorm';
import { ListSubjectsQuery } from './list-subjects.dto';
import { Subject } from './subject.entity';

/** The catalog as of one revision of `catalog_revision`. */
interface LoadedCatalog {
  revision: string;
  byCode: Map<string, Subject>;
}

// As the calendar's: a transaction that changed the catalog (its own uncommitted revision) does
// not evict the committed one everybody else reads.
const CACHED_REVISIONS = 4;

@Injectable()
export class SubjectsService {
  private readonly cached = new Map<string, LoadedCatalog>();
  private readonly loading = new Map<string, Promise<LoadedCatalog>>();

  constructor(@InjectRepository(Subject) private readonly subjects: Repository<Subject>) {}

  async list(query: ListSubjectsQuery): Promise<{ items: Subject[]; total: number }> {
    const qb = this.subjects.createQueryBuilder('s');
    if (query.sector) qb.andWhere('s.sector = :sector', { sector: query.sector });
    if (query.departmentCode) qb.andWhere('s.department_code = :dep', { dep: query.departmentCode });
    const words = (query.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 10);
    // Each word must appear, ignoring case and accents; the trigram index serves these LIKEs.
    words.forEach((word, i) => {
      qb.andWhere(`s.search_text LIKE '%' || lower(immutable_unaccent(:w${i})) || '%'`, { [`w${i}`]: escapeLike(word) });
    });
    if (words.length > 0) {
      qb.orderBy(`similarity(s.search_text, lower(immutable_unaccent(:whole)))`, 'DESC').setParameter('whole', words.join(' '));
      qb.addOrderBy('s.code', 'ASC');
    } else {
      qb.orderBy('s.code', 'ASC');
    }
    const [items, total] = await qb.skip(query.offset).take(query.limit).getManyAndCount();
    return { items, total };
  }

  async get(code: string): Promise<Subject> {
    const subject = SUBJECT_CODE.test(code) ? await this.subjects.findOneBy({ code: code.toUpperCase() }) : null;
    if (!subject) {
      throw AppError.notFound({ es: `No existe el sujeto obligado ${code}.`, en: `There is no obligated subject ${code}.` });
    }
    return subject;
  }

  /**
   * Active subjects by code; throws with one detail per unknown code. Answered from the catalog
   * cached for the revision the caller sees (`revision` when the caller read it already, with
   * the calendar's; else read here with `manager`), so a subject deactivated or added by any
   * process counts from the next call on. The subjects handed out are shared: read-only.
   */
  async requireActive(codes: string[], field: string, revision?: string, manager: EntityManager = this.subjects.manager): Promise<Map<string, Subject>> {
    const catalog = await this.catalog(manager, revision);
    const byCode = new Map<string, Subject>();
    for (const code of codes) {
      const subject = catalog.byCode.get(code);
      if (subject?.active) byCode.set(code, subject);
    }
    const missing = codes.filter((c) => !byCode.has(c));
    if (missing.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        undefined,
        missing.map((c) => ({ field, message: `no existe un sujeto obligado activo con el código ${c}` })),
      );
    }
    return byCode;
  }

  private async catalog(manager: EntityManager, known?: string): Promise<LoadedCatalog> {
    const revision = known ?? ((await manager.query(CATALOG_REVISION_SQL)) as { revision: string }[])[0].revision;
    const hit = this.cached.get(revision);
    if (hit) return hit;
    let pending = this.loading.get(revision);
    if (!pending) {
      pending = manager
        .find(Subject)
        .then((all) => this.remember({ revision, byCode: new Map(all.map((s) => [s.code, s])) }))
        .finally(() => this.loading.delete(revision));
      this.loading.set(revision, pending);
    }
    return pending;
  }

  private remember(loaded: LoadedCatalog): LoadedCatalog {
    this.cached.set(loaded.revision, loaded);
    while (this.cached.size > CACHED_REVISIONS) this.cached.delete(this.cached.keys().next().value!);
    return loaded;
  }
}

/** The catalog's revision (migration 1765000017001), as text: bigint stays exact. */
export const CATALOG_REVISION_SQL = `SELECT revision::text AS revision FROM catalog_revision`;

/** What a subject code can look like; anything else names no subject. */
const SUBJECT_CODE = /^[A-Za-z0-9-]{1,40}$/;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
