/** Placeholder: being built. */
export function DatasetEditPage() {
  return null;
}
