/**
 * An address that may wrap on a narrow screen, between its parts (after « // », each « / », « . », « ? », « & »)
 * rather than in the middle of a word, and never widens the page.
 */
export function BreakableUrl({ url, testId }: { url: string; testId?: string }) {
  const parts = url.split(/(?<=\/\/|[/.?&=])(?!\/)/);
  return (
    <span data-testid={testId} className="[overflow-wrap:anywhere]">
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && <wbr />}
          {part}
        </span>
      ))}
    </span>
  );
}
