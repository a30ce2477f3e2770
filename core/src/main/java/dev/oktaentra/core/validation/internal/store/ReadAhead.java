package dev.oktaentra.core.validation.internal.store;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a producer on a thread of its own and hands its batches to the consumer in order, so that reading a source
 * (the slowest part of a large validation) overlaps with the work done on what was read. At most {@code capacity}
 * batches wait, which bounds the memory. A failure of the producer reaches the consumer at the batch where it
 * happened; closing stops the producer and waits briefly for it to end.
 *
 * @param <B> the batch type
 */
public final class ReadAhead<B> implements AutoCloseable {

    /** What runs on the reading thread: puts batches until its source ends. */
    @FunctionalInterface
    public interface Producer<B> {
        /**
         * Produces every batch.
         *
         * @param out where the batches go
         * @throws InterruptedException when interrupted while waiting for room
         */
        void run(Output<B> out) throws InterruptedException;
    }

    /** Where a producer puts its batches. */
    @FunctionalInterface
    public interface Output<B> {
        /**
         * Queues a batch, waiting while the queue is full.
         *
         * @param batch the batch
         * @return false when the consumer has gone, so the producer should stop
         * @throws InterruptedException when interrupted while waiting
         */
        boolean put(B batch) throws InterruptedException;
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile boolean cancelled;
    private volatile Throwable failure;
    private boolean ended;

    /**
     * Starts the producer on a thread of its own.
     *
     * @param name names the thread, {@code oktaentra-read-<name>}
     * @param capacity at most how many batches wait
     * @param producer what runs on the thread
     */
    public ReadAhead(String name, int capacity, Producer<B> producer) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(() -> produce(producer), "oktaentra-read-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(Producer<B> producer) {
        Object last = END;
        try {
            producer.run(this::offer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException | Error e) {
            failure = e;
            last = e;
        }
        try {
            offer(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean offer(Object item) throws InterruptedException {
        while (!cancelled) {
            if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next batch, waiting for it.
     *
     * @return the batch, or {@code null} once the producer has ended
     * @throws RuntimeException or {@link Error}: the producer's failure, where it happened
     */
    @SuppressWarnings("unchecked")
    public B take() {
        if (ended) {
            return null;
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
            return null;
        }
        throwIfFailure(item);
        return (B) item;
    }

    /**
     * Throws the producer's failure now, when it has failed, rather than once the batches before it are taken: a
     * consumer busy with another source learns early that this one cannot be read.
     */
    public void rethrowFailure() {
        throwIfFailure(failure);
    }

    /** Ends the reading and throws {@code item} when it is the producer's failure. */
    private void throwIfFailure(Object item) {
        if (item instanceof RuntimeException e) {
            ended = true;
            throw e;
        }
        if (item instanceof Error e) {
            ended = true;
            throw e;
        }
    }

    /** Stops the producer and waits briefly for it. */
    @Override
    public void close() {
        cancelled = true;
        queue.clear();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
