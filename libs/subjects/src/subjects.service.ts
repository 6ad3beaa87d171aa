import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppError } from '@ventanilla/http';
import { Repository } from 'typeorm';
import { ListSubjectsQuery } from './list-subjects.dto';
import { Subject } from './subject.entity';

@Injectable()
export class SubjectsService {
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

  /** Active subjects by code; throws with one detail per unknown code. */
  async requireActive(codes: string[], field: string): Promise<Map<string, Subject>> {
    const found = await this.subjects.findBy(codes.map((code) => ({ code, active: true })));
    const byCode = new Map(found.map((s) => [s.code, s]));
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
}

/** What a subject code can look like; anything else names no subject. */
const SUBJECT_CODE = /^[A-Za-z0-9-]{1,40}$/;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
