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
 * The `search_vector` value of an entry: our own bigram tokens (src/domain/search-tokens.ts) through
 * the `simple` configuration, which only splits on spaces, weighted name A, keywords and code B,
 * field labels and names and the provider C, summary D. Every write of an entry sets it from here.
 */
export function datasetSearchVector(d: SearchableDataset): SQL {
  const part = (text: string, weight: 'A' | 'B' | 'C' | 'D') =>
    sql`setweight(to_tsvector('simple', ${searchDocument(text)}), ${weight})`;
  const fieldText = d.fields.map((f) => `${f.label} ${f.name}`).join(' ');
  return sql`(${part(d.name, 'A')} || ${part(`${d.keywords.join(' ')} ${d.code}`, 'B')} || ${part(
    `${fieldText} ${d.departmentName ?? ''}`,
    'C',
  )} || ${part(d.summary, 'D')})`;
}
