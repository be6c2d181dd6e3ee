import type { TFunction } from 'i18next';

/** The families of notices the platform sends to roles (the server's `kind` prefixes). */
export const KIND_FAMILIES = ['guides.', 'cases.', 'dataset.', 'census.', 'registry.'] as const;
type Family = (typeof KIND_FAMILIES)[number];
type FamilyName = Family extends `${infer N}.` ? N : never;

/** A family's name in the user's language; any other kind (typed by hand) is shown as itself. */
export function kindLabel(t: TFunction, kind: string): string {
  if (!(KIND_FAMILIES as readonly string[]).includes(kind)) return kind;
  const name = kind.slice(0, -1) as FamilyName;
  return t(`notify.kindOptions.${name}`);
}
