package dev.oktaentra.core.export;

import dev.oktaentra.core.directory.Attributes;
import dev.oktaentra.core.directory.DirectoryRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** What the two export readers share: streaming rows as records, rejections, value splitting. */
final class Rows {

    private Rows() {
    }

    /** A lazy, ordered stream over a source's rows; closing the stream closes the file. */
    static <U> Stream<DirectoryRecord<U>> stream(CsvSource source,
            BiFunction<CsvSource, CsvSource.Row, DirectoryRecord<U>> mapper) {
        Iterator<DirectoryRecord<U>> iterator = new Iterator<>() {
            private CsvSource.Row next;
            private boolean fetched;

            @Override
            public boolean hasNext() {
                if (!fetched) {
                    next = source.next();
                    fetched = true;
                }
                return next != null;
            }

            @Override
            public DirectoryRecord<U> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                fetched = false;
                return mapper.apply(source, next);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(source::close);
    }

    static <U> DirectoryRecord<U> reject(CsvSource source, CsvSource.Row row, String identity, String reason) {
        return new DirectoryRecord.Rejected<>(source.fileName(), "line " + row.line(), identity, reason);
    }

    /** A row whose number of values differs from the header's. */
    static <U> DirectoryRecord<U> incomplete(CsvSource source, CsvSource.Row row, String identity) {
        return reject(source, row, identity, "has " + row.size() + " values, the header has " + row.headerSize()
                + "; a quote may be unbalanced");
    }

    /** Every extra column's non-empty value, under the column's header name. */
    static Attributes extras(CsvSource source, CsvSource.Row row) {
        Map<String, Integer> others = source.otherColumns();
        if (others.isEmpty()) {
            return Attributes.NONE;
        }
        Attributes.Builder builder = Attributes.builder();
        others.forEach((name, index) -> {
            String value = row.get(index);
            if (value != null) {
                builder.add(name, value);
            }
        });
        return builder.build();
    }

    /**
     * PowerShell's rendering of a Boolean: {@code True} or {@code False}, any case.
     *
     * @return the value, or {@code null} for empty or anything else (the caller tells the two apart)
     */
    static Boolean bool(String text) {
        if (text == null) {
            return null;
        }
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        return text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    /** Splits a {@code ;}-joined list, dropping empty entries and surrounding spaces. */
    static List<String> proxyAddresses(String joined) {
        if (joined == null) {
            return List.of();
        }
        if (joined.indexOf(';') < 0) {
            String only = joined.strip();
            return only.isEmpty() ? List.of() : List.of(only);
        }
        List<String> values = new ArrayList<>(4);
        int start = 0;
        while (start <= joined.length()) {
            int end = joined.indexOf(';', start);
            if (end < 0) {
                end = joined.length();
            }
            String value = joined.substring(start, end).strip();
            if (!value.isEmpty()) {
                values.add(value);
            }
            start = end + 1;
        }
        return List.copyOf(values);
    }
}
