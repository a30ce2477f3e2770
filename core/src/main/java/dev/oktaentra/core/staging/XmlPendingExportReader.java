package dev.oktaentra.core.staging;

import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.directory.DirectoryRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams {@code cs-object}s out of a csexport XML file with the StAX cursor API. Each object is read by a small
 * recursive descent that skips every element it does not know, so new or unexpected elements ({@code connector},
 * {@code mv-link}, {@code ma-name}, …) cost nothing and break nothing.
 */
final class XmlPendingExportReader extends StreamingExportReader {

    private static final String ROOT = "cs-objects";

    private final InputStream in;
    private final XMLStreamReader xml;
    private final CsObjectParser parser;

    XmlPendingExportReader(InputStream raw, String source) {
        super(source);
        this.in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 1 << 16);
        try {
            // Decoded here, strictly, not by the parser: see StrictDecodingReader.
            Reader text = new StrictDecodingReader(in, XmlEncoding.detect((BufferedInputStream) in, source));
            this.xml = SecureXml.inputFactory().createXMLStreamReader(text);
            this.parser = new CsObjectParser(xml, source);
            readProlog();
        } catch (XMLStreamException | IOException | RuntimeException e) {
            closeQuietly();
            throw e instanceof StagingExportException s ? s : failure(e);
        }
    }

    private void readProlog() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw fail("the file has a <!DOCTYPE> declaration (ending here). A csexport file never has one, "
                        + "and a DTD can declare entities that read local files or expand without bound (XXE, "
                        + "billion laughs); the file is refused before any entity is resolved");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!ROOT.equals(xml.getLocalName())) {
                    throw fail("the root element is <" + xml.getLocalName() + ">, a csexport file has <" + ROOT
                            + ">; is this the output of csexport?");
                }
                return;
            }
        }
        throw fail("the file has no root element");
    }

    /** Reads children of the root until the next cs-object, or to the end of the document. */
    @Override
    DirectoryRecord<PendingExport> readNext() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("cs-object".equals(xml.getLocalName())) {
                    return parser.readCsObject();
                }
                parser.skipElement();
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                // End of <cs-objects>: walk to the end so that trailing garbage or a truncation still fails.
                while (xml.hasNext()) {
                    xml.next();
                }
                return null;
            }
        }
    }

    private StagingExportException fail(String reason) {
        Location at = xml.getLocation();
        return new StagingExportException(source, at.getLineNumber(), at.getColumnNumber(), reason, null);
    }

    @Override
    StagingExportException failure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StrictDecodingReader.UndecodableBytes bad) {
                return new StagingExportException(source, bad.line(), bad.column(), bad.getMessage(), bad);
            }
        }
        if (e instanceof XMLStreamException x) {
            Location at = x.getLocation();
            long line = at == null ? -1 : at.getLineNumber();
            long column = at == null ? -1 : at.getColumnNumber();
            return new StagingExportException(source, line, column, parserMessage(x), x);
        }
        if (e instanceof OktaEntraException) {
            return new StagingExportException(source, -1, -1, e.getMessage(), e);
        }
        Location at = xml == null ? null : safeLocation();
        return new StagingExportException(source, at == null ? -1 : at.getLineNumber(),
                at == null ? -1 : at.getColumnNumber(), "cannot read it: " + e, e);
    }

    private Location safeLocation() {
        try {
            return xml.getLocation();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The JDK's StAX messages start with "ParseError at [row,col]:[l,c]\nMessage: "; the position is ours. */
    static String parserMessage(XMLStreamException e) {
        String message = e.getMessage();
        if (message == null) {
            return "malformed XML";
        }
        int at = message.indexOf("Message: ");
        String text = at >= 0 ? message.substring(at + "Message: ".length()) : message;
        text = text.strip();
        if (text.contains("must start and end within the same entity")
                || text.contains("Premature end of file")) {
            text += " (the file is truncated or malformed)";
        }
        return text;
    }

    @Override
    void release() {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // Closing the StAX cursor does not close the stream; the stream is closed below.
        }
        try {
            in.close();
        } catch (IOException e) {
            throw new StagingExportException(source, -1, -1, "cannot close it: " + e.getMessage(), e);
        }
    }
}
