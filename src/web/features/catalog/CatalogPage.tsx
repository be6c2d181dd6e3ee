/** Placeholder: being built. */
export function CatalogPage() {
  return null;
}
