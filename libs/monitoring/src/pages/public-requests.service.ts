import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_DOCUMENTS_JSON, CaseStatus, DocumentJson, documentsOf, DocumentView, documentsFor, PUBLIC_DOCUMENT_SQL, toDocumentView } from '@ventanilla/cases';
import { ReadReplica } from '@ventanilla/database';
import { DataSource } from 'typeorm';

export interface PublicCaseSummary {
  id: string;
  code: string;
  name: string;
  status: CaseStatus;
  resolutionType: string | null;
  resolutionText: string | null;
  /** The answer's public documents (the public view's own rule), so the next citizen can download them here. */
  documents: DocumentView[];
}

export interface PublicRequestSummary {
  folio: string;
  filedAt: string;
  description: string;
  cases: PublicCaseSummary[];
}

/**
 * The most matches a public search counts and ranks (see search): enough for any search a
 * person reads through, small enough that the commonest word costs milliseconds.
 */
export const SEARCH_LIMIT = 1000;

export interface SearchResult {
  items: PublicRequestSummary[];
  /** Matches found, exact up to SEARCH_LIMIT. */
  total: number;
  /** More than SEARCH_LIMIT requests match: `total` is SEARCH_LIMIT, the page says "más de". */
  more: boolean;
}

// Each case with every document it has (the public view's rule then picks the public ones), so
// a page of results is one query.
const CASES_JSON = `(SELECT json_agg(json_build_object('id', c.id, 'code', s.code, 'name', s.name, 'status', c.status,
      'resolutionType', c.resolution_type, 'resolutionText', c.resolution_text, 'documents', ${CASE_DOCUMENTS_JSON}) ORDER BY c.created_at, c.id)
    FROM cases c JOIN subjects s ON s.code = c.subject_code WHERE c.folio = r.folio)`;

// A document's name as words: "presupuesto-caminos_2026.pdf" is one token to PostgreSQL's
// parser (a file or host name), which no search for "presupuesto caminos" would match.
const DOCUMENT_NAME_WORDS = `regexp_replace(d.name, '[-_.]+', ' ', 'g')`;

/**
 * Earlier requests as the public view shows them (what was asked, who answered what), never the
 * requester: so a citizen finds what was already asked. Full text in Spanish, accents ignored
 * (the `es_unaccent` configuration), over the descriptions, the answers and the names of the
 * answers' public documents (the request page's rule: never a non-public one, never one of a
 * case not resolved, so a search cannot reveal a name the page would not show).
 */
@Injectable()
export class PublicRequestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly replica: ReadReplica,
  ) {}

  /**
   * Read on the replica when DATABASE_READ_URL is set, as the statistics are: a public search
   * may lag a little behind the primary, and a search over every request is read load the
   * primary's writes need not share.
   *
   * Bounded, whatever the words: anyone can search, and a word nearly every request contains
   * would otherwise have the database count and rank every match (a million at national
   * volume, past the statement limit: an error page, and seconds of work per request). Each
   * branch reads at most SEARCH_LIMIT + 1 matches, so `total` is exact up to SEARCH_LIMIT and
   * `more` says there are more; results are ranked within those candidates. A selective
   * search (at most SEARCH_LIMIT matches) reads, counts and ranks all its matches as before.
   */
  async search(text: string, limit: number, offset: number): Promise<SearchResult> {
    // The requests whose description, answer or a public document's name matches, each branch
    // on its own (the first two on their full-text indexes, migration 1765000017003) and
    // uncorrelated: an OR across the tables would compute every request's text vector. Each
    // branch is cut at SEARCH_LIMIT + 1 before the UNION (a UNION reads all its input before
    // removing duplicates, so a cut after it would not bound the work): if the matches number
    // more than SEARCH_LIMIT, either a branch was cut or the union still has more than
    // SEARCH_LIMIT; otherwise no branch was cut and the union is every match.
    const cut = SEARCH_LIMIT + 1;
    const candidates = `candidates AS (
          (SELECT m.id FROM requests m, q WHERE to_tsvector('es_unaccent', m.description) @@ q.query LIMIT ${cut})
          UNION (SELECT c.request_id FROM cases c, q
                  WHERE c.resolution_text IS NOT NULL AND to_tsvector('es_unaccent', c.resolution_text) @@ q.query LIMIT ${cut})
          UNION (SELECT c.request_id FROM cases c JOIN documents d ON d.case_id = c.id, q
                  WHERE ${PUBLIC_DOCUMENT_SQL} AND to_tsvector('es_unaccent', ${DOCUMENT_NAME_WORDS}) @@ q.query LIMIT ${cut}))`;
    const query = `q AS (SELECT websearch_to_tsquery('es_unaccent', $1) AS query)`;
    return this.replica.run(async (db) => {
      const [{ found }] = await db.query(`WITH ${query}, ${candidates} SELECT count(*)::int AS found FROM (SELECT id FROM candidates LIMIT ${cut}) AS c`, [
        text,
      ]);
      const total = Math.min(found, SEARCH_LIMIT);
      // Pages go no further than SEARCH_LIMIT results; past it the citizen is asked for more words.
      const items: SummaryRow[] =
        offset >= total
          ? []
          : await db.query(
              `WITH ${query}, ${candidates}
               SELECT r.folio, r.filed_at AS "filedAt", r.description, ${CASES_JSON} AS cases
                 FROM requests r JOIN candidates m ON m.id = r.id, q
                ORDER BY ts_rank(to_tsvector('es_unaccent', r.description), q.query) DESC, r.filed_at DESC, r.folio
                LIMIT $2 OFFSET $3`,
              [text, Math.min(limit, total - offset), offset],
            );
      return { items: items.map(normalize), total, more: found > SEARCH_LIMIT };
    });
  }

  /**
   * The requests this body received last (by its own case's reception: a request transferred
   * in counts from the transfer). Read from the body's newest cases on their index, so a body
   * with a hundred thousand cases costs what one with ten does.
   */
  async recentFor(subjectCode: string, limit: number): Promise<PublicRequestSummary[]> {
    const items: SummaryRow[] = await this.db.query(
      `SELECT r.folio, r.filed_at AS "filedAt", r.description, ${CASES_JSON} AS cases
         FROM (SELECT request_id, max(received_at) AS received_at
                 FROM (SELECT request_id, received_at FROM cases WHERE subject_code = $1 ORDER BY received_at DESC LIMIT $2 * 2) AS latest
                GROUP BY request_id ORDER BY 2 DESC LIMIT $2) AS recent
         JOIN requests r ON r.id = recent.request_id
        ORDER BY recent.received_at DESC, r.folio`,
      [subjectCode, limit],
    );
    return items.map(normalize);
  }

  /** The departments that have bodies, for the filters. */
  async departments(): Promise<{ code: string; name: string }[]> {
    return this.db.query(
      `SELECT DISTINCT department_code AS code, department AS name FROM subjects
        WHERE department_code IS NOT NULL AND department IS NOT NULL ORDER BY department`,
    );
  }
}

/** A row as read: its cases' documents as JSON, all of them; the summary shows the public ones. */
type SummaryRow = Omit<PublicRequestSummary, 'cases'> & { cases: (Omit<PublicCaseSummary, 'documents'> & { documents: DocumentJson[] })[] | null };

function normalize(row: SummaryRow): PublicRequestSummary {
  return {
    ...row,
    filedAt: new Date(row.filedAt).toISOString(),
    cases: (row.cases ?? []).map((c) => ({ ...c, documents: documentsFor('public', c, documentsOf(c.id, c.documents)).map(toDocumentView) })),
  };
}
