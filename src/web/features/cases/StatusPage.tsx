/** Placeholder: replaced by the page's engineer. */
export function StatusPage() {
  return <div data-testid="StatusPage-placeholder">StatusPage</div>;
}
