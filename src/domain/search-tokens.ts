/**
 * Chinese full-text search without a Chinese tokenizer: Han runs become overlapping bigrams plus the
 * run's last character, other letters and digits become lower-case words. The documents and the
 * queries go through the same function, and PostgreSQL's `simple` text-search configuration only
 * splits them on spaces, so search behaves the same on PGlite and on PostgreSQL.
 *
 * Why the trailing single character: every Han character is then the first character of some token,
 * so a one-character query is a prefix match (`税:*`) that finds it anywhere.
 */
const TERM = /[\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}+/gu;

function termTokens(term: string): string[][] {
  // A term may mix Han and other characters ("GB2260代码"): each run is tokenized on its own.
  const runs: string[][] = [];
  let last = 0;
  for (const m of term.matchAll(HAN)) {
    if (m.index > last) runs.push([term.slice(last, m.index).toLowerCase()]);
    const chars = [...m[0]];
    const tokens: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    tokens.push(chars[chars.length - 1]!);
    runs.push(tokens);
    last = m.index + m[0].length;
  }
  if (last < term.length) runs.push([term.slice(last).toLowerCase()]);
  return runs;
}

/** The tokens of a text, in order (a document for `to_tsvector('simple', …)` once joined by spaces). */
export function searchTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFKC').matchAll(TERM)) {
    for (const run of termTokens(m[0])) out.push(...run);
  }
  return out;
}

export function searchDocument(text: string): string {
  return searchTokens(text).join(' ');
}

/**
 * A `to_tsquery('simple', …)` expression for what a person typed, or null when it has nothing to
 * search for. Every term must match (AND); a Han run must match as a phrase (its bigrams adjacent);
 * a single Han character and the last non-Han word match as prefixes. Only letters and digits reach
 * the expression, so it cannot be used to inject tsquery operators.
 */
export function searchQuery(input: string): string | null {
  const terms = [...input.normalize('NFKC').matchAll(TERM)].map((m) => m[0]).slice(0, 16);
  const parts: string[] = [];
  terms.forEach((term, termIndex) => {
    for (const run of termTokens(term)) {
      const isHan = /\p{Script=Han}/u.test(run[0]!);
      if (isHan) {
        // A run of n ≥ 2 characters is its n-1 bigrams in a row (the trailing single char is implied).
        const bigrams = run.length > 1 ? run.slice(0, -1) : [];
        parts.push(bigrams.length ? bigrams.map(quote).join(' <-> ') : `${quote(run[0]!)}:*`);
      } else {
        const lastTerm = termIndex === terms.length - 1;
        parts.push(lastTerm ? `${quote(run[0]!)}:*` : quote(run[0]!));
      }
    }
  });
  if (parts.length === 0) return null;
  return parts.map((p) => (p.includes('<->') ? `(${p})` : p)).join(' & ');
}

function quote(token: string): string {
  return `'${token}'`;
}
