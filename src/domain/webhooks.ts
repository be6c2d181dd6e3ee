// Chat-robot webhooks (群机器人): the message a department's chat group receives for a notice, in the
// format of a DingTalk custom robot (钉钉自定义机器人) or a WeCom group robot (企业微信群机器人),
// and DingTalk's signature ("加签"). Pure: the notify module sends what these build.
import { createHmac } from 'node:crypto';

export const WEBHOOK_FORMATS = ['dingtalk', 'wecom'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** Every message names the platform, so a robot secured by a keyword (自定义关键词) takes this one. */
export const WEBHOOK_KEYWORD = 'OpenDistrict';

export interface WebhookNotice {
  kind: string;
  title: string;
  body: string;
  /** A path in the web app (`/guides/inspection?...`), made absolute with the public address. */
  link: string | null;
}

/**
 * DingTalk's signature of a message sent at `timestampMs`: Base64(HMAC-SHA256(secret,
 * "<timestamp>\n<secret>")), sent URL-encoded as `sign` beside `timestamp`.
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The address to post to: DingTalk's signed robots take `timestamp` and `sign` in the query. */
export function webhookTarget(
  format: WebhookFormat,
  url: string,
  secret: string | null,
  timestampMs: number,
): string {
  if (format !== 'dingtalk' || !secret) return url;
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestampMs));
  u.searchParams.set('sign', dingtalkSign(secret, timestampMs));
  return u.toString();
}

/** Full-width stand-ins for the characters that make links, images and HTML in markdown. */
const INERT: Record<string, string> = { '[': '［', ']': '］', '<': '＜', '>': '＞' };

/**
 * Text as inert text in markdown: names typed by people (a dataset's, a matter's) must not become a
 * link, an image or HTML in a chat group. (Robots render no backslash escapes: full-width look-alikes.)
 */
export function markdownText(text: string): string {
  return text.replace(/[[\]<>]/g, (c) => INERT[c]!);
}

/** Markdown both robots render: the title as a heading, the body, a link back, the keyword. */
export function webhookMarkdown(notice: WebhookNotice, publicUrl: string | null): string {
  const lines = [`#### ${markdownText(notice.title)}`];
  if (notice.body) lines.push('', markdownText(notice.body));
  // Appended to the public address as it is, so that a path prefix (https://host/od) is kept.
  if (notice.link && publicUrl)
    lines.push('', `[在平台中查看 / Open](${publicUrl.replace(/\/+$/, '')}${notice.link})`);
  else if (notice.link) lines.push('', `平台路径 / path: ${markdownText(notice.link)}`);
  lines.push('', `> ${WEBHOOK_KEYWORD} 开放区县数字政府平台`);
  return lines.join('\n');
}

/** The JSON body the robot expects. */
export function webhookPayload(
  format: WebhookFormat,
  notice: WebhookNotice,
  publicUrl: string | null,
): Record<string, unknown> {
  const text = webhookMarkdown(notice, publicUrl);
  // DingTalk shows `title` in the conversation list; WeCom has no title of its own.
  return format === 'dingtalk'
    ? { msgtype: 'markdown', markdown: { title: notice.title.slice(0, 64), text } }
    : { msgtype: 'markdown', markdown: { content: text } };
}

/**
 * Both robots answer HTTP 200 with `{ errcode, errmsg }`; only errcode 0 is delivered. Returns the
 * error code to record (never the message, which may echo the request), or null when delivered.
 */
export function robotError(status: number, body: unknown): string | null {
  if (status < 200 || status >= 300) return `HTTP ${status}`;
  const code = (body as { errcode?: unknown } | null)?.errcode;
  if (code === 0) return null;
  return typeof code === 'number' ? `errcode ${code}` : 'not a robot answer';
}

/**
 * Whether a webhook takes a notice of this kind: no kinds means every kind; a kind ending in `.`
 * takes the kinds under it (`cases.` takes `cases.flag.rejected`).
 */
export function webhookTakes(kinds: readonly string[], kind: string): boolean {
  return kinds.length === 0 || kinds.some((k) => (k.endsWith('.') ? kind.startsWith(k) : kind === k));
}

/**
 * What is wrong with a robot address: a web address, https in production, no credentials in it, and
 * a host on the allowed list (so that the platform cannot be pointed at the internal network).
 */
export function webhookUrlProblems(
  url: string,
  production: boolean,
  allowedHosts: readonly string[],
): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return ['notAUrl'];
  }
  const problems: string[] = [];
  if (u.protocol !== 'https:' && u.protocol !== 'http:') problems.push('notAUrl');
  else if (production && u.protocol !== 'https:') problems.push('httpsOnly');
  if (u.username || u.password) problems.push('credentials');
  if (!problems.includes('notAUrl') && !allowedHosts.includes(u.hostname.toLowerCase()))
    problems.push('hostNotAllowed');
  return problems;
}

/** The address as shown to admins: scheme, host and path; the query (the robot's token) hidden. */
export function webhookDisplayUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?…' : ''}`;
}
