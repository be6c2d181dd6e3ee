import { stableId } from './ckan.ts';
import type { DatasetListRow } from './search.repo.ts';

/**
 * DCAT-AP 3.0.1 for the catalogue, as ckanext-dcat serves it: a small graph model (IRIs only, no
 * blank nodes, so each node can be written on its own), the nodes of the catalogue and of each
 * entry, and two serialisers (Turtle, JSON-LD with our own compact context) that write node by node
 * so that an export of any size streams with flat memory. The EU vocabulary concepts the entries
 * point at are typed in the export itself (dct:Frequency, dct:RightsStatement, …), which the
 * DCAT-AP range shapes require.
 */

export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  adms: 'http://www.w3.org/ns/adms#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  owl: 'http://www.w3.org/2002/07/owl#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
} as const;
type Prefix = keyof typeof PREFIXES;
/** A compact IRI with one of our prefixes (dct:title). */
type Curie = `${Prefix}:${string}`;

export type Term = { iri: string } | { value: string; lang?: string; datatype?: Curie };
export interface RdfNode {
  id: string;
  types: Curie[];
  props: [Curie, Term[]][];
}

const EU = 'http://publications.europa.eu/resource/authority';
const LANG = 'zh';

const iri = (value: string): Term => ({ iri: value });
const text = (value: string, lang = LANG): Term => ({ value, lang });
const typed = (value: string, datatype: Curie): Term => ({ value, datatype });
const plain = (value: string): Term => ({ value });

/**
 * The site's public address: PUBLIC_URL when configured, else from the request (a hostile Host
 * header cannot inject into IRIs).
 */
export function publicBase(protocol: string, host: string | undefined, configured?: string): string {
  if (configured) return configured;
  const safeHost =
    host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : 'localhost';
  return `${protocol === 'https' ? 'https' : 'http'}://${safeHost}`;
}

export function catalogTitle(districtName: string | null): string {
  return `${districtName ?? ''}公共数据资源目录`;
}

export const datasetIri = (base: string, id: string) => `${base}/dataset/${id}`;
export const catalogIri = (base: string) => `${base}/catalog`;
const agentIri = (base: string, departmentId: string) => `${base}/organization/${departmentId}`;

// ----- EU vocabularies (publications.europa.eu authority tables) -----

interface Concept {
  iri: string;
  types: Curie[];
  labels: [string, string][];
  scheme?: string;
}

const FREQUENCY: Record<DatasetListRow['updateFrequency'], [code: string, label: string]> = {
  realtime: ['UPDATE_CONT', 'continuously updated'],
  daily: ['DAILY', 'daily'],
  weekly: ['WEEKLY', 'weekly'],
  monthly: ['MONTHLY', 'monthly'],
  quarterly: ['QUARTERLY', 'quarterly'],
  half_yearly: ['ANNUAL_2', 'semiannual'],
  yearly: ['ANNUAL', 'annual'],
  irregular: ['IRREG', 'irregular'],
};

const ACCESS_RIGHT: Record<DatasetListRow['openType'], [code: string, label: string]> = {
  open: ['PUBLIC', 'public'],
  conditional: ['RESTRICTED', 'restricted'],
  closed: ['NON_PUBLIC', 'non-public'],
};

/** The base resources as EU data themes (population → society, legal entities → economy, …). */
const THEME: Record<NonNullable<DatasetListRow['baseResource']>, [code: string, label: string]> = {
  population: ['SOCI', 'Population and society'],
  legal_entity: ['ECON', 'Economy and finance'],
  geospatial: ['REGI', 'Regions and cities'],
  social_credit: ['ECON', 'Economy and finance'],
  e_license: ['GOVE', 'Government and public sector'],
};

/** File types named in a format's detail (CSV, Excel, Shapefile…) → EU file-type codes. */
const FILE_TYPES: [RegExp, string][] = [
  [/\bcsv\b/i, 'CSV'],
  [/\bxlsx\b|excel|电子表格/i, 'XLSX'],
  [/\bxls\b/i, 'XLS'],
  [/\bgeojson\b/i, 'GEOJSON'],
  [/\bjson\b/i, 'JSON'],
  [/\bxml\b/i, 'XML'],
  [/\bpdf\b/i, 'PDF'],
  [/\bdocx\b/i, 'DOCX'],
  [/\bdoc\b/i, 'DOC'],
  [/\bshp\b|shapefile/i, 'SHP'],
  [/\bkml\b/i, 'KML'],
  [/\bgml\b/i, 'GML'],
  [/\bjpe?g\b/i, 'JPEG'],
  [/\bpng\b/i, 'PNG'],
  [/\btiff?\b/i, 'TIFF'],
  [/\bzip\b/i, 'ZIP'],
  [/\btxt\b/i, 'TXT'],
  [/\bhtml?\b/i, 'HTML'],
];

const FORMAT_NAMES: Record<DatasetListRow['format'], string> = {
  database: 'Database',
  spreadsheet: 'Spreadsheet',
  document: 'Document',
  image: 'Image',
  stream: 'Stream',
  api: 'API',
  geo: 'Geospatial',
  other: 'Other',
};

const SCHEMES: Record<string, string> = {
  [`${EU}/frequency`]: 'Frequency',
  [`${EU}/access-right`]: 'Access right',
  [`${EU}/data-theme`]: 'Data theme',
  [`${EU}/file-type`]: 'File type',
  [`${EU}/language`]: 'Language',
};

const frequencyConcept = (f: DatasetListRow['updateFrequency']): Concept => ({
  iri: `${EU}/frequency/${FREQUENCY[f][0]}`,
  types: ['dct:Frequency', 'skos:Concept'],
  labels: [[FREQUENCY[f][1], 'en']],
  scheme: `${EU}/frequency`,
});
const accessRightConcept = (o: DatasetListRow['openType']): Concept => ({
  iri: `${EU}/access-right/${ACCESS_RIGHT[o][0]}`,
  types: ['dct:RightsStatement', 'skos:Concept'],
  labels: [[ACCESS_RIGHT[o][1], 'en']],
  scheme: `${EU}/access-right`,
});
const themeConcept = (b: NonNullable<DatasetListRow['baseResource']>): Concept => ({
  iri: `${EU}/data-theme/${THEME[b][0]}`,
  types: ['skos:Concept'],
  labels: [[THEME[b][1], 'en']],
  scheme: `${EU}/data-theme`,
});
const CHINESE: Concept = {
  iri: `${EU}/language/ZHO`,
  types: ['dct:LinguisticSystem', 'skos:Concept'],
  labels: [
    ['Chinese', 'en'],
    ['中文', 'zh'],
  ],
  scheme: `${EU}/language`,
};

/** A distribution's format: an EU file type named in the detail, else our own format concept. */
function formatConcept(base: string, r: Pick<DatasetListRow, 'format' | 'formatDetail'>): Concept {
  const code = r.formatDetail ? FILE_TYPES.find(([re]) => re.test(r.formatDetail!))?.[1] : undefined;
  if (code) {
    return {
      iri: `${EU}/file-type/${code}`,
      types: ['dct:MediaTypeOrExtent', 'skos:Concept'],
      labels: [[code, 'en']],
      scheme: `${EU}/file-type`,
    };
  }
  return {
    iri: `${base}/vocab/format/${r.format}`,
    types: ['dct:MediaTypeOrExtent', 'skos:Concept'],
    labels: [[FORMAT_NAMES[r.format], 'en']],
  };
}

function schemeNodes(scheme: string, emitted: Set<string>): RdfNode[] {
  if (emitted.has(scheme)) return [];
  emitted.add(scheme);
  return [
    {
      id: scheme,
      types: ['skos:ConceptScheme'],
      props: [['dct:title', [text(SCHEMES[scheme] ?? scheme, 'en')]]],
    },
  ];
}

function conceptNodes(c: Concept, emitted: Set<string>): RdfNode[] {
  const out: RdfNode[] = [];
  if (!emitted.has(c.iri)) {
    emitted.add(c.iri);
    const props: [Curie, Term[]][] = [['skos:prefLabel', c.labels.map(([l, lang]) => text(l, lang))]];
    if (c.scheme) props.push(['skos:inScheme', [iri(c.scheme)]]);
    out.push({ id: c.iri, types: c.types, props });
  }
  return c.scheme ? [...out, ...schemeNodes(c.scheme, emitted)] : out;
}

export interface Agent {
  id: string;
  name: string;
}

/** A department as the publisher (foaf:Agent) and its contact point (vcard:Organization). */
function agentNodes(base: string, a: Agent, emitted: Set<string>): RdfNode[] {
  const id = agentIri(base, a.id);
  if (emitted.has(id)) return [];
  emitted.add(id);
  return [
    { id, types: ['foaf:Agent', 'foaf:Organization'], props: [['foaf:name', [text(a.name)]]] },
    {
      id: `${id}#contact`,
      types: ['vcard:Organization', 'vcard:Kind'],
      props: [['vcard:fn', [text(a.name)]]],
    },
  ];
}

const dateTime = (d: Date) => typed(d.toISOString(), 'xsd:dateTime');

/**
 * An entry's nodes: the dcat:Dataset, its distribution and identifier, and — the first time this
 * export meets them (`emitted`) — its publisher, contact point and the vocabulary concepts it uses.
 */
export function datasetNodes(base: string, r: DatasetListRow, emitted: Set<string>): RdfNode[] {
  const id = datasetIri(base, r.id);
  const distribution = `${id}/resource/${stableId('resource', r.id)}`;
  const format = formatConcept(base, r);
  const frequency = frequencyConcept(r.updateFrequency);
  const rights = accessRightConcept(r.openType);
  const theme = r.baseResource ? themeConcept(r.baseResource) : null;
  const agent = agentIri(base, r.departmentId);
  const issued = r.releaseDate
    ? typed(r.releaseDate, 'xsd:date')
    : r.publishedAt
      ? dateTime(r.publishedAt)
      : null;
  const props: [Curie, Term[]][] = [
    ['dct:title', [text(r.name)]],
    ['dct:description', [text(r.summary)]],
    ['dct:identifier', [plain(r.code)]],
    ['adms:identifier', [iri(`${id}#identifier`)]],
    ['dcat:keyword', r.keywords.map((k) => text(k))],
    ['dct:publisher', [iri(agent)]],
    ['dcat:contactPoint', [iri(`${agent}#contact`)]],
    ['dct:accrualPeriodicity', [iri(frequency.iri)]],
    ['dct:accessRights', [iri(rights.iri)]],
    ['dct:language', [iri(CHINESE.iri)]],
    ['dcat:theme', theme ? [iri(theme.iri)] : []],
    ['dct:issued', issued ? [issued] : []],
    ['dct:modified', [dateTime(r.updatedAt)]],
    ['dcat:version', [plain(String(r.version))]],
    ['owl:versionInfo', [plain(String(r.version))]],
    ['dcat:distribution', [iri(distribution)]],
  ];
  return [
    { id, types: ['dcat:Dataset'], props: props.filter(([, v]) => v.length > 0) },
    {
      id: distribution,
      types: ['dcat:Distribution'],
      props: [
        [
          'dct:title',
          [text(`${r.name}（${FORMAT_NAMES[r.format]}${r.formatDetail ? ` ${r.formatDetail}` : ''}）`)],
        ],
        ['dcat:accessURL', [iri(`${base}/api/datasets/${r.id}`)]],
        ['dct:format', [iri(format.iri)]],
      ],
    },
    { id: `${id}#identifier`, types: ['adms:Identifier'], props: [['skos:notation', [plain(r.code)]]] },
    ...agentNodes(base, { id: r.departmentId, name: r.departmentName }, emitted),
    ...[format, frequency, rights, CHINESE, ...(theme ? [theme] : [])].flatMap((c) =>
      conceptNodes(c, emitted),
    ),
  ];
}

export interface CatalogInfo {
  title: string;
  description: string;
  /** Who publishes the catalogue: the data bureau's department (or the site, when none is known). */
  publisher: Agent;
  modified: Date | null;
}

/** The dcat:Catalog node and its publisher (the datasets are linked page by page: catalogLinks). */
export function catalogNodes(base: string, c: CatalogInfo, emitted: Set<string>): RdfNode[] {
  const id = catalogIri(base);
  return [
    {
      id,
      types: ['dcat:Catalog'],
      props: [
        ['dct:title', [text(c.title)]],
        ['dct:description', [text(c.description)]],
        ['dct:publisher', [iri(agentIri(base, c.publisher.id))]],
        ['dct:language', [iri(CHINESE.iri)]],
        ['foaf:homepage', [iri(`${base}/`)]],
        ['dcat:themeTaxonomy', [iri(`${EU}/data-theme`)]],
        ...(c.modified ? ([['dct:modified', [dateTime(c.modified)]]] as [Curie, Term[]][]) : []),
      ],
    },
    { id: `${base}/`, types: ['foaf:Document'], props: [] },
    ...agentNodes(base, c.publisher, emitted),
    ...conceptNodes(CHINESE, emitted),
    ...schemeNodes(`${EU}/data-theme`, emitted),
  ];
}

/** `<catalog> dcat:dataset <d1>, <d2> …` for one page of entries. */
export function catalogLinks(base: string, rows: readonly Pick<DatasetListRow, 'id'>[]): RdfNode {
  return {
    id: catalogIri(base),
    types: [],
    props: [['dcat:dataset', rows.map((r) => iri(datasetIri(base, r.id)))]],
  };
}

export interface Paging {
  /** The address of this page and of the others (absolute, with the query that made them). */
  pageUrl: (page: number) => string;
  page: number;
  pageSize: number;
  total: number;
}

/** hydra:PagedCollection as ckanext-dcat writes it (page links as literals). */
export function pagingNode(p: Paging): RdfNode {
  const last = Math.max(1, Math.ceil(p.total / p.pageSize));
  const link = (n: number) => [plain(p.pageUrl(n))];
  const props: [Curie, Term[]][] = [
    ['hydra:totalItems', [typed(String(p.total), 'xsd:integer')]],
    ['hydra:itemsPerPage', [typed(String(p.pageSize), 'xsd:integer')]],
    ['hydra:firstPage', link(1)],
    ['hydra:lastPage', link(last)],
  ];
  if (p.page < last) props.push(['hydra:nextPage', link(p.page + 1)]);
  if (p.page > 1) props.push(['hydra:previousPage', link(Math.min(p.page - 1, last))]);
  return { id: p.pageUrl(p.page), types: ['hydra:PagedCollection'], props };
}

// ----- serialisers -----

export type RdfFormat = 'ttl' | 'jsonld';

export const CONTENT_TYPES: Record<RdfFormat, string> = {
  ttl: 'text/turtle; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
};

/** A Turtle IRI reference: characters IRIREF forbids are percent-encoded. */
function turtleIri(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what IRIREF forbids
  return `<${value.replace(/[\u0000-\u0020<>"{}|^`\\]/g, (c) => encodeURIComponent(c))}>`;
}

/** A Turtle string: quotes, backslashes and control characters escaped. */
export function turtleString(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters must be escaped in Turtle strings
  const escaped = value.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `"${escaped}"`;
}

function turtleTerm(t: Term): string {
  if ('iri' in t) return turtleIri(t.iri);
  if (t.lang) return `${turtleString(t.value)}@${t.lang}`;
  if (t.datatype) return `${turtleString(t.value)}^^${t.datatype}`;
  return turtleString(t.value);
}

function turtleNode(n: RdfNode): string {
  const lines: string[] = [];
  if (n.types.length) lines.push(`a ${n.types.join(', ')}`);
  for (const [p, values] of n.props)
    if (values.length) lines.push(`${p} ${values.map(turtleTerm).join(', ')}`);
  if (lines.length === 0) return '';
  return `${turtleIri(n.id)} ${lines.join(' ;\n    ')} .\n\n`;
}

function jsonldTerm(t: Term): unknown {
  if ('iri' in t) return { '@id': t.iri };
  if (t.lang) return { '@value': t.value, '@language': t.lang };
  if (t.datatype) return { '@value': t.value, '@type': t.datatype };
  return t.value;
}

function jsonldNode(n: RdfNode): Record<string, unknown> {
  const out: Record<string, unknown> = { '@id': n.id };
  if (n.types.length) out['@type'] = n.types.length === 1 ? n.types[0] : n.types;
  for (const [p, values] of n.props) {
    if (values.length) out[p] = values.length === 1 ? jsonldTerm(values[0]!) : values.map(jsonldTerm);
  }
  return out;
}

/** Writes a graph piece by piece: `start()`, then `nodes()` as often as needed, then `end()`. */
export interface GraphWriter {
  start(): string;
  nodes(nodes: readonly RdfNode[]): string;
  end(): string;
}

export function graphWriter(format: RdfFormat): GraphWriter {
  if (format === 'ttl') {
    return {
      start: () =>
        Object.entries(PREFIXES)
          .map(([p, ns]) => `@prefix ${p}: <${ns}> .`)
          .join('\n') + '\n\n',
      nodes: (nodes) => nodes.map(turtleNode).join(''),
      end: () => '',
    };
  }
  let first = true;
  return {
    start: () => `{"@context":${JSON.stringify(PREFIXES)},"@graph":[\n`,
    nodes: (nodes) => {
      const parts = nodes
        .filter((n) => n.types.length || n.props.some(([, v]) => v.length))
        .map((n) => JSON.stringify(jsonldNode(n)));
      if (parts.length === 0) return '';
      const out = (first ? '' : ',\n') + parts.join(',\n');
      first = false;
      return out;
    },
    end: () => '\n]}\n',
  };
}
