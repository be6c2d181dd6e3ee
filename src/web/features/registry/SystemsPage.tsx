/** Placeholder: being built. */
export function SystemsPage() {
  return null;
}
