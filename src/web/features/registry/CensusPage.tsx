/** Placeholder: being built. */
export function CensusPage() {
  return null;
}
