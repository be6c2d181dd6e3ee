/** Placeholder: replaced by the page's engineer. */
export function CaseQueuePage() {
  return <div data-testid="CaseQueuePage-placeholder">CaseQueuePage</div>;
}
