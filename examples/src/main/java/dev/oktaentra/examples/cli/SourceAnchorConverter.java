package dev.oktaentra.examples.cli;

import dev.oktaentra.core.match.SourceAnchor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --anchor} with {@link SourceAnchor#parse(String)}; a bad value is a usage error with its message. */
final class SourceAnchorConverter implements ITypeConverter<SourceAnchor> {

    @Override
    public SourceAnchor convert(String value) {
        try {
            return SourceAnchor.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
