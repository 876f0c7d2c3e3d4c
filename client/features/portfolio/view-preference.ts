/** The portfolio's display (table or cards), remembered on this device. */
export type PortfolioView = 'table' | 'cards';

export const VIEW_STORAGE_KEY = 'jalon.portfolio.view';
export const OVERVIEW_STORAGE_KEY = 'jalon.portfolio.overview';

export function readView(storage: Pick<Storage, 'getItem'> | null = safeStorage()): PortfolioView {
  return storage?.getItem(VIEW_STORAGE_KEY) === 'cards' ? 'cards' : 'table';
}

export function saveView(
  view: PortfolioView,
  storage: Pick<Storage, 'setItem'> | null = safeStorage(),
): void {
  try {
    storage?.setItem(VIEW_STORAGE_KEY, view);
  } catch {
    // Storage full or refused (private mode): the choice then lasts for the visit.
  }
}

/** Whether the manager's overview is shown: as last chosen, else on wide screens only. */
export function readOverviewOpen(
  storage: Pick<Storage, 'getItem'> | null = safeStorage(),
  wide = typeof matchMedia === 'undefined' || matchMedia('(min-width: 721px)').matches,
): boolean {
  const saved = storage?.getItem(OVERVIEW_STORAGE_KEY);
  return saved ? saved !== 'hidden' : wide;
}

export function saveOverviewOpen(
  open: boolean,
  storage: Pick<Storage, 'setItem'> | null = safeStorage(),
): void {
  try {
    storage?.setItem(OVERVIEW_STORAGE_KEY, open ? 'shown' : 'hidden');
  } catch {
    // As above.
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Access itself can throw when storage is disabled by policy.
    return null;
  }
}
