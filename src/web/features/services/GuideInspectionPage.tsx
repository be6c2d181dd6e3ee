/** Placeholder: replaced by the page's engineer. */
export function GuideInspectionPage() {
  return <div data-testid="GuideInspectionPage-placeholder">GuideInspectionPage</div>;
}
