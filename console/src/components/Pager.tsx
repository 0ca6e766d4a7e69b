/**
 * Previous / next over the API's cursor paging: the cursors of the pages seen so far are a stack
 * (the API only hands out the next one), so "previous" pops and "next" pushes the answer's cursor.
 */
export function Pager(props: {
  label: string;
  cursors: string[];
  nextCursor: string | null | undefined;
  onCursors(cursors: string[]): void;
}) {
  const { label, cursors, nextCursor, onCursors } = props;
  return (
    <nav class="pager" aria-label={label}>
      <button type="button" disabled={cursors.length === 0} onClick={() => onCursors(cursors.slice(0, -1))}>
        Previous page
      </button>
      <button
        type="button"
        disabled={!nextCursor}
        onClick={() => nextCursor && onCursors([...cursors, nextCursor])}
      >
        Next page
      </button>
    </nav>
  );
}
