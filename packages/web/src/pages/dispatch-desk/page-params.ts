export const DESK_PAGE_SIZE = 20;

/** page / pageSize from the URL, with safe defaults. */
export function readPage(params: URLSearchParams): { page: number; pageSize: number } {
  const positive = (raw: string | null, fallback: number, max: number) => {
    const value = Number(raw);
    return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
  };
  return {
    page: positive(params.get('page'), 1, 100_000),
    pageSize: positive(params.get('pageSize'), DESK_PAGE_SIZE, 100),
  };
}

/** The same params with another page (defaults left out). */
export function writePage(params: URLSearchParams, page: number, pageSize: number): URLSearchParams {
  const next = new URLSearchParams(params);
  if (page === 1) next.delete('page');
  else next.set('page', String(page));
  if (pageSize === DESK_PAGE_SIZE) next.delete('pageSize');
  else next.set('pageSize', String(pageSize));
  return next;
}
