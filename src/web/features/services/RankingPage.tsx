/** Placeholder: replaced by the page's engineer. */
export function RankingPage() {
  return <div data-testid="RankingPage-placeholder">RankingPage</div>;
}
