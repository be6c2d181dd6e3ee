// HTTP to the provincial case library (省办件库): push one record, page through the library's copies.
// Errors are described without the token, the payload or the response body beyond a short excerpt:
// a record carries an applicant's name, which must not reach the logs.
import { unreachable } from '../../http/outbound.ts';
import type { ExchangeRecord } from '../../../domain/exchange.ts';

export interface Upstream {
  url: string;
  token: string | null;
}

/** What became of one record sent to the library. */
export type PostOutcome =
  | { kind: 'stored' }
  /** The library already holds this version (a retry after a lost answer): delivered. */
  | { kind: 'already'; expected: number }
  /** The library lacks earlier versions of the case and expects this one next. */
  | { kind: 'gap'; expected: number }
  | { kind: 'failed'; error: string; transport: boolean };

export interface UpstreamPage {
  items: ExchangeRecord[];
  cursor: string;
  more: boolean;
}

export class UpstreamUnavailableError extends Error {
  override name = 'UpstreamUnavailableError';
}

const TIMEOUT_MS = 10_000;

/**
 * What the library said of a refused call: its JSON error code when it gives one, never its text
 * (a library that echoes the rejected record would put applicants' names into our logs).
 */
async function excerpt(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: unknown; code?: unknown } | null;
  const code = body?.error ?? body?.code;
  return typeof code === 'string' && /^[\w.:-]{1,60}$/.test(code) ? code : 'no error code';
}

export class ProvinceClient {
  constructor(private readonly upstream: Upstream) {}

  private headers(json: boolean): Record<string, string> {
    return {
      accept: 'application/json',
      ...(json ? { 'content-type': 'application/json' } : {}),
      ...(this.upstream.token ? { authorization: `Bearer ${this.upstream.token}` } : {}),
    };
  }

  async post(record: ExchangeRecord, version: number): Promise<PostOutcome> {
    let res: Response;
    try {
      res = await fetch(`${this.upstream.url}/records`, {
        method: 'POST',
        headers: this.headers(true),
        body: JSON.stringify(record),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      return { kind: 'failed', error: unreachable(err, TIMEOUT_MS), transport: true };
    }
    if (res.ok) {
      await res.body?.cancel();
      return { kind: 'stored' };
    }
    if (res.status === 409) {
      const body = (await res.json().catch(() => ({}))) as { expected?: unknown };
      const expected = Number(body.expected);
      if (Number.isSafeInteger(expected) && expected > version) return { kind: 'already', expected };
      if (Number.isSafeInteger(expected) && expected >= 1 && expected < version)
        return { kind: 'gap', expected };
      return { kind: 'failed', error: `HTTP 409 without a usable expected version`, transport: false };
    }
    return {
      kind: 'failed',
      error: `HTTP ${res.status}: ${await excerpt(res)}`,
      transport: res.status >= 500 || res.status === 429,
    };
  }

  /** One page of the library's copies; throws UpstreamUnavailableError when it cannot be had. */
  async page(since: string, limit: number): Promise<UpstreamPage> {
    let res: Response;
    try {
      res = await fetch(`${this.upstream.url}/records?since=${encodeURIComponent(since)}&limit=${limit}`, {
        headers: this.headers(false),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new UpstreamUnavailableError(unreachable(err, TIMEOUT_MS));
    }
    if (!res.ok) throw new UpstreamUnavailableError(`HTTP ${res.status}: ${await excerpt(res)}`);
    const body = (await res.json().catch(() => null)) as Partial<UpstreamPage> | null;
    if (!body || !Array.isArray(body.items) || typeof body.cursor !== 'string')
      throw new UpstreamUnavailableError('the library answered a page in an unknown shape');
    return { items: body.items, cursor: body.cursor, more: body.more === true };
  }
}
