import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, actorOf, principalOf } from '../../http/access.ts';
import { commonErrors, listOf, pageQuery } from '../../http/contract.ts';
import { allPages, sendXlsx } from '../../http/excel.ts';
import { label } from '../../http/labels.ts';
import { pickLang } from '../../http/messages.ts';
import { divisionCode, level } from './org.contract.ts';

const regionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level,
    parentCode: z.string().nullable(),
    hasBoundary: z.boolean(),
    schematic: z.boolean(),
    childCount: z.number().int(),
  })
  .meta({ id: 'Region' });

const regionQuery = z.strictObject({
  sort: z.enum(['code', '-code', 'name', '-name']).default('code'),
  level: level.optional(),
  parentCode: divisionCode.optional(),
  q: z.string().max(50).optional(),
  ...pageQuery,
  // The whole district (86 regions) fits one page, for trees and maps.
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

const featureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        properties: z.object({ code: z.string(), name: z.string(), level, schematic: z.boolean() }),
        geometry: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'RegionBoundaries' });

/** Regions: the division-code tree in the caller's scope, boundaries and exports. */
export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { org, audit } = app.services;
  app.get(
    '/api/regions',
    {
      config: { access: access.permission('regions.read') },
      schema: {
        tags: ['org'],
        summary: 'Regions in my scope',
        querystring: regionQuery,
        response: { 200: listOf(regionSchema), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      return org.listRegions(principalOf(request), f, page, pageSize, sort);
    },
  );

  app.get(
    '/api/regions/export.xlsx',
    {
      config: { access: access.permission('regions.read') },
      schema: {
        tags: ['org'],
        summary: 'Regions as Excel',
        querystring: regionQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      await audit.record(actorOf(request), { action: 'region.export', detail: { filter: request.query } });
      return sendXlsx(
        reply,
        en ? 'regions.xlsx' : '区划.xlsx',
        en ? 'Regions' : '区划',
        [
          { header: en ? 'Code' : '区划代码', key: 'code', value: (r) => r.code },
          { header: en ? 'Name' : '名称', key: 'name', width: 24, value: (r) => r.name },
          { header: en ? 'Level' : '层级', key: 'level', value: (r) => label('regionLevel', r.level, lang) },
          { header: en ? 'Parent' : '上级代码', key: 'parent', value: (r) => r.parentCode },
          { header: en ? 'Children' : '下级数', key: 'children', value: (r) => r.childCount },
          {
            header: en ? 'Boundary' : '边界',
            key: 'boundary',
            value: (r) =>
              label('boundary', r.hasBoundary ? (r.schematic ? 'schematic' : 'uploaded') : 'none', lang),
          },
        ],
        allPages((page, size) => {
          const { sort, ...f } = request.query;
          return org.listRegions(p, f, page, size, sort);
        }),
      );
    },
  );

  app.get(
    '/api/regions/boundaries',
    {
      config: { access: access.permission('regions.read') },
      schema: {
        tags: ['org'],
        summary: 'Boundaries as a GeoJSON FeatureCollection (children of parentCode, or one code)',
        querystring: z.strictObject({
          parentCode: divisionCode.optional(),
          code: divisionCode.optional(),
          level: level.optional(),
        }),
        response: { 200: featureCollection, ...commonErrors },
      },
    },
    async (request) => org.boundaries(principalOf(request), request.query),
  );

  app.get(
    '/api/regions/:code',
    {
      config: { access: access.permission('regions.read') },
      schema: {
        tags: ['org'],
        summary: 'One region in my scope',
        params: z.object({ code: divisionCode }),
        response: { 200: regionSchema, ...commonErrors },
      },
    },
    async (request) => org.region(principalOf(request), request.params.code),
  );

  app.post(
    '/api/regions',
    {
      config: { access: access.permission('regions.manage') },
      schema: {
        tags: ['org'],
        summary: 'Add a region (a park, or a street or community missing from the division data)',
        body: z.strictObject({
          code: divisionCode,
          name: z.string().trim().min(2).max(50),
          level,
          parentCode: divisionCode.nullable(),
        }),
        response: {
          201: z.object({ code: z.string(), name: z.string(), level, parentCode: z.string().nullable() }),
          ...commonErrors,
          409: commonErrors[400],
        },
      },
    },
    async (request, reply) => {
      const row = await org.createRegion(principalOf(request), request.body, actorOf(request));
      reply.status(201);
      return { code: row.code, name: row.name, level: row.level, parentCode: row.parentCode };
    },
  );

  app.patch(
    '/api/regions/:code',
    {
      config: { access: access.permission('regions.manage') },
      schema: {
        tags: ['org'],
        summary: 'Rename a region',
        params: z.object({ code: divisionCode }),
        body: z.strictObject({ name: z.string().trim().min(2).max(50) }),
        response: { 200: regionSchema, ...commonErrors },
      },
    },
    async (request) =>
      org.renameRegion(principalOf(request), request.params.code, request.body.name, actorOf(request)),
  );

  app.put(
    '/api/regions/:code/boundary',
    {
      config: { access: access.permission('regions.manage') },
      schema: {
        tags: ['org'],
        summary: 'Upload a real boundary (GeoJSON Polygon, MultiPolygon or Feature; WGS84)',
        params: z.object({ code: divisionCode }),
        body: z.record(z.string(), z.unknown()),
        response: { 200: z.object({ code: z.string(), schematic: z.boolean() }), ...commonErrors },
      },
    },
    async (request) =>
      org.setBoundary(principalOf(request), request.params.code, request.body, actorOf(request)),
  );
};
