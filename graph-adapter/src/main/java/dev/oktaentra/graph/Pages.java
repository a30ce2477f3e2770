package dev.oktaentra.graph;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lazy stream over a Graph collection: one page is fetched when the previous one is used up, following
 * {@code @odata.nextLink} until Graph sends none. Only one page is held at a time.
 *
 * @param <P> the SDK's page type, e.g. {@code UserCollectionResponse}
 * @param <T> the SDK's item type
 * @param <R> what the stream carries
 */
final class Pages<P, T, R> extends Spliterators.AbstractSpliterator<R> {

    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);

    /** Fetches a page. */
    @FunctionalInterface
    public interface Fetch<P> {
        /**
         * Fetches one page.
         *
         * @param nextLink {@code null} for the first page, else the previous page's {@code @odata.nextLink}
         * @return the page
         */
        P fetch(String nextLink);
    }

    /** Turns an item into what the stream carries, knowing where it was. */
    @FunctionalInterface
    public interface Mapper<T, R> {
        /**
         * Maps one item.
         *
         * @param item the SDK's item
         * @param page the page number, from 1
         * @param index the item's position in its page, from 1
         * @return the mapped item
         */
        R map(T item, int page, int index);
    }

    private final String what;
    private final Fetch<P> fetch;
    private final Function<P, List<T>> items;
    private final Function<P, String> nextLinkOf;
    private final Mapper<T, R> mapper;
    private Iterator<T> current = Collections.emptyIterator();
    private String nextLink;
    private boolean done;
    private int page;
    private int index;
    private long seen;

    private Pages(String what, Fetch<P> fetch, Function<P, List<T>> items, Function<P, String> nextLinkOf,
            Mapper<T, R> mapper) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.what = what;
        this.fetch = fetch;
        this.items = items;
        this.nextLinkOf = nextLinkOf;
        this.mapper = mapper;
    }

    /**
     * A lazy, sequential stream over every page.
     *
     * @param what the collection, for messages and logs, e.g. {@code users}
     * @param fetch fetches a page; translate SDK failures inside it
     * @param items a page's items ({@code getValue()})
     * @param nextLinkOf a page's {@code @odata.nextLink}
     * @param mapper maps each item
     * @param <P> the page type
     * @param <T> the item type
     * @param <R> the stream's type
     * @return the stream
     */
    public static <P, T, R> Stream<R> stream(String what, Fetch<P> fetch, Function<P, List<T>> items,
            Function<P, String> nextLinkOf, Mapper<T, R> mapper) {
        return StreamSupport.stream(new Pages<>(what, fetch, items, nextLinkOf, mapper), false);
    }

    @Override
    public boolean tryAdvance(Consumer<? super R> action) {
        while (!current.hasNext()) {
            if (done) {
                return false;
            }
            fetchNext();
        }
        index++;
        seen++;
        action.accept(Objects.requireNonNull(mapper.map(current.next(), page, index), "mapped item"));
        return true;
    }

    private void fetchNext() {
        String link = nextLink;
        P result = fetch.fetch(link);
        page++;
        index = 0;
        if (result == null) {
            throw new GraphException("Reading " + what + " page " + page + ": Graph sent no JSON body (is the answer's"
                    + " Content-Type application/json?)", 0, null, null, null, List.of());
        }
        List<T> list = items.apply(result);
        String following = nextLinkOf.apply(result);
        if (following != null && following.equals(link)) {
            throw new GraphException("Reading " + what + " page " + page + ": Graph sent the same @odata.nextLink"
                    + " twice; stopping rather than looping", 0, null, null, null, List.of());
        }
        current = list == null ? Collections.emptyIterator() : list.iterator();
        nextLink = following;
        done = following == null;
        LOG.debug("Read {} page {} ({} items, {} before it){}", what, page, list == null ? 0 : list.size(), seen,
                done ? ", the last" : "");
    }
}
