import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, viewerOf } from '../../http/access.ts';
import { toAppError } from '../../http/error-handler.ts';
import { pickLang, type Lang } from '../../http/messages.ts';
import { localiseIssue } from '../../http/validation.ts';
import type { Principal } from '../auth/principal.ts';
import {
  CKAN_FACETS,
  CKAN_VERSION,
  CkanQueryError,
  ckanFacetItems,
  ckanFacets,
  codeFromSlug,
  parseCkanQuery,
  parseCkanSort,
  presentOrganization,
  presentPackage,
  presentTag,
  slugOf,
  type CkanFacet,
  type CkanFacetItem,
} from './ckan.ts';
import { catalogTitle, publicBase } from './dcat.ts';
import { type DatasetFilter, type FacetName } from './search.repo.ts';

/** A CKAN error: its __type, HTTP status and message (or CKAN's per-field messages for validation). */
class CkanError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}
const notFound = (what?: string) =>
  new CkanError('Not Found Error', 404, what ? `Not found: ${what}` : 'Not found');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// CKAN's parameter conventions: numbers and booleans may come as strings (GET) or JSON values (POST).
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = z
  .union([z.boolean(), z.enum(['true', 'false', 'True', 'False', '1', '0', 'yes', 'no', 'on', 'off'])])
  .transform((v) => v === true || (typeof v === 'string' && ['true', 'True', '1', 'yes', 'on'].includes(v)));
const str = (max = 1000) => z.string().max(max);
const list = z.union([
  z.array(z.string().max(100)).max(50),
  z
    .string()
    .max(2000)
    .transform((s, ctx) => {
      try {
        const v: unknown = JSON.parse(s);
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
      } catch {
        // fall through
      }
      ctx.addIssue({ code: 'custom', message: 'Must be a JSON list of strings' });
      return z.NEVER;
    }),
]);

const actionParams = {
  package_search: z.object({
    q: str().optional(),
    fq: str().optional(),
    fq_list: z.union([z.array(str()), str()]).optional(),
    rows: int(0, 1000).default(10),
    start: int(0, 1_000_000).default(0),
    sort: str(200).optional(),
    'facet.field': list.optional(),
    'facet.limit': int(-1, 1000).default(50),
    'facet.mincount': int(0, 1_000_000).default(1),
    include_deleted: bool.default(false),
  }),
  package_show: z.object({ id: str(200).min(1) }),
  package_list: z.object({ limit: int(1, 100_000).optional(), offset: int(0, 10_000_000).default(0) }),
  organization_list: z.object({
    all_fields: bool.default(false),
    sort: str(100).default('title asc'),
    limit: int(1, 1000).optional(),
    offset: int(0, 100_000).default(0),
    organizations: list.optional(),
    q: str(100).optional(),
  }),
  organization_show: z.object({ id: str(200).min(1), include_datasets: bool.default(false) }),
  tag_list: z.object({ query: str(100).optional(), all_fields: bool.default(false) }),
  status_show: z.object({}),
  site_read: z.object({}),
  help_show: z.object({ name: str(100).min(1) }),
} as const;
type Action = keyof typeof actionParams;

const HELP: Record<Action, string> = {
  package_search:
    'Search the published catalogue. q: Chinese full text (or *:*); fq: organization:, tags:, res_format:, ' +
    'category:, sharing_type:, open_type:, update_frequency:, max_level:, metadata_modified:[from TO *]; ' +
    'rows (≤ 1000), start, sort (score desc, metadata_modified desc, title_string asc|desc, name asc), ' +
    'facet.field (a JSON list), facet.limit, facet.mincount, include_deleted.',
  package_show: 'One package by id or name.',
  package_list: 'The names of the published packages (limit, offset).',
  organization_list: 'The organizations (departments): names, or objects with all_fields=true.',
  organization_show: 'One organization by id or name; include_datasets lists its packages.',
  tag_list:
    'The tags (keywords) of published packages; query filters by prefix; all_fields=true gives objects.',
  status_show: 'The site and the CKAN API version it speaks.',
  site_read: 'Whether the site may be read (always true).',
  help_show: 'The help text of an action.',
};

const FACET_OF: Partial<Record<CkanFacet, FacetName>> = {
  organization: 'department',
  res_format: 'format',
  license_id: 'openType',
  category: 'category',
  sharing_type: 'sharingType',
  open_type: 'openType',
  update_frequency: 'updateFrequency',
  max_level: 'maxLevel',
};

/** CKAN's validation error, its reasons worded like our API's own (in the caller's language). */
function validationError(issues: z.core.$ZodIssue[], lang: Lang): CkanError {
  const fields: Record<string, string[]> = {};
  for (const i of issues) {
    const key = i.path.map(String).join('.') || 'data';
    (fields[key] ??= []).push(localiseIssue(i, lang) ?? i.message);
  }
  return new CkanError('Validation Error', 409, 'Validation Error', fields);
}

/** A CKAN-compatible read API (/api/3/action/*) over the published catalogue. */
export const ckanRoutes: FastifyPluginAsyncZod = async (app) => {
  const search = app.services.catalogSearch;
  const published = (includeDeleted = false): DatasetFilter => ({
    status: includeDeleted ? ['published', 'deprecated'] : 'published',
  });

  const helpUrl = (request: FastifyRequest, action: string) =>
    `${publicBase(request.protocol, request.host, app.services.config.PUBLIC_URL)}/api/3/action/help_show?name=${encodeURIComponent(action)}`;

  const fail = (request: FastifyRequest, reply: FastifyReply, action: string, e: CkanError) =>
    reply.status(e.status).send({
      help: helpUrl(request, action),
      success: false,
      error: e.fields ? { __type: e.type, ...e.fields } : { __type: e.type, message: e.message },
    });

  // Errors raised before an action runs (a bad bearer token, a malformed body) keep the envelope too.
  app.setErrorHandler((err, request, reply) => {
    const action = (request.params as { action?: string } | undefined)?.action ?? '';
    const appErr = toAppError(err);
    if (!appErr) {
      request.log.error({ err: { message: (err as Error).message } }, 'ckan action failed');
      return fail(
        request,
        reply,
        action,
        new CkanError('Internal Server Error', 500, 'Internal Server Error'),
      );
    }
    if (appErr.status === 401 || appErr.status === 403)
      return fail(request, reply, action, new CkanError('Authorization Error', 403, 'Access denied'));
    if (appErr.status === 404) return fail(request, reply, action, notFound());
    return fail(
      request,
      reply,
      action,
      new CkanError('Bad Request', appErr.status, `Bad request - ${appErr.code}`),
    );
  });

  async function departmentIds(clauses: string[][]): Promise<string[] | undefined> {
    if (clauses.length === 0) return undefined;
    const all = await search.departments();
    let ids: string[] | undefined;
    for (const names of clauses) {
      const found = all.filter((d) => names.includes(d.code) || names.includes(d.id)).map((d) => d.id);
      ids = ids === undefined ? found : ids.filter((id) => found.includes(id));
    }
    return ids ?? [];
  }

  async function findPackage(viewer: Principal | null, id: string, base: string) {
    const key = UUID.test(id) ? { id: id.toLowerCase() } : { code: codeFromSlug(id) };
    const row = await search.one(viewer, key, published(true));
    if (!row) throw notFound();
    return presentPackage(row, base);
  }

  async function findDepartment(id: string) {
    const [d] = await search.departments(UUID.test(id) ? { id: id.toLowerCase() } : { code: id });
    if (!d) throw notFound();
    return d;
  }

  const actions: { [A in Action]: (p: z.infer<(typeof actionParams)[A]>, ctx: Ctx) => Promise<unknown> } = {
    async package_search(p, { viewer, base }) {
      const fqs = [p.fq, ...(Array.isArray(p.fq_list) ? p.fq_list : p.fq_list ? [p.fq_list] : [])];
      const parsed = parseCkanQuery(p.q, fqs.filter(Boolean).join(' '));
      const sort = parseCkanSort(p.sort);
      const depts = await departmentIds(parsed.organizations);
      const filter: DatasetFilter = {
        ...parsed.filter,
        ...published(p.include_deleted),
        ...(parsed.text ? { q: parsed.text } : {}),
      };
      const fields = (p['facet.field'] ?? []).filter((f): f is CkanFacet =>
        (CKAN_FACETS as readonly string[]).includes(f),
      );
      const empty = depts !== undefined && depts.length === 0;
      if (depts) filter.departmentId = depts;
      const wantsGrouped = fields.some((f) => FACET_OF[f]);
      const [rows, counts, tags] = empty
        ? [[], { total: 0, facets: null }, []]
        : await Promise.all([
            p.rows > 0 ? search.items(viewer, filter, sort, p.start, p.rows) : Promise.resolve([]),
            search.counts(viewer, filter, wantsGrouped),
            fields.includes('tags')
              ? search.keywordCounts(viewer, filter, {
                  limit: p['facet.limit'] < 0 ? undefined : p['facet.limit'],
                })
              : Promise.resolve([]),
          ]);
      const items: Partial<Record<CkanFacet, CkanFacetItem[]>> = {};
      for (const f of fields) {
        const ours = FACET_OF[f];
        if (f === 'tags')
          items.tags = tags.map((t) => ({ name: t.keyword, display_name: t.keyword, count: t.count }));
        else if (ours) items[f] = ckanFacetItems(f, counts.facets?.[ours] ?? []);
        else items[f] = [];
      }
      return {
        count: counts.total,
        sort: p.sort ?? 'score desc, metadata_modified desc',
        ...ckanFacets(items, p['facet.limit'], p['facet.mincount']),
        results: rows.map((r) => presentPackage(r, base)),
      };
    },

    async package_show(p, { viewer, base }) {
      return findPackage(viewer, p.id, base);
    },

    async package_list(p, { viewer }) {
      const codes = await search.codes(viewer, published(), p.offset, p.limit ?? null);
      return codes.map(slugOf);
    },

    async organization_list(p, { viewer }) {
      let depts = await search.departments();
      if (p.organizations) depts = depts.filter((d) => p.organizations!.includes(d.code));
      if (p.q) {
        const q = p.q.toLowerCase();
        depts = depts.filter((d) => d.code.includes(q) || d.name.toLowerCase().includes(q));
      }
      const counts = await search.countsByDepartment(viewer, published());
      const count = (id: string) => counts.get(id) ?? 0;
      const [field, dir] = p.sort.trim().toLowerCase().split(/\s+/);
      const sign = dir === 'desc' ? -1 : 1;
      if (field === 'package_count')
        depts.sort((a, b) => sign * (count(a.id) - count(b.id)) || a.code.localeCompare(b.code));
      else if (field === 'name') depts.sort((a, b) => sign * a.code.localeCompare(b.code));
      else if (field === 'title')
        depts.sort((a, b) => sign * a.name.localeCompare(b.name, 'zh-CN') || a.code.localeCompare(b.code));
      else
        throw new CkanError('Validation Error', 409, 'Validation Error', {
          sort: [`Cannot sort by field "${field}"`],
        });
      const page = depts.slice(p.offset, p.limit ? p.offset + p.limit : undefined);
      return p.all_fields ? page.map((d) => presentOrganization(d, count(d.id))) : page.map((d) => d.code);
    },

    async organization_show(p, { viewer, base }) {
      const d = await findDepartment(p.id);
      const filter: DatasetFilter = { ...published(), departmentId: [d.id] };
      const { total } = await search.counts(viewer, filter, false);
      const org = presentOrganization(d, total);
      if (!p.include_datasets) return org;
      const rows = await search.items(viewer, filter, 'name', 0, 1000);
      return { ...org, packages: rows.map((r) => presentPackage(r, base)) };
    },

    async tag_list(p, { viewer }) {
      const tags = await search.keywordCounts(viewer, published(), { prefix: p.query, order: 'name' });
      return p.all_fields ? tags.map((t) => presentTag(t.keyword)) : tags.map((t) => t.keyword);
    },

    async status_show(_p, { base }) {
      const site = await search.site();
      return {
        site_title: catalogTitle(site.districtName),
        site_description: site.bureau ? `${site.bureau.name}维护的公共数据资源目录` : '公共数据资源目录',
        site_url: base,
        ckan_version: CKAN_VERSION,
        error_emails_to: null,
        locale_default: 'zh_Hans_CN',
        extensions: ['dcat', 'opendistrict'],
      };
    },

    async site_read() {
      return true;
    },

    async help_show(p) {
      if (!(p.name in HELP)) throw notFound(p.name);
      return HELP[p.name as Action];
    },
  };

  interface Ctx {
    viewer: Principal | null;
    base: string;
  }

  async function handle(request: FastifyRequest, reply: FastifyReply) {
    const action = (request.params as { action: string }).action;
    if (!(action in actions)) {
      return fail(
        request,
        reply,
        action,
        new CkanError('Bad Request', 400, `Bad request - Action name not known: ${action}`),
      );
    }
    const name = action as Action;
    const body = request.body;
    if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body))) {
      return fail(
        request,
        reply,
        action,
        new CkanError('Bad Request', 400, 'Bad request - JSON Error: the request data must be a JSON object'),
      );
    }
    const input = {
      ...(request.query as Record<string, unknown>),
      ...((body as Record<string, unknown>) ?? {}),
    };
    const parsed = actionParams[name].safeParse(input);
    try {
      if (!parsed.success)
        throw validationError(parsed.error.issues, pickLang(request.headers['accept-language']));
      const ctx: Ctx = {
        viewer: viewerOf(request),
        base: publicBase(request.protocol, request.host, app.services.config.PUBLIC_URL),
      };
      const result = await (actions[name] as (p: unknown, c: Ctx) => Promise<unknown>)(parsed.data, ctx);
      return reply.send({ help: helpUrl(request, action), success: true, result });
    } catch (err) {
      if (err instanceof CkanError) return fail(request, reply, action, err);
      if (err instanceof CkanQueryError)
        return fail(
          request,
          reply,
          action,
          new CkanError('Search Query Error', 400, `Search Query is invalid: ${err.message}`),
        );
      throw err;
    }
  }

  const schema = {
    tags: ['ckan'],
    summary:
      'CKAN action API (read): package_search, package_show, package_list, organization_list, organization_show, tag_list, status_show',
    description:
      "CKAN 2.10's envelope {help, success, result} or {help, success: false, error: {__type, message}}. " +
      'Parameters come as query parameters (GET) or a JSON object (POST). Anonymous callers see published ' +
      'entries whose open type lets them be listed; API clients with catalog.read the whole published catalogue.',
    params: z.object({ action: z.string().max(100) }),
  };
  for (const prefix of ['/api/3/action', '/api/action']) {
    // /api/action/* is the same API without the version, as CKAN serves it for older clients.
    app.get(`${prefix}/:action`, { config: { access: access.public }, schema }, handle);
    app.post(`${prefix}/:action`, { config: { access: access.public }, schema }, handle);
  }
};
