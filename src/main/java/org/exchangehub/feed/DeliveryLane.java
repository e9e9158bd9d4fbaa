package org.exchangehub.feed;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.google.common.util.concurrent.Uninterruptibles;

/**
 * One run's delivery thread: the source's reading thread hands each batch over and goes on reading while the
 * batch is mapped, written and committed here, so that reading overlaps delivery on a machine with more than
 * one core. A hand-over waits until the previous batch was taken (at most one batch in delivery and one
 * waiting: memory stays bounded); batches run strictly in order on one thread; after the first failure
 * nothing more is taken and every later hand-over throws that failure. A pipelined run has a second lane as its
 * {@link WriteStage}, where a delivery that continues asynchronously reports its failure through {@link #fail}.
 */
final class DeliveryLane implements WriteStage, AutoCloseable {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    private Runnable waiting;
    private boolean busy;
    private boolean closed;
    private RuntimeException failure;

    DeliveryLane(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Hands one delivery over, returning once the delivery thread took it (the one before it is done).
     *
     * @throws RuntimeException the failure of an earlier delivery; this one is then not run
     */
    @Override
    public void hand(Runnable delivery) {
        lock.lock();
        try {
            throwIfFailed();
            waiting = delivery;
            changed.signalAll();
            while (waiting == delivery && failure == null) {
                awaitUninterruptibly();
            }
            if (waiting == delivery) {
                waiting = null; // an earlier batch failed while this one waited: it is not delivered
            }
            throwIfFailed();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isStageThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Records the failure of the delivery in progress when it does not throw it (it completed in a callback); the
     * first failure stands, and nothing is taken after it.
     */
    void fail(RuntimeException e) {
        lock.lock();
        try {
            if (failure == null) {
                failure = e;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every delivery handed over is done; throws the first failure. */
    void awaitDone() {
        lock.lock();
        try {
            while ((waiting != null || busy) && failure == null) {
                awaitUninterruptibly();
            }
            throwIfFailed();
        } finally {
            lock.unlock();
        }
    }

    /** Lets the delivery in progress (if any) end, then stops the thread. Never throws a delivery's failure. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            waiting = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        Uninterruptibles.joinUninterruptibly(thread);
    }

    private void loop() {
        while (true) {
            Runnable next;
            lock.lock();
            try {
                while (waiting == null && !closed) {
                    awaitUninterruptibly();
                }
                if (waiting == null) {
                    return;
                }
                next = waiting;
                waiting = null;
                busy = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            RuntimeException failed = null;
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                failed = e instanceof RuntimeException r ? r
                        : new FeedRunException("a batch's delivery failed: " + e, e);
            }
            lock.lock();
            try {
                busy = false;
                if (failed != null && failure == null) {
                    failure = failed;
                }
                changed.signalAll();
                if (failure != null) {
                    return; // nothing after a failed batch is delivered
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Waits for a change. Not interruptible: a run ends only once its batches are delivered or failed, so that
     * no batch is committed after the run was recorded.
     */
    private void awaitUninterruptibly() {
        changed.awaitUninterruptibly();
    }
}
