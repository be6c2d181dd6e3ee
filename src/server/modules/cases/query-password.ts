import { dummyHash, verifyPassword } from '../../crypto/passwords.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../audit/audit.service.ts';
import { AuthRepo } from '../auth/auth.repo.ts';
import type { ModuleDeps } from '../deps.ts';

/**
 * The applicant's query password (查询密码), checked as sign-in checks passwords: an unknown case
 * number costs the same as a wrong password, and failures are counted per case number (whether or
 * not it exists) and lock it after LOCKOUT_THRESHOLD for LOCKOUT_MINUTES — so six digits can't be
 * guessed by spreading requests over addresses or over the status lookup and the evaluation form.
 */
export class QueryPasswordCheck {
  private readonly failures: AuthRepo;

  constructor(private readonly deps: ModuleDeps) {
    this.failures = new AuthRepo(deps.db);
  }

  /** True when the password is the case's; throws CASE_QUERY_LOCKED while the case number is locked. */
  async verify(
    caseNo: string,
    hash: string | null | undefined,
    password: string,
    actor: Actor,
  ): Promise<boolean> {
    const key = `case:${caseNo}`;
    const now = this.deps.clock.now();
    const seen = await this.failures.failures(key);
    if (seen?.lockedUntil && seen.lockedUntil > now) throw this.locked(seen.lockedUntil, now);
    const ok = hash
      ? await verifyPassword(hash, password)
      : (await verifyPassword(await dummyHash(), password), false);
    if (ok) {
      if (seen) await this.failures.clearFailures(this.deps.db, key);
      return true;
    }
    const { LOCKOUT_THRESHOLD, LOCKOUT_MINUTES } = this.deps.config;
    const row = await this.failures.addFailure(this.deps.db, key, now);
    if (row.count >= LOCKOUT_THRESHOLD) {
      const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
      await this.failures.setLock(this.deps.db, key, until);
      // Audited like an account lock: someone is guessing this number's password.
      await this.deps.audit.record(actor, {
        action: 'case.query.lock',
        target: caseNo,
        detail: { until: until.toISOString(), failures: row.count },
      });
      throw this.locked(until, now);
    }
    return false;
  }

  private locked(until: Date, now: Date) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
    return new AppError('CASE_QUERY_LOCKED', { minutes });
  }
}
