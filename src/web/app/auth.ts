import { createContext, useContext } from 'react';
import { api, setCsrfToken } from '../api/client.ts';
import { unwrap } from '../api/errors.ts';
import type { Me, Permission } from '../api/types.ts';

export const meKey = ['me'] as const;

/** The signed-in user, or null when there is no session (401). */
export async function fetchMe(): Promise<Me | null> {
  const result = api.GET('/api/me', {});
  const { response } = await result;
  if (response.status === 401) {
    setCsrfToken(null);
    return null;
  }
  const me = await unwrap<Me>(result);
  setCsrfToken(me.csrfToken);
  return me;
}

export interface AuthState {
  me: Me;
  can: (permission: Permission) => boolean;
  signOut: () => Promise<void>;
}

export const AuthContext = createContext<AuthState | null>(null);

/** The signed-in user; only inside the authenticated part of the app. */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside <RequireAuth>');
  return state;
}

/** Accepts only same-origin paths as a post-sign-in destination (no open redirect). */
export function safeNext(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/login')) return '/';
  return value;
}
