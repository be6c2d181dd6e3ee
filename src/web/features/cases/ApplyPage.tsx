/** Placeholder: replaced by the page's engineer. */
export function ApplyPage() {
  return <div data-testid="ApplyPage-placeholder">ApplyPage</div>;
}
