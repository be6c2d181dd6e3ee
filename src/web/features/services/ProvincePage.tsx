/** Placeholder: replaced by the page's engineer. */
export function ProvincePage() {
  return <div data-testid="ProvincePage-placeholder">ProvincePage</div>;
}
