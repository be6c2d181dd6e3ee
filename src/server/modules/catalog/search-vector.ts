import { sql, type SQL } from 'drizzle-orm';
import { searchDocument } from '../../../domain/search-tokens.ts';
import type { DatasetField } from './catalog.tables.ts';

/** What an entry is found by, and how much each part weighs in the ranking (A highest). */
export interface SearchableDataset {
  name: string;
  code: string;
  keywords: readonly string[];
  fields: readonly Pick<DatasetField, 'name' | 'label'>[];
  summary: string;
  /** The provider's name, so that "市场监管局 企业" finds that department's entries. */
  departmentName?: string;
}

/**
 * The four weighted documents of an entry, as our own bigram tokens (src/domain/search-tokens.ts):
 * A the name, B keywords and code, C field labels and names and the provider, D the summary.
 */
export function datasetSearchDocuments(d: SearchableDataset) {
  const fieldText = d.fields.map((f) => `${f.label} ${f.name}`).join(' ');
  return {
    doc_a: searchDocument(d.name),
    doc_b: searchDocument(`${d.keywords.join(' ')} ${d.code}`),
    doc_c: searchDocument(`${fieldText} ${d.departmentName ?? ''}`),
    doc_d: searchDocument(d.summary),
  };
}

/** The `search_vector` value of weighted documents; `simple` only splits them on spaces. */
export function searchVectorOf(docs: ReturnType<typeof datasetSearchDocuments>): SQL {
  const part = (text: string, weight: 'A' | 'B' | 'C' | 'D') =>
    sql`setweight(to_tsvector('simple', ${text}), ${weight})`;
  return sql`(${part(docs.doc_a, 'A')} || ${part(docs.doc_b, 'B')} || ${part(docs.doc_c, 'C')} || ${part(docs.doc_d, 'D')})`;
}

/** The `search_vector` value of an entry: every write of an entry sets it from here. */
export function datasetSearchVector(d: SearchableDataset): SQL {
  return searchVectorOf(datasetSearchDocuments(d));
}
