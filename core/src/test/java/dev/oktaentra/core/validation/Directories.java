package dev.oktaentra.core.validation;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Directories over records made by a test, unreadable ones and failing streams included. */
final class Directories {

    private Directories() {
    }

    /** An on-prem side whose every {@code records()} call gets a new stream from {@code records}. */
    static OnPremDirectory onPrem(String name, Supplier<Stream<DirectoryRecord<OnPremUser>>> records) {
        return new OnPremDirectory() {
            @Override
            public Stream<DirectoryRecord<OnPremUser>> records() {
                return records.get();
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    /** A cloud side whose every {@code records()} call gets a new stream from {@code records}. */
    static CloudDirectory cloud(String name, Supplier<Stream<DirectoryRecord<CloudUser>>> records) {
        return new CloudDirectory() {
            @Override
            public Stream<DirectoryRecord<CloudUser>> records() {
                return records.get();
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }
}
