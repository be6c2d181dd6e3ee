/** Placeholder: being built. */
export function OpenCatalogPage() {
  return null;
}
