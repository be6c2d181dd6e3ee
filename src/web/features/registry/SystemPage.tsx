/** Placeholder: being built. */
export function SystemPage() {
  return null;
}
