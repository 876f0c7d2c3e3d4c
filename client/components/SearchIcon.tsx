/** The magnifier drawn inside every search field (decorative: the field has its label). */
export function SearchIcon() {
  return (
    <svg class="search-icon" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M7 12A5 5 0 1 1 7 2a5 5 0 0 1 0 10Zm3.6-1.4L14 14"
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
      />
    </svg>
  );
}
