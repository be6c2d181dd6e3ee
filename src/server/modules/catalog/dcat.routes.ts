import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, viewerOf } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import type { Principal } from '../auth/principal.ts';
import { codeFromSlug } from './ckan.ts';
import {
  catalogLinks,
  catalogNodes,
  catalogTitle,
  CONTENT_TYPES,
  datasetNodes,
  graphWriter,
  pagingNode,
  publicBase,
  type CatalogInfo,
  type RdfFormat,
} from './dcat.ts';
import { type DatasetFilter } from './search.repo.ts';

/** Rows fetched per statement while streaming the whole catalogue (keyset paging by id). */
const STREAM_BATCH = 500;
const DEFAULT_PAGE_SIZE = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const catalogQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  page_size: z.coerce.number().int().min(1).max(1000).default(DEFAULT_PAGE_SIZE),
  modified_since: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
});

/** Public answers may be cached briefly; what a signed-in caller sees may not. */
function cacheHeaders(reply: FastifyReply, viewer: Principal | null) {
  reply.header('cache-control', viewer ? 'private, no-store' : 'public, max-age=60');
  reply.header('vary', 'cookie, authorization');
}

/** DCAT-AP 3.0.1 export of the published catalogue, as ckanext-dcat serves it. */
export const dcatRoutes: FastifyPluginAsyncZod = async (app) => {
  const search = app.services.catalogSearch;

  async function catalogInfo(viewer: Principal | null, filter: DatasetFilter, base: string) {
    const [summary, site] = await Promise.all([search.summary(viewer, filter), search.site()]);
    const title = catalogTitle(site.districtName);
    const info: CatalogInfo = {
      title,
      description: `${site.bureau?.name ?? title}发布的公共数据资源目录（DCAT-AP 3.0.1）`,
      publisher: site.bureau ?? { id: 'site', name: title },
      modified: summary.modified,
    };
    return { info, total: summary.total, base };
  }

  /** The whole catalogue (keyset pages) or one page of it, serialised piece by piece. */
  async function* catalogChunks(
    format: RdfFormat,
    viewer: Principal | null,
    filter: DatasetFilter,
    head: Awaited<ReturnType<typeof catalogInfo>>,
    paging: { page: number; pageSize: number; pageUrl: (n: number) => string } | null,
  ): AsyncGenerator<Buffer> {
    const { base } = head;
    const w = graphWriter(format);
    const emitted = new Set<string>();
    const out = (s: string) => Buffer.from(s, 'utf8');
    yield out(w.start() + w.nodes(catalogNodes(base, head.info, emitted)));
    if (paging) {
      const rows = await search.items(
        viewer,
        filter,
        '-updatedAt',
        (paging.page - 1) * paging.pageSize,
        paging.pageSize,
      );
      yield out(
        w.nodes([
          pagingNode({ ...paging, total: head.total }),
          catalogLinks(base, rows),
          ...rows.flatMap((r) => datasetNodes(base, r, emitted)),
        ]),
      );
    } else {
      let after: string | null = null;
      for (;;) {
        const rows = await search.after(viewer, filter, after, STREAM_BATCH);
        if (rows.length === 0) break;
        yield out(
          w.nodes([catalogLinks(base, rows), ...rows.flatMap((r) => datasetNodes(base, r, emitted))]),
        );
        if (rows.length < STREAM_BATCH) break;
        after = rows[rows.length - 1]!.id;
      }
    }
    yield out(w.end());
  }

  const catalogRoute = (format: RdfFormat) => async (request: FastifyRequest, reply: FastifyReply) => {
    const query = request.query as z.infer<typeof catalogQuery>;
    const viewer = viewerOf(request);
    const base = publicBase(request.protocol, request.host, app.services.config.PUBLIC_URL);
    const filter: DatasetFilter = {
      status: 'published',
      ...(query.modified_since ? { modifiedSince: new Date(query.modified_since) } : {}),
    };
    // Counted before the first byte, so that a failure is still an error answer, not a cut stream.
    const head = await catalogInfo(viewer, filter, base);
    const path = `/catalog.${format}`;
    const pageUrl = (n: number) => {
      const params = new URLSearchParams({ page: String(n) });
      if (query.page_size !== DEFAULT_PAGE_SIZE) params.set('page_size', String(query.page_size));
      if (query.modified_since) params.set('modified_since', query.modified_since);
      return `${base}${path}?${params.toString()}`;
    };
    const paging = query.page ? { page: query.page, pageSize: query.page_size, pageUrl } : null;
    cacheHeaders(reply, viewer);
    return reply
      .type(CONTENT_TYPES[format])
      .send(Readable.from(catalogChunks(format, viewer, filter, head, paging), { objectMode: false }));
  };

  const datasetRoute = (format: RdfFormat) => async (request: FastifyRequest, reply: FastifyReply) => {
    const { id } = request.params as { id: string };
    const viewer = viewerOf(request);
    const base = publicBase(request.protocol, request.host, app.services.config.PUBLIC_URL);
    const key = UUID.test(id) ? { id: id.toLowerCase() } : { code: codeFromSlug(id) };
    const row = await search.one(viewer, key, { status: 'published' });
    if (!row) throw notFound();
    const w = graphWriter(format);
    cacheHeaders(reply, viewer);
    return reply
      .type(CONTENT_TYPES[format])
      .send(w.start() + w.nodes(datasetNodes(base, row, new Set())) + w.end());
  };

  const formats: RdfFormat[] = ['jsonld', 'ttl'];
  for (const format of formats) {
    app.get(
      `/catalog.${format}`,
      {
        config: { access: access.public },
        schema: {
          tags: ['catalog'],
          summary: `The published catalogue as DCAT-AP 3.0.1 (${format === 'ttl' ? 'Turtle' : 'JSON-LD'})`,
          description:
            'Without `page` the whole visible catalogue is streamed; with `page` (1-based) one page of ' +
            '`page_size` entries (default 100, at most 1000) with hydra:PagedCollection paging links. ' +
            '`modified_since`: entries changed at or after this date or time. Anonymous callers see ' +
            'entries whose open type lets them be listed.',
          querystring: catalogQuery,
        },
      },
      catalogRoute(format),
    );
    app.get(
      `/dataset/:id.${format}`,
      {
        config: { access: access.public },
        schema: {
          tags: ['catalog'],
          summary: `One published entry as DCAT-AP 3.0.1 (${format === 'ttl' ? 'Turtle' : 'JSON-LD'}); id or CKAN name`,
          params: z.object({ id: z.string().min(1).max(100) }),
        },
      },
      datasetRoute(format),
    );
  }
};
