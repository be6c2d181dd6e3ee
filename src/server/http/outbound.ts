// Calls the platform makes to other systems (the provincial library, chat robots): how a failed call
// is described in records and logs.

/**
 * A failed call in a few words: the error's kind and system code only — never its message, which
 * may quote the address (and the token it carries) or the request body.
 */
export function unreachable(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; cause?: { code?: string; name?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return `unreachable: no answer within ${timeoutMs / 1000} s`;
  return `unreachable: ${e.cause?.code ?? e.cause?.name ?? e.name ?? 'unknown error'}`;
}
