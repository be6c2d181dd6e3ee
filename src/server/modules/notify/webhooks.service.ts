import { retryDelayMs } from '../../../domain/exchange.ts';
import {
  robotError,
  webhookDisplayUrl,
  webhookPayload,
  webhookTarget,
  webhookUrlProblems,
  type WebhookFormat,
  type WebhookNotice,
} from '../../../domain/webhooks.ts';
import type { Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import { decryptField, encryptField, fieldKeysOf } from '../../crypto/index.ts';
import type { Db } from '../../db/client.ts';
import { invalid, notFound, type FieldProblem } from '../../http/errors.ts';
import { unreachable } from '../../http/outbound.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { DepartmentsRepo } from '../org/departments.repo.ts';
import type { ClaimedDelivery, WebhookRow, WebhooksRepo } from './webhooks.repo.ts';

/** Rows claimed per run and posted at once; robots take about 20 messages a minute each. */
const ROUND_SIZE = 50;
const CONCURRENCY = 4;
const LEASE_MS = 5 * 60_000;
const TIMEOUT_MS = 10_000;
/** Rounds per run: a long backlog is worked off over several runs, so a graceful stop waits little. */
const MAX_ROUNDS_PER_RUN = 10;
/** 30 s doubling to an hour: 16 attempts span about nine and a half hours before giving up. */
const RETRY_BASE_MS = 30_000;
const RETRY_CAP_MS = 60 * 60_000;
export const WEBHOOK_MAX_ATTEMPTS = 16;

export interface WebhookInput {
  name: string;
  format: WebhookFormat;
  departmentId: string | null;
  url: string;
  /** DingTalk's signing secret (加签), when the robot uses one. */
  secret: string | null;
  kinds: string[];
  enabled: boolean;
}

/** A change: fields left out stay; `url` and `secret` are only ever written, never read back. */
export type WebhookPatch = Partial<WebhookInput>;

/** How a post ended: delivered, or the error kind or robot code (never its message). */
export type PostResult = { delivered: true } | { delivered: false; error: string };

/**
 * Chat-robot webhooks: admins register a department's (or the district's) robots; notices addressed
 * to that department's roles reach them through an outbox posted by a job, with backoff, so a robot
 * that is down for hours loses nothing and a failing robot does not hold up the others.
 */
export class WebhookService {
  constructor(
    private readonly db: Db,
    private readonly repo: WebhooksRepo,
    private readonly departments: DepartmentsRepo,
    private readonly audit: AuditService,
    private readonly config: Config,
    private readonly clock: Clock,
  ) {}

  private get keys() {
    return fieldKeysOf(this.config.secrets);
  }

  list() {
    return this.repo.list();
  }

  async deliveries(id: string, page: number, pageSize: number) {
    if (!(await this.repo.byId(id))) throw notFound();
    return this.repo.deliveries(id, page, pageSize);
  }

  private async problems(tx: Db, input: WebhookPatch, format: WebhookFormat): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if (input.url !== undefined)
      for (const p of webhookUrlProblems(
        input.url,
        this.config.production,
        this.config.WEBHOOK_ALLOWED_HOSTS,
      ))
        problems.push({ path: 'url', message: `od.notify.${p}` });
    if (input.departmentId && !(await this.departments.get(input.departmentId, tx)))
      problems.push({ path: 'departmentId', message: 'od.notify.unknownDepartment' });
    if (format === 'wecom' && input.secret)
      problems.push({ path: 'secret', message: 'od.notify.secretWecom' });
    else if (input.secret && !/^SEC[0-9a-zA-Z]{8,}$/.test(input.secret))
      problems.push({ path: 'secret', message: 'od.notify.secretFormat' });
    return problems;
  }

  /** The address as stored: sealed (it carries the robot's token, DAT-2), and shown without its query. */
  private sealedUrl(url: string) {
    return { urlEnc: encryptField(this.keys, url), urlDisplay: webhookDisplayUrl(url) };
  }

  /** The stored form of a change: what is given, the address and the secret sealed. */
  private sealed(input: WebhookPatch) {
    return {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.format !== undefined ? { format: input.format } : {}),
      ...(input.departmentId !== undefined ? { departmentId: input.departmentId } : {}),
      ...(input.kinds !== undefined ? { kinds: [...new Set(input.kinds)].sort() } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.url !== undefined ? this.sealedUrl(input.url) : {}),
      ...(input.secret !== undefined
        ? { secretEnc: input.secret ? encryptField(this.keys, input.secret) : null }
        : {}),
    };
  }

  private auditDetail(row: WebhookRow, changed: string[]) {
    // What changed and where it posts, never the token-bearing address or the secret.
    return {
      name: row.name,
      format: row.format,
      departmentId: row.departmentId,
      urlDisplay: row.urlDisplay,
      signed: row.secretEnc !== null,
      kinds: row.kinds,
      enabled: row.enabled,
      changed,
    };
  }

  async create(input: WebhookInput, actor: Actor): Promise<WebhookRow> {
    return this.db.transaction(async (tx) => {
      const problems = await this.problems(tx, input, input.format);
      if (problems.length) throw invalid(problems);
      const now = this.clock.now();
      const { url, ...rest } = input;
      const row = await this.repo.insert(tx, {
        ...this.sealed(rest),
        ...this.sealedUrl(url),
        name: input.name,
        format: input.format,
        createdBy: actor.actor,
        createdAt: now,
        updatedAt: now,
      });
      await this.audit.append(tx, actor, {
        action: 'notify.webhook.create',
        target: row.id,
        detail: this.auditDetail(row, Object.keys(input)),
      });
      return row;
    });
  }

  async update(id: string, patch: WebhookPatch, actor: Actor): Promise<WebhookRow> {
    return this.db.transaction(async (tx) => {
      const before = await this.repo.byId(id, tx);
      if (!before) throw notFound();
      const format = patch.format ?? before.format;
      const problems = await this.problems(tx, patch, format);
      // A robot moved to WeCom keeps no DingTalk secret.
      if (format === 'wecom' && patch.secret === undefined && before.secretEnc)
        problems.push({ path: 'secret', message: 'od.notify.secretWecom' });
      if (problems.length) throw invalid(problems);
      const row = await this.repo.update(tx, id, { ...this.sealed(patch), updatedAt: this.clock.now() });
      // Moved to another department's group: the old department's waiting notices are not for it.
      const moved = patch.departmentId !== undefined && patch.departmentId !== before.departmentId;
      const dropped = moved ? await this.repo.dropPending(tx, id) : 0;
      await this.audit.append(tx, actor, {
        action: 'notify.webhook.update',
        target: id,
        detail: { ...this.auditDetail(row!, Object.keys(patch)), dropped },
      });
      return row!;
    });
  }

  async remove(id: string, actor: Actor): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = await this.repo.byId(id, tx);
      if (!before) throw notFound();
      await this.repo.remove(tx, id);
      await this.audit.append(tx, actor, {
        action: 'notify.webhook.delete',
        target: id,
        detail: this.auditDetail(before, []),
      });
    });
  }

  /** Puts the notices that ran out of attempts back in the outbox (after the robot was fixed). */
  async retryGivenUp(id: string, actor: Actor): Promise<number> {
    return this.db.transaction(async (tx) => {
      if (!(await this.repo.byId(id, tx))) throw notFound();
      const requeued = await this.repo.requeueGivenUp(tx, id, this.clock.now());
      await this.audit.append(tx, actor, {
        action: 'notify.webhook.retry',
        target: id,
        detail: { requeued },
      });
      return requeued;
    });
  }

  /** Posts a test message now and says how it went (audited, like every call an admin makes). */
  async test(id: string, actor: Actor): Promise<PostResult> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound();
    const notice = {
      kind: 'notify.test',
      title: '测试消息 / Test message',
      body: `开放区县平台的消息推送已接通（${row.name}）。This robot receives OpenDistrict notices.`,
      link: '/',
    };
    const result = await this.post(row, notice);
    const at = this.clock.now();
    await this.db.transaction(async (tx) => {
      // Kept in the robot's message log, so that the test can be looked up later; a failed test is
      // not retried (it was a test), so it is recorded as given up.
      await this.repo.enqueue(tx, [
        {
          webhookId: id,
          ...notice,
          createdAt: at,
          nextAttemptAt: at,
          attempts: 1,
          ...(result.delivered ? { deliveredAt: at } : { gaveUpAt: at, lastError: result.error }),
        },
      ]);
      await this.audit.append(tx, actor, {
        action: 'notify.webhook.test',
        target: id,
        result: result.delivered ? 'success' : 'failure',
        detail: result.delivered ? {} : { error: result.error },
      });
    });
    return result;
  }

  private async post(
    webhook: Pick<WebhookRow, 'format' | 'urlEnc' | 'secretEnc'>,
    notice: WebhookNotice,
  ): Promise<PostResult> {
    let url: string;
    let secret: string | null;
    try {
      url = decryptField(this.keys, webhook.urlEnc);
      secret = webhook.secretEnc ? decryptField(this.keys, webhook.secretEnc) : null;
    } catch {
      // A sealed value that no longer opens (FIELD_KEY changed): the admin must enter the robot again.
      return { delivered: false, error: 'cannot decrypt the address (encryption key changed?)' };
    }
    // Checked again when posting: the allowed hosts may have been narrowed since the robot was saved.
    if (webhookUrlProblems(url, this.config.production, this.config.WEBHOOK_ALLOWED_HOSTS).length)
      return { delivered: false, error: 'address not allowed (WEBHOOK_ALLOWED_HOSTS, https in production)' };
    const publicUrl = this.config.PUBLIC_URL ?? null;
    let res: Response;
    try {
      res = await fetch(webhookTarget(webhook.format, url, secret, this.clock.now().getTime()), {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(webhookPayload(webhook.format, notice, publicUrl)),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (err) {
      return { delivered: false, error: unreachable(err, TIMEOUT_MS) };
    }
    const body = (await res.json().catch(() => null)) as unknown;
    const error = robotError(res.status, body);
    return error ? { delivered: false, error } : { delivered: true };
  }

  /**
   * The job: posts every due delivery, a few at a time; a failure waits 30 s, 1 min, 2 min … up to an
   * hour, and after WEBHOOK_MAX_ATTEMPTS the row is kept as given up (the admin can send it again).
   */
  async deliverNow(): Promise<{ delivered: number; failed: number; gaveUp: number }> {
    const out = { delivered: 0, failed: 0, gaveUp: 0 };
    for (let round = 0; round < MAX_ROUNDS_PER_RUN; round++) {
      const now = this.clock.now();
      const rows = await this.repo.claimDue(now, new Date(now.getTime() + LEASE_MS), ROUND_SIZE);
      if (!rows.length) return out;
      for (let i = 0; i < rows.length; i += CONCURRENCY)
        await Promise.all(rows.slice(i, i + CONCURRENCY).map((row) => this.deliverOne(row, out)));
      if (rows.length < ROUND_SIZE) return out;
    }
    return out;
  }

  private async deliverOne(row: ClaimedDelivery, out: { delivered: number; failed: number; gaveUp: number }) {
    const result = await this.post(row.webhook, row);
    const now = this.clock.now();
    if (result.delivered) {
      await this.repo.delivered(row.id, now);
      out.delivered++;
      return;
    }
    const attempts = row.attempts + 1;
    const giveUp = attempts >= WEBHOOK_MAX_ATTEMPTS;
    const next = giveUp
      ? null
      : new Date(now.getTime() + retryDelayMs(attempts, RETRY_BASE_MS, RETRY_CAP_MS));
    await this.repo.failed(row.id, attempts, result.error, next, now);
    if (giveUp) out.gaveUp++;
    else out.failed++;
  }
}
