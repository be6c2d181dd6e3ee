/** Placeholder: replaced by the page's engineer. */
export function EvaluationsPage() {
  return <div data-testid="EvaluationsPage-placeholder">EvaluationsPage</div>;
}
