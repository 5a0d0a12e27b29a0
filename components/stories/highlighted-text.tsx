import { parseHighlight } from "./highlight";

/** A headline or snippet with the search matches marked, rendered as text nodes only. */
export function HighlightedText({ html }: { html: string }) {
  return (
    <>
      {parseHighlight(html).map((part, i) => (part.isMatch ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
