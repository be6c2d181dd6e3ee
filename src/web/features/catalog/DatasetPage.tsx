/** Placeholder: being built. */
export function DatasetPage() {
  return null;
}
