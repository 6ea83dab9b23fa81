import { EthoraUnexpectedResponseError } from '../errors/ethora-unexpected-response.error.js';

/** Fetches the page of `limit` items starting at `offset`. */
export type PageFetcher<T> = (offset: number, limit: number) => Promise<readonly T[]>;

/** Where `paginate` starts and how much it asks for per request. */
export interface PaginateOptions {
  /** Items per request (≥ 1). */
  pageSize: number;
  /** Offset of the first item. Default 0. */
  offset?: number;
}

/**
 * Walks a limit/offset list item by item: fetches one page, yields its items, and asks for the next page
 * only when the consumer wants more, so memory holds one page whatever the list's length. Stops after a
 * page shorter than `pageSize` (the last one, as Ethora's v2 lists carry no total) or an empty page.
 * Breaking out of a `for await` loop stops it without fetching further.
 * A server that makes no progress (answers the same page again, e.g. because it ignores `offset`) ends the
 * walk with `EthoraUnexpectedResponseError` instead of looping for ever.
 */
export async function* paginate<T>(fetchPage: PageFetcher<T>, options: PaginateOptions): AsyncGenerator<T, void, undefined> {
  const { pageSize } = options;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a whole number ≥ 1, got ${pageSize}`);
  let offset = options.offset ?? 0;
  let previous: string | undefined;
  for (;;) {
    const page = await fetchPage(offset, pageSize);
    // Distinct records make distinct pages: the same first and last item twice running means no progress.
    const edges = fingerprint(page);
    if (edges !== undefined && edges === previous) throw stalled(offset);
    previous = edges;
    yield* page;
    // A server that ignores `limit` and sends more still advances correctly: offset moves by what came.
    if (page.length < pageSize) return;
    offset += page.length;
  }
}

function fingerprint(page: readonly unknown[]): string | undefined {
  if (page.length === 0) return undefined;
  try {
    return JSON.stringify([page[0], page[page.length - 1]]);
  } catch {
    return undefined;
  }
}

function stalled(offset: number): EthoraUnexpectedResponseError {
  return new EthoraUnexpectedResponseError({
    message: `Ethora answered the page at offset ${offset} with the same items as the page before (is offset ignored?); stopped paging`,
    method: 'GET',
    path: `(page at offset ${offset})`,
    attempts: 1,
  });
}
