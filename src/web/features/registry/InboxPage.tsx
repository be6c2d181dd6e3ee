/** Placeholder: being built. */
export function InboxPage() {
  return null;
}
