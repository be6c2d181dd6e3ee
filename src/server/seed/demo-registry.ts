import { inArray } from 'drizzle-orm';
import { maxLevel } from '../../domain/catalog.ts';
import { demoCatalogue, type DemoCatalogue } from '../../demo/datasets.ts';
import { presentDataset } from '../modules/catalog/catalog.service.ts';
import type { DemoDepartment } from '../../demo/departments.ts';
import { demoSystems, type DemoSystem } from '../../demo/systems.ts';
import { demoUsage, type DemoUsageRow } from '../../demo/usage.ts';
import { normalizeLoginId } from '../../domain/password-policy.ts';
import type { DbOrTx } from '../db/client.ts';
import {
  datasetReviews,
  datasets,
  datasetVersions,
  systemConsumedDatasets,
} from '../modules/catalog/catalog.tables.ts';
import { datasetSearchVector } from '../modules/catalog/search-vector.ts';
import { departments, users } from '../modules/org/org.tables.ts';
import { systems, systemUsage } from '../modules/registry/registry.tables.ts';

/** The demo registry and catalogue, generated (pure) before the transaction that inserts them. */
export interface DemoRegistryData {
  systems: DemoSystem[];
  usage: DemoUsageRow[];
  catalogue: DemoCatalogue;
}

export function buildDemoRegistry(
  demoDepartments: readonly DemoDepartment[],
  seed: number,
  today: string,
): DemoRegistryData {
  const sys = demoSystems(demoDepartments, seed);
  return {
    systems: sys,
    usage: demoUsage(sys, { today, seed }),
    catalogue: demoCatalogue(demoDepartments, sys, { seed, today }),
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Inserts the demo systems with their usage history, the catalogue with its versions and review
 * log, and what systems consume. Rows that already exist (a forced re-seed) are kept as they are:
 * only newly inserted systems get usage and only newly inserted entries get history.
 */
export async function insertDemoRegistry(
  tx: DbOrTx,
  data: DemoRegistryData,
  progress: (label: string, done: number) => void,
): Promise<{ systems: number; usage: number; datasets: number }> {
  const deptRows = await tx
    .select({
      id: departments.id,
      code: departments.code,
      name: departments.name,
      region: departments.regionCode,
    })
    .from(departments);
  const dept = new Map(deptRows.map((d) => [d.code, d]));
  const deptOf = (code: string) => {
    const d = dept.get(code);
    if (!d) throw new Error(`demo department ${code} is missing`);
    return d;
  };

  // ----- systems and their usage -----
  const inserted = await tx
    .insert(systems)
    .values(
      data.systems.map((s) => ({
        code: s.code,
        name: s.name,
        purpose: s.purpose,
        departmentId: deptOf(s.departmentCode).id,
        regionCode: deptOf(s.departmentCode).region,
        operator: s.operator,
        origin: s.origin,
        verticalLine: s.verticalLine,
        level: s.level,
        deployment: s.deployment,
        securityLevel: s.securityLevel,
        status: s.status,
        launchDate: s.launchDate,
        budget: s.budget,
        userCount: s.userCount,
        interfaces: s.interfaces,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: systems.id, code: systems.code });
  const newSystems = new Set(inserted.map((s) => s.code));
  const systemRows = await tx
    .select({ id: systems.id, code: systems.code, name: systems.name })
    .from(systems)
    .where(
      inArray(
        systems.code,
        data.systems.map((s) => s.code),
      ),
    );
  const systemByCode = new Map(systemRows.map((s) => [s.code, s]));
  progress('systems', inserted.length);

  const usageRows = data.usage
    .filter((u) => newSystems.has(u.systemCode))
    .map((u) => ({
      systemId: systemByCode.get(u.systemCode)!.id,
      day: u.day,
      signal: u.signal,
      count: u.count,
    }));
  for (const batch of chunks(usageRows, 4000)) {
    await tx.insert(systemUsage).values(batch).onConflictDoNothing();
    progress('usage', batch.length);
  }

  // ----- catalogue -----
  const people = await tx
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users);
  const person = new Map(people.map((u) => [u.username, u]));
  const who = (username: string) => {
    const u = person.get(normalizeLoginId(username));
    return { id: u?.id ?? null, name: u?.displayName ?? username };
  };

  const newDatasets = new Map<string, string>(); // code → id
  for (const batch of chunks(data.catalogue.datasets, 200)) {
    const out = await tx
      .insert(datasets)
      .values(
        batch.map((d) => {
          const owner = deptOf(d.departmentCode);
          return {
            code: d.code,
            name: d.name,
            summary: d.summary,
            category: d.category,
            baseResource: d.baseResource,
            theme: d.theme,
            departmentId: owner.id,
            regionCode: owner.region,
            sourceSystemId: d.sourceSystemCode ? (systemByCode.get(d.sourceSystemCode)?.id ?? null) : null,
            format: d.format,
            formatDetail: d.formatDetail,
            fields: d.fields,
            maxLevel: d.maxLevel,
            sharingType: d.sharingType,
            sharingConditions: d.sharingConditions,
            sharingMethod: d.sharingMethod,
            openType: d.openType,
            openConditions: d.openConditions,
            updateFrequency: d.updateFrequency,
            releaseDate: d.releaseDate,
            keywords: d.keywords,
            relatedCodes: d.relatedCodes,
            status: d.status,
            version: d.version,
            publishedAt: d.publishedAt ? new Date(d.publishedAt) : null,
            searchVector: datasetSearchVector({ ...d, departmentName: owner.name }),
            createdBy: d.createdBy,
            createdAt: new Date(d.createdAt),
            updatedAt: new Date(d.updatedAt),
          };
        }),
      )
      .onConflictDoNothing()
      .returning({ id: datasets.id, code: datasets.code });
    for (const r of out) newDatasets.set(r.code, r.id);
    progress('datasets', batch.length);
  }

  const fresh = data.catalogue.datasets.filter((d) => newDatasets.has(d.code));
  const versionRows = fresh.flatMap((d) => {
    const owner = deptOf(d.departmentCode);
    const source = d.sourceSystemCode ? systemByCode.get(d.sourceSystemCode) : undefined;
    const id = newDatasets.get(d.code)!;
    return d.versions.map((v) => ({
      datasetId: id,
      version: v.version,
      // The same presenter the catalogue uses for the versions it writes itself.
      snapshot: presentDataset({
        ...v.meta,
        id,
        departmentId: owner.id,
        departmentName: owner.name,
        regionCode: owner.region,
        sourceSystemId: source?.id ?? null,
        system: source ? { id: source.id, code: source.code, name: source.name } : null,
        maxLevel: maxLevel(v.meta.fields),
        status: 'published',
        version: v.version,
        publishedAt: new Date(v.at),
        createdAt: new Date(d.createdAt),
        updatedAt: new Date(v.at),
        createdBy: d.createdBy,
      }) as unknown as Record<string, unknown>,
      note: v.note,
      createdAt: new Date(v.at),
      createdBy: who(v.by).name,
    }));
  });
  for (const batch of chunks(versionRows, 200)) await tx.insert(datasetVersions).values(batch);

  const reviewRows = fresh.flatMap((d) =>
    d.reviews.map((r) => {
      const actor = who(r.actor);
      return {
        datasetId: newDatasets.get(d.code)!,
        action: r.action,
        fromStatus: r.fromStatus,
        toStatus: r.toStatus,
        comment: r.comment,
        actorId: actor.id,
        actorName: actor.name,
        at: new Date(r.at),
      };
    }),
  );
  for (const batch of chunks(reviewRows, 1000)) await tx.insert(datasetReviews).values(batch);

  const datasetIds = new Map(
    (
      await tx
        .select({ id: datasets.id, code: datasets.code })
        .from(datasets)
        .where(
          inArray(
            datasets.code,
            data.catalogue.consumptions.map((c) => c.datasetCode),
          ),
        )
    ).map((d) => [d.code, d.id]),
  );
  const consumed = data.catalogue.consumptions.flatMap((c) => {
    const systemId = systemByCode.get(c.systemCode)?.id;
    const datasetId = datasetIds.get(c.datasetCode);
    return systemId && datasetId ? [{ systemId, datasetId }] : [];
  });
  if (consumed.length) await tx.insert(systemConsumedDatasets).values(consumed).onConflictDoNothing();

  return { systems: inserted.length, usage: usageRows.length, datasets: newDatasets.size };
}
