package dev.oktaentra.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock a test moves by hand: a retry policy's sleeper, or a step journaled at one time and verified later. */
final class MovableClock extends Clock {

    private volatile Instant now;

    MovableClock(Instant now) {
        this.now = now;
    }

    /** Moves the clock forward. */
    void advance(Duration by) {
        now = now.plus(by);
    }

    /** Sets the clock. */
    void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
