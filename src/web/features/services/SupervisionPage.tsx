/** Placeholder: replaced by the page's engineer. */
export function SupervisionPage() {
  return <div data-testid="SupervisionPage-placeholder">SupervisionPage</div>;
}
