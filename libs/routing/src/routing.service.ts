import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SubjectView } from '@ventanilla/subjects';

export interface RoutingSuggestion {
  subject: SubjectView;
  score: number;
}

const LIMIT = 10;
/** Above what the words of a long description add up to. */
const NAMED_BOOST = 5;

/** SQL for a text as unaccented lower-case words separated by single spaces. */
const WORDS = (sql: string) => `trim(regexp_replace(lower(immutable_unaccent(${sql})), '[^a-z0-9]+', ' ', 'g'))`;

/**
 * Which bodies are likely competent for a description: PostgreSQL full-text search in
 * Spanish, accents ignored, over names (weight A), department (B) and competences (C).
 * Each of the description's words counts by how rare it is in the catalog (inverse
 * document frequency): "municipalidad" or "nacional" say little, "Patzún" or "IVA" a lot.
 * A body named outright (a municipality's name, an acronym such as SAT) gets a boost that
 * stemming alone cannot give ("ejecutadas" and "Ejecutiva" share a stem; names do not).
 */
@Injectable()
export class RoutingService {
  constructor(private readonly dataSource: DataSource) {}

  async suggest(description: string): Promise<RoutingSuggestion[]> {
    const rows: (SubjectView & { score: number })[] = await this.dataSource.query(
      `WITH lexemes AS (
         -- The description's own lexemes, already stemmed and unaccented.
         SELECT DISTINCT quote_literal(lexeme)::tsquery AS query FROM unnest(to_tsvector('es_unaccent', $1))
       ),
       total AS (SELECT count(*)::float AS n FROM subjects WHERE active),
       -- The description as plain lower-case words between spaces, to find names said outright.
       description AS (SELECT ' ' || ${WORDS('$1')} || ' ' AS words),
       weighted AS (
         SELECT l.query, ln((t.n + 1) / (count(s.code) + 0.5)) AS idf
         FROM lexemes l CROSS JOIN total t
         LEFT JOIN subjects s ON s.active AND s.search_vector @@ l.query
         GROUP BY l.query, t.n
       )
       SELECT s.code, s.name, s.short_name AS "shortName", s.sector, s.department_code AS "departmentCode",
              s.department, s.municipality_code AS "municipalityCode", s.active,
              sum(w.idf * ts_rank('{0.1, 0.4, 0.3, 1.0}', s.search_vector, w.query))
                + CASE WHEN length(s.short_name) >= 3
                    AND (SELECT words FROM description) LIKE '% ' || ${WORDS('s.short_name')} || ' %'
                  THEN ${NAMED_BOOST} ELSE 0 END AS score
       FROM subjects s JOIN weighted w ON s.search_vector @@ w.query
       WHERE s.active
       GROUP BY s.code
       ORDER BY score DESC, s.code
       LIMIT ${LIMIT}`,
      [description],
    );
    return rows.map(({ score, ...subject }) => ({ subject, score: Math.round(Number(score) * 10000) / 10000 }));
  }
}
