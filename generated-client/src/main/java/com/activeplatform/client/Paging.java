package com.activeplatform.client;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazy iteration over the items of a paged list operation. The generated {@code ...All} methods
 * of list operations use it: pages are fetched one at a time, only as the stream is consumed.
 */
public final class Paging {

  private Paging() {}

  /**
   * @param pageSize items asked for per page
   * @param fetch fetches page n (numbered from 1)
   * @param items the items of a page
   * @param morePages whether the page says more pages follow (a short page ends the list anyway)
   * @param <P> the page type
   * @param <T> the item type
   * @return every item of every page, in order
   */
  public static <P, T> Stream<T> stream(int pageSize, IntFunction<P> fetch, Function<P, List<T>> items,
      Predicate<P> morePages) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1");
    }
    Iterator<T> iterator = new Iterator<>() {
      private int nextPage = 1;
      private boolean lastPageSeen;
      private Iterator<T> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && !lastPageSeen) {
          P page = fetch.apply(nextPage++);
          List<T> pageItems = page == null ? null : items.apply(page);
          if (pageItems == null) {
            pageItems = List.of();
          }
          lastPageSeen = pageItems.size() < pageSize || !morePages.test(page);
          current = pageItems.iterator();
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
  }
}
