import { api, setCsrfToken } from '../api/client.ts';
import { queryClient } from '../api/queryClient.ts';

/**
 * Ends the session on the server, then drops every piece of client state (DAT-6): the query cache,
 * the CSRF token, and — through a full page load — everything React held in memory.
 */
export async function signOut(): Promise<void> {
  try {
    await api.POST('/api/auth/logout', {});
  } catch {
    // the server may be unreachable; the client state is cleared regardless
  }
  endClientSession('/login?signedOut=1');
}

/** Clears client state and loads `target` as a fresh document (so nothing survives in memory). */
export function endClientSession(target: string): void {
  setCsrfToken(null);
  queryClient.clear();
  window.location.replace(target);
}
