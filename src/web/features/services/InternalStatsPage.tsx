/** Placeholder: replaced by the page's engineer. */
export function InternalStatsPage() {
  return <div data-testid="InternalStatsPage-placeholder">InternalStatsPage</div>;
}
