/** Placeholder: replaced by the page's engineer. */
export function MatterPage() {
  return <div data-testid="MatterPage-placeholder">MatterPage</div>;
}
