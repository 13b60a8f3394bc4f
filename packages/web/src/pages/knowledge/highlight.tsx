const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` cut into plain and matching pieces (keyed by offset: the pieces of one string never reorder). */
function pieces(text: string, terms: readonly string[]): { at: number; text: string; marked: boolean }[] {
  const usable = [...new Set(terms.map((term) => term.trim()).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  if (usable.length === 0) return [{ at: 0, text, marked: false }];
  const pattern = new RegExp(`(${usable.map(escapeRegExp).join('|')})`, 'gi');
  let at = 0;
  return text.split(pattern).map((part, index) => {
    const piece = { at, text: part, marked: index % 2 === 1 };
    at += part.length;
    return piece;
  });
}

/** `text` with every occurrence of `terms` wrapped in <mark> (longest terms first, case-insensitive). */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {pieces(text, terms).map((piece) =>
        piece.marked ? (
          <mark key={piece.at} data-testid="kb-highlight">
            {piece.text}
          </mark>
        ) : (
          <span key={piece.at}>{piece.text}</span>
        ),
      )}
    </>
  );
}
