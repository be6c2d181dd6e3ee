/** Placeholder: replaced by the page's engineer. */
export function MattersPage() {
  return <div data-testid="MattersPage-placeholder">MattersPage</div>;
}
