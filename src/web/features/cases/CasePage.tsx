/** Placeholder: replaced by the page's engineer. */
export function CasePage() {
  return <div data-testid="CasePage-placeholder">CasePage</div>;
}
