import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { subscribeApiEvents } from '../api/client.ts';
import type { ApiError } from '../api/errors.ts';
import { endClientSession } from './session.ts';

export interface ForbiddenState {
  error: ApiError;
  /** The page on which the refusal happened; the 403 page disappears when the user navigates away. */
  path: string;
}

/** Sign-in steps still outstanding, by the server's error code. */
const STEP_BY_CODE: Record<string, string> = { MFA_REQUIRED: 'totp', PASSWORD_CHANGE_REQUIRED: 'password' };

const ForbiddenContext = createContext<ForbiddenState | null>(null);

export function useForbidden(): ForbiddenState | null {
  return useContext(ForbiddenContext);
}

/**
 * Reacts to what the API middleware reports: a 401 (session ended or expired) clears all client
 * state and opens the sign-in page; a 403 shows the 403 page in place of the current page.
 */
export function ApiEventsProvider({ children }: { children: ReactNode }) {
  const [forbidden, setForbidden] = useState<ForbiddenState | null>(null);
  const location = useLocation();
  // A refusal belongs to the visit in which it happened: any navigation clears it.
  useEffect(() => setForbidden(null), [location.key]);
  useEffect(
    () =>
      subscribeApiEvents((event) => {
        const here = window.location.pathname + window.location.search;
        if (event.type === 'unauthorized') {
          if (window.location.pathname.startsWith('/login')) return;
          const step = STEP_BY_CODE[event.code];
          const params = new URLSearchParams();
          if (step) params.set('step', step);
          else params.set('expired', '1');
          params.set('next', here);
          endClientSession(`/login?${params.toString()}`);
        } else {
          setForbidden({ error: event.error, path: window.location.pathname });
        }
      }),
    [],
  );
  return <ForbiddenContext.Provider value={forbidden}>{children}</ForbiddenContext.Provider>;
}
