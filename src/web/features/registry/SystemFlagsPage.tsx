/** Placeholder: being built. */
export function SystemFlagsPage() {
  return null;
}
