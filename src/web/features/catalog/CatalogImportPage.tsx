/** Placeholder: being built. */
export function CatalogImportPage() {
  return null;
}
