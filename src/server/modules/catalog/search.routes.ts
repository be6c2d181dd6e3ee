import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, actorOf, principalOf, viewerOf } from '../../http/access.ts';
import { commonErrors, pageQuery } from '../../http/contract.ts';
import { allPages, sendXlsx } from '../../http/excel.ts';
import { chinaTime, label } from '../../http/labels.ts';
import { pickLang } from '../../http/messages.ts';
import {
  BASE_RESOURCES,
  CLASSIFICATION_LEVELS,
  DATASET_CATEGORIES,
  DATASET_FORMATS,
  DATASET_STATUSES,
  OPEN_TYPES,
  SHARING_TYPES,
  UPDATE_FREQUENCIES,
} from './catalog.tables.ts';
import { DATASET_SORTS, FACETS, type DatasetFilter, type DatasetListRow } from './search.repo.ts';

/** A query parameter that may be repeated (?departmentId=a&departmentId=b). */
const repeatable = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item).max(50)).optional();

const filterQuery = {
  q: z.string().max(100).optional(),
  departmentId: repeatable(z.uuid()),
  category: z.enum(DATASET_CATEGORIES).optional(),
  baseResource: z.enum(BASE_RESOURCES).optional(),
  sharingType: z.enum(SHARING_TYPES).optional(),
  openType: z.enum(OPEN_TYPES).optional(),
  level: z.enum(CLASSIFICATION_LEVELS).optional(),
  updateFrequency: z.enum(UPDATE_FREQUENCIES).optional(),
  format: z.enum(DATASET_FORMATS).optional(),
  status: z.enum(DATASET_STATUSES).optional(),
  sourceSystemId: z.uuid().optional(),
  keyword: z.string().min(1).max(50).optional(),
  modifiedSince: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  sort: z.enum(DATASET_SORTS).default('relevance'),
};

const datasetListQuery = z.strictObject({ ...filterQuery, ...pageQuery });
const datasetExportQuery = z.strictObject(filterQuery);

const datasetListItem = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    summary: z.string(),
    category: z.enum(DATASET_CATEGORIES),
    baseResource: z.enum(BASE_RESOURCES).nullable(),
    department: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    sharingType: z.enum(SHARING_TYPES),
    openType: z.enum(OPEN_TYPES),
    maxLevel: z.enum(CLASSIFICATION_LEVELS),
    updateFrequency: z.enum(UPDATE_FREQUENCIES),
    format: z.enum(DATASET_FORMATS),
    status: z.enum(DATASET_STATUSES),
    version: z.number().int(),
    keywords: z.array(z.string()),
    releaseDate: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DatasetListItem' });

const facetCount = z.object({
  value: z.string(),
  count: z.number().int(),
  name: z.string().optional(),
  code: z.string().optional(),
});
const facetsSchema = z
  .object(
    Object.fromEntries(FACETS.map((k) => [k, z.array(facetCount)])) as Record<
      (typeof FACETS)[number],
      z.ZodArray<typeof facetCount>
    >,
  )
  .meta({ id: 'DatasetFacets' });

const SUMMARY_CHARS = 160;

/** A summary cut to about 160 characters (whole code points), marked when cut. */
export function shortSummary(text: string, max = SUMMARY_CHARS): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('').trimEnd()}…`;
}

function presentListItem(r: DatasetListRow) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    summary: shortSummary(r.summary),
    category: r.category,
    baseResource: r.baseResource,
    department: { id: r.departmentId, code: r.departmentCode, name: r.departmentName },
    sharingType: r.sharingType,
    openType: r.openType,
    maxLevel: r.maxLevel,
    updateFrequency: r.updateFrequency,
    format: r.format,
    status: r.status,
    version: r.version,
    keywords: r.keywords,
    releaseDate: r.releaseDate,
    updatedAt: r.updatedAt.toISOString(),
  };
}

type FilterQuery = Omit<z.infer<typeof datasetExportQuery>, 'sort'>;

function toFilter(q: FilterQuery): DatasetFilter {
  const { modifiedSince, ...rest } = q;
  return { ...rest, ...(modifiedSince ? { modifiedSince: new Date(modifiedSince) } : {}) };
}

/** Catalogue search with facets, and the Excel export of any filtered list. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const search = app.services.catalogSearch;
  const { audit } = app.services;

  app.get(
    '/api/datasets',
    {
      config: { access: access.public },
      schema: {
        tags: ['catalog'],
        summary: 'Search the catalogue: full text (Chinese), filters, facets, sort and paging',
        description:
          'Anonymous callers see published entries whose open type lets them be listed; signed-in callers ' +
          'with catalog.read the whole published catalogue; the bureau and a department data officer also ' +
          'their working entries. Facets are counted under the current filters.',
        querystring: datasetListQuery,
        response: {
          200: z.object({ items: z.array(datasetListItem), total: z.number().int(), facets: facetsSchema }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      const out = await search.search(viewerOf(request), toFilter(f), sort, page, pageSize);
      return { items: out.items.map(presentListItem), total: out.total, facets: out.facets! };
    },
  );

  app.get(
    '/api/datasets/export.xlsx',
    {
      config: { access: access.permission('catalog.read') },
      schema: {
        tags: ['catalog'],
        summary: 'The filtered catalogue as Excel',
        querystring: datasetExportQuery,
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { sort, ...f } = request.query;
      const filter = toFilter(f);
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      await audit.record(actorOf(request), { action: 'dataset.export', detail: { filter: request.query } });
      return sendXlsx<DatasetListRow>(
        reply,
        en ? 'catalogue.xlsx' : '数据资源目录.xlsx',
        en ? 'Catalogue' : '数据资源目录',
        [
          { header: en ? 'Code' : '资源代码', key: 'code', width: 20, value: (d) => d.code },
          { header: en ? 'Name' : '资源名称', key: 'name', width: 30, value: (d) => d.name },
          {
            header: en ? 'Category' : '资源分类',
            key: 'category',
            value: (d) => label('datasetCategory', d.category, lang),
          },
          {
            header: en ? 'Base resource' : '基础资源',
            key: 'base',
            value: (d) => (d.baseResource ? label('baseResource', d.baseResource, lang) : ''),
          },
          { header: en ? 'Theme' : '主题', key: 'theme', value: (d) => d.theme },
          { header: en ? 'Provider' : '提供部门', key: 'dept', width: 24, value: (d) => d.departmentName },
          {
            header: en ? 'Format' : '资源格式',
            key: 'format',
            value: (d) =>
              label('datasetFormat', d.format, lang) + (d.formatDetail ? ` (${d.formatDetail})` : ''),
          },
          {
            header: en ? 'Highest level' : '最高分级',
            key: 'level',
            value: (d) => label('classificationLevel', d.maxLevel, lang),
          },
          {
            header: en ? 'Sharing type' : '共享类型',
            key: 'sharing',
            value: (d) => label('sharingType', d.sharingType, lang),
          },
          {
            header: en ? 'Sharing conditions' : '共享条件',
            key: 'sharingCond',
            value: (d) => d.sharingConditions,
          },
          {
            header: en ? 'Open type' : '开放类型',
            key: 'open',
            value: (d) => label('openType', d.openType, lang),
          },
          {
            header: en ? 'Update frequency' : '更新周期',
            key: 'freq',
            value: (d) => label('updateFrequency', d.updateFrequency, lang),
          },
          {
            header: en ? 'Keywords' : '关键词',
            key: 'keywords',
            width: 24,
            value: (d) => d.keywords.join('、'),
          },
          { header: en ? 'Release date' : '发布日期', key: 'release', value: (d) => d.releaseDate },
          {
            header: en ? 'Status' : '状态',
            key: 'status',
            value: (d) => label('datasetStatus', d.status, lang),
          },
          { header: en ? 'Version' : '版本', key: 'version', value: (d) => d.version },
          {
            header: en ? 'Updated' : '更新时间',
            key: 'updated',
            width: 20,
            value: (d) => chinaTime(d.updatedAt),
          },
          { header: en ? 'Summary' : '资源摘要', key: 'summary', width: 50, value: (d) => d.summary },
        ],
        // Pages of items only: the export needs no count.
        allPages(async (page, size) => ({
          items: await search.items(p, filter, sort, (page - 1) * size, size),
          total: 0,
        })),
      );
    },
  );
};
