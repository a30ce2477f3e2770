package dev.oktaentra.core.validation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads a stream ahead on a second thread, in batches, so that parsing an export (the slowest part of a large
 * validation) overlaps with indexing and matching. Memory stays bounded: at most {@link #QUEUED} batches of
 * {@link #BATCH} records wait. A failure of the reader is rethrown to the consumer; closing stops the reader and
 * closes the stream.
 *
 * @param <T> the record type
 */
final class Prefetch<T> implements Iterator<T>, AutoCloseable {

    static final int BATCH = 1024;
    static final int QUEUED = 8;

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread reader;
    private volatile boolean cancelled;
    private List<T> batch = List.of();
    private int position;
    private boolean ended;

    Prefetch(Stream<T> source, String name) {
        reader = new Thread(() -> read(source), "oktaentra-read-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Stream<T> source) {
        Object last = END;
        try (source) {
            Iterator<T> it = source.iterator();
            List<T> next = new ArrayList<>(BATCH);
            while (it.hasNext() && !cancelled) {
                next.add(it.next());
                if (next.size() == BATCH) {
                    put(next);
                    next = new ArrayList<>(BATCH);
                }
            }
            if (!next.isEmpty()) {
                put(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException | Error e) {
            last = e;
        }
        try {
            put(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Object item) throws InterruptedException {
        while (!cancelled && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
            // wait for the consumer, unless it has gone
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean hasNext() {
        while (position == batch.size()) {
            if (ended) {
                return false;
            }
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading ahead", e);
            }
            if (item == END) {
                ended = true;
                return false;
            }
            if (item instanceof RuntimeException e) {
                ended = true;
                throw e;
            }
            if (item instanceof Error e) {
                ended = true;
                throw e;
            }
            batch = (List<T>) item;
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
        cancelled = true;
        queue.clear();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
