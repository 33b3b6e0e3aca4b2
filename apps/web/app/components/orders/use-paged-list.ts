import { type QueryKey, useInfiniteQuery } from "@tanstack/react-query";

/** One page of a list as the procedures answer it. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A cursor-paged list whose first page came with the page's loader (rendered on the server),
 * and whose "Load more" asks for the next one under it. A refetch (after a cancel) reloads every
 * page shown, so none is left stale.
 *
 * @example
 * const fills = usePagedList(trpc.orders.fills.infiniteQueryKey(input), first, (cursor) =>
 *   client.orders.fills.query({ ...input, cursor }),
 * );
 */
export function usePagedList<T>(
  queryKey: QueryKey,
  first: ListPage<T>,
  readPage: (cursor: string | undefined) => Promise<ListPage<T>>,
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => readPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    initialData: { pages: [first], pageParams: [undefined] },
  });
  return {
    items: query.data.pages.flatMap((page) => page.items),
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
    error: query.error?.message ?? null,
  };
}
