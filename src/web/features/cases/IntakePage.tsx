/** Placeholder: replaced by the page's engineer. */
export function IntakePage() {
  return <div data-testid="IntakePage-placeholder">IntakePage</div>;
}
