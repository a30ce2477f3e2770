package dev.oktaentra.core.validation.internal.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Reads a stream ahead on a second thread, in batches of {@link #BATCH} records, at most {@link #QUEUED} of them
 * waiting (see {@link ReadAhead}). The stream is consumed and closed on the reading thread; a failure of the reader
 * is rethrown to the consumer.
 *
 * @param <T> the record type
 */
public final class Prefetch<T> implements Iterator<T>, AutoCloseable {

    static final int BATCH = 1024;
    static final int QUEUED = 8;

    private final ReadAhead<List<T>> ahead;
    private List<T> batch = List.of();
    private int position;

    /**
     * Starts reading.
     *
     * @param source the stream; it is consumed and closed on the reading thread
     * @param name names the thread
     */
    public Prefetch(Stream<T> source, String name) {
        ahead = new ReadAhead<>(name, QUEUED, out -> read(source, out));
    }

    private static <T> void read(Stream<T> source, ReadAhead.Output<List<T>> out) throws InterruptedException {
        try (source) {
            Iterator<T> it = source.iterator();
            List<T> next = new ArrayList<>(BATCH);
            while (it.hasNext()) {
                next.add(it.next());
                if (next.size() == BATCH) {
                    if (!out.put(next)) {
                        return;
                    }
                    next = new ArrayList<>(BATCH);
                }
            }
            if (!next.isEmpty()) {
                out.put(next);
            }
        }
    }

    @Override
    public boolean hasNext() {
        while (position == batch.size()) {
            List<T> next = ahead.take();
            if (next == null) {
                return false;
            }
            batch = next;
            position = 0;
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.get(position++);
    }

    /** Stops the reader (which closes the stream) and waits briefly for it. */
    @Override
    public void close() {
        ahead.close();
    }
}
