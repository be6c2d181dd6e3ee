import { generate as totpGenerate, generateSecret, generateURI, verify as totpVerify } from 'otplib';
import {
  checkPassword,
  normalizeLoginId,
  PASSWORD_PROFILES,
  passwordExpired,
} from '../../../domain/password-policy.ts';
import { ADMIN_TRIAD, isRole, permissionsOf, type Permission } from '../../../domain/permissions.ts';
import type { Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import { decryptField, encryptField, fieldKeysOf, randomToken, sm3Hex } from '../../crypto/index.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../crypto/passwords.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { UsersRepo, UserWithRoles } from '../org/users.repo.ts';
import type { AuthRepo } from './auth.repo.ts';
import type { Principal } from './principal.ts';

export interface LoginOutcome {
  status: 'ok' | 'mfa_required' | 'password_change_required';
  sessionToken: string;
  user: UserWithRoles;
}

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly repo: AuthRepo,
    private readonly users: UsersRepo,
    private readonly audit: AuditService,
    private readonly config: Config,
    private readonly clock: Clock,
  ) {}

  private get fieldKeys() {
    return fieldKeysOf(this.config.secrets);
  }

  /** Admins must use a second factor outside the demo profile (AUTH-5). */
  private mfaMandatory(user: UserWithRoles): boolean {
    return this.config.production && user.roles.some((r) => ADMIN_TRIAD.includes(r));
  }

  /**
   * Password sign-in. Unknown users and wrong passwords cost the same and answer the same; failures
   * are counted per login id whether or not the account exists, and lock after the threshold (AUTH-3).
   */
  async login(username: string, password: string, actor: Actor): Promise<LoginOutcome> {
    const loginId = normalizeLoginId(username);
    const now = this.clock.now();
    const failures = await this.repo.failures(loginId);
    const user = await this.users.findByUsername(loginId);
    const who = {
      ...actor,
      actor: loginId,
      actorId: user?.id ?? null,
      role: user?.roles.join(',') || 'anonymous',
    };
    const lockedUntil = [failures?.lockedUntil, user?.lockedUntil].filter((d): d is Date => !!d && d > now);
    if (lockedUntil.length) {
      await this.audit.record(who, { action: 'auth.login', result: 'denied', detail: { reason: 'locked' } });
      throw this.lockedError(lockedUntil, now);
    }
    const ok = user
      ? await verifyPassword(user.passwordHash, password)
      : (await verifyPassword(await dummyHash(), password), false);
    if (!ok || !user) {
      const lockAt = await this.db.transaction(async (tx) => {
        const row = await this.repo.addFailure(tx, loginId, now);
        await this.audit.append(tx, who, {
          action: 'auth.login',
          result: 'failure',
          detail: { failures: row.count },
        });
        if (row.count >= this.config.LOCKOUT_THRESHOLD) {
          const until = new Date(now.getTime() + this.config.LOCKOUT_MINUTES * 60_000);
          await this.repo.setLock(tx, loginId, until);
          await this.audit.append(tx, who, {
            action: 'auth.lock',
            target: loginId,
            detail: { until: until.toISOString(), failures: row.count },
          });
          return until;
        }
        return null;
      });
      if (lockAt) throw this.lockedError([lockAt], now);
      throw new AppError('INVALID_CREDENTIALS');
    }
    if (user.status !== 'active') {
      await this.audit.record(who, {
        action: 'auth.login',
        result: 'denied',
        detail: { reason: 'disabled' },
      });
      throw new AppError('ACCOUNT_DISABLED');
    }
    const token = randomToken(32);
    const mustChange =
      user.mustChangePassword || passwordExpired(this.config.PASSWORD_PROFILE, user.passwordChangedAt, now);
    const needsMfa = user.totpEnabled || this.mfaMandatory(user);
    await this.db.transaction(async (tx) => {
      // With a second factor pending, failures are cleared only once the code is right too.
      if (!needsMfa) await this.repo.clearFailures(tx, loginId);
      await this.repo.insertSession(tx, {
        id: sm3Hex(token),
        userId: user.id,
        csrfToken: randomToken(24),
        mfaPassed: !needsMfa,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.SESSION_MAX_HOURS * 3_600_000),
        ip: actor.ip,
      });
      await this.users.update(tx, user.id, { lastLoginAt: now, mustChangePassword: mustChange });
      await this.audit.append(tx, who, {
        action: 'auth.login',
        detail: { mfaPending: needsMfa, passwordChangeRequired: mustChange },
      });
    });
    const status = needsMfa ? 'mfa_required' : mustChange ? 'password_change_required' : 'ok';
    return { status, sessionToken: token, user: { ...user, mustChangePassword: mustChange } };
  }

  private lockedError(until: Date[], now: Date): AppError {
    const last = Math.max(...until.map((d) => d.getTime()));
    return new AppError('ACCOUNT_LOCKED', {
      minutes: Math.max(1, Math.ceil((last - now.getTime()) / 60_000)),
    });
  }

  /** Second step of sign-in, or the first use after enrolment. */
  async verifyTotp(principal: Principal, code: string, actor: Actor): Promise<void> {
    const user = await this.users.findById(principal.userId!);
    if (!user?.totpSecretEnc) throw new AppError('MFA_REQUIRED');
    const now = this.clock.now();
    const failures = await this.repo.failures(user.username);
    if (
      (failures?.lockedUntil && failures.lockedUntil > now) ||
      (user.lockedUntil && user.lockedUntil > now)
    ) {
      await this.db.transaction((tx) => this.repo.deleteSession(tx, principal.sessionId!));
      throw this.lockedError(
        [failures?.lockedUntil, user.lockedUntil].filter((d): d is Date => !!d && d > now),
        now,
      );
    }
    const secret = decryptField(this.fieldKeys, user.totpSecretEnc);
    const epoch = Math.floor(this.clock.now().getTime() / 1000);
    const result = await totpVerify({ secret, token: code, epoch, epochTolerance: 30 });
    // A code is good once: a step at or before the last accepted one is a replay.
    const step = result.valid ? Math.floor(epoch / 30) + (result.delta ?? 0) : null;
    if (!result.valid || (user.totpLastStep !== null && step! <= user.totpLastStep)) {
      // Wrong codes count towards the same lockout as wrong passwords.
      await this.db.transaction(async (tx) => {
        const row = await this.repo.addFailure(tx, user.username, this.clock.now());
        await this.audit.append(tx, actor, {
          action: 'auth.mfa',
          result: 'failure',
          detail: { failures: row.count },
        });
        if (row.count >= this.config.LOCKOUT_THRESHOLD) {
          const until = new Date(this.clock.now().getTime() + this.config.LOCKOUT_MINUTES * 60_000);
          await this.repo.setLock(tx, user.username, until);
          await this.repo.deleteSession(tx, principal.sessionId!);
          await this.audit.append(tx, actor, {
            action: 'auth.lock',
            target: user.username,
            detail: { until: until.toISOString() },
          });
        }
      });
      throw new AppError('MFA_INVALID');
    }
    await this.db.transaction(async (tx) => {
      await this.repo.updateSession(tx, principal.sessionId!, { mfaPassed: true });
      await this.repo.clearFailures(tx, user.username);
      await this.users.update(tx, user.id, { totpEnabled: true, totpLastStep: step });
      await this.audit.append(tx, actor, { action: user.totpEnabled ? 'auth.mfa' : 'auth.mfa.enrol' });
    });
  }

  /** Starts TOTP enrolment: stores a new encrypted secret, returned once for the authenticator app. */
  async enrolTotp(principal: Principal, actor: Actor): Promise<{ secret: string; otpauthUrl: string }> {
    const user = await this.users.findById(principal.userId!);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (user.totpEnabled && !principal.mfaPassed) throw new AppError('MFA_REQUIRED');
    const secret = generateSecret();
    await this.db.transaction(async (tx) => {
      await this.users.update(tx, user.id, {
        totpSecretEnc: encryptField(this.fieldKeys, secret),
        totpEnabled: false,
      });
      await this.audit.append(tx, actor, { action: 'auth.mfa.enrol.start' });
    });
    return { secret, otpauthUrl: generateURI({ issuer: 'OpenDistrict', label: user.username, secret }) };
  }

  /** For tests and the CLI: the current code of a secret. */
  static totpNow(secret: string, at: Date): Promise<string> {
    return totpGenerate({ secret, epoch: Math.floor(at.getTime() / 1000) });
  }

  async logout(principal: Principal, actor: Actor): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (principal.sessionId) await this.repo.deleteSession(tx, principal.sessionId);
      await this.audit.append(tx, actor, { action: 'auth.logout' });
    });
  }

  /** Resolves a session cookie; idle and absolute timeouts end it server-side (AUTH-4). */
  async resolveSession(token: string): Promise<Principal | null> {
    const id = sm3Hex(token);
    const row = await this.repo.sessionWithUser(id);
    if (!row) return null;
    const { session } = row;
    const user = { ...row.user, roles: row.roles.filter(isRole) };
    const now = this.clock.now();
    const idleLimit = session.lastSeenAt.getTime() + this.config.SESSION_IDLE_MINUTES * 60_000;
    if (now.getTime() > idleLimit || now >= session.expiresAt) {
      await this.db.transaction((tx) => this.repo.deleteSession(tx, id));
      return null;
    }
    if (user.status !== 'active') return null;
    // Sliding idle window; written at most every 30 s to keep reads cheap.
    if (now.getTime() - session.lastSeenAt.getTime() > 30_000) await this.repo.touchSession(id, now);
    return {
      kind: 'session',
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      permissions: permissionsOf(user.roles),
      regionCode: user.regionCode,
      departmentId: user.departmentId,
      sessionId: id,
      csrfToken: session.csrfToken,
      mfaPassed: session.mfaPassed && !(this.mfaMandatory(user) && !user.totpEnabled),
      mustChangePassword: user.mustChangePassword,
    };
  }

  purgeExpired(now: Date) {
    return this.repo.purgeExpired(now, new Date(now.getTime() - this.config.SESSION_IDLE_MINUTES * 60_000));
  }

  async changePassword(principal: Principal, current: string, next: string, actor: Actor): Promise<void> {
    const user = await this.users.findById(principal.userId!);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (!(await verifyPassword(user.passwordHash, current))) {
      await this.audit.record(actor, { action: 'auth.password.change', result: 'failure' });
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: 'currentPassword', message: 'od.password.WRONG_CURRENT' },
      ]);
    }
    await this.assertAcceptable(user, next, 'newPassword');
    const hash = await hashPassword(next);
    await this.db.transaction(async (tx) => {
      await this.users.update(tx, user.id, {
        passwordHash: hash,
        passwordChangedAt: this.clock.now(),
        mustChangePassword: false,
      });
      await this.users.addPasswordHistory(tx, user.id, hash);
      await this.repo.deleteUserSessions(tx, user.id, principal.sessionId);
      await this.audit.append(tx, actor, { action: 'auth.password.change', target: user.username });
    });
  }

  /** Policy and history checks for a new password (AUTH-2). */
  async assertAcceptable(
    user: { id: string; username: string; passwordHash?: string },
    password: string,
    field: string,
  ) {
    const problems = checkPassword(this.config.PASSWORD_PROFILE, password, user.username);
    if (problems.length) {
      throw new AppError(
        'PASSWORD_POLICY',
        {},
        problems.map((p) => ({ path: field, message: `od.password.${p.code}`, params: p.params ?? {} })),
      );
    }
    // dengbao-l3 refuses the last 5 passwords; asvs keeps no history.
    const depth = PASSWORD_PROFILES[this.config.PASSWORD_PROFILE].historyDepth;
    if (depth === 0) return;
    const recent = await this.users.recentPasswordHashes(user.id, depth);
    if (user.passwordHash) recent.push(user.passwordHash);
    for (const h of recent) {
      if (await verifyPassword(h, password)) {
        throw new AppError('PASSWORD_POLICY', {}, [
          { path: field, message: 'od.password.REUSED', params: { count: depth } },
        ]);
      }
    }
  }

  /** OAuth2 client credentials → a short-lived bearer token (stored as its digest). */
  async issueToken(clientId: string, clientSecret: string, actor: Actor) {
    const client = await this.repo.apiClientByClientId(clientId);
    const now = this.clock.now();
    const valid =
      client &&
      !client.revokedAt &&
      (!client.expiresAt || client.expiresAt > now) &&
      (await verifyPassword(client.secretHash, clientSecret));
    if (!client || !valid) {
      if (!client) await verifyPassword(await dummyHash(), clientSecret);
      await this.audit.record(
        { ...actor, actor: `client:${clientId}`, role: 'api_client' },
        {
          action: 'auth.token',
          result: 'failure',
        },
      );
      throw new AppError('INVALID_CREDENTIALS');
    }
    const token = randomToken(32);
    const expiresAt = new Date(now.getTime() + this.config.API_TOKEN_MINUTES * 60_000);
    await this.db.transaction(async (tx) => {
      await this.repo.insertToken(tx, {
        id: sm3Hex(token),
        apiClientId: client.id,
        expiresAt,
        createdAt: now,
      });
      await this.audit.append(
        tx,
        { ...actor, actor: `client:${clientId}`, actorId: client.id, role: 'api_client' },
        {
          action: 'auth.token',
        },
      );
    });
    return {
      access_token: token,
      token_type: 'Bearer' as const,
      expires_in: this.config.API_TOKEN_MINUTES * 60,
    };
  }

  async resolveToken(token: string): Promise<Principal | null> {
    const row = await this.repo.tokenWithClient(sm3Hex(token));
    const now = this.clock.now();
    if (!row || row.token.expiresAt <= now || row.client.revokedAt) return null;
    if (row.client.expiresAt && row.client.expiresAt <= now) return null;
    return {
      kind: 'token',
      userId: null,
      username: `client:${row.client.clientId}`,
      displayName: row.client.name,
      roles: [],
      permissions: row.client.permissions as Permission[],
      regionCode: row.regionCode,
      departmentId: row.client.departmentId,
      mfaPassed: true,
      mustChangePassword: false,
      apiClientId: row.client.id,
    };
  }

  async createApiClient(
    input: { name: string; departmentId: string; permissions: Permission[]; expiresAt?: Date | null },
    actor: Actor,
  ) {
    const clientId = `od_${randomToken(16).slice(0, 16)}`;
    const secret = randomToken(32);
    const row = await this.db.transaction(async (tx) => {
      const created = await this.repo.insertApiClient(tx, {
        clientId,
        name: input.name,
        secretHash: await hashPassword(secret),
        departmentId: input.departmentId,
        permissions: input.permissions,
        expiresAt: input.expiresAt ?? null,
      });
      await this.audit.append(tx, actor, {
        action: 'api_client.create',
        target: clientId,
        detail: { permissions: input.permissions, departmentId: input.departmentId },
      });
      return created;
    });
    return { ...row, clientSecret: secret };
  }

  async revokeApiClient(id: string, actor: Actor) {
    await this.db.transaction(async (tx) => {
      await this.repo.revokeApiClient(tx, id, this.clock.now());
      await this.audit.append(tx, actor, { action: 'api_client.revoke', target: id });
    });
  }

  listApiClients() {
    return this.repo.listApiClients();
  }
}
