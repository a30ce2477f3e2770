package dev.oktaentra.core.staging;

import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.directory.DirectoryRecord;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The recursive descent over one {@code cs-object}. Elements it does not know are skipped whole; problems that leave
 * the XML intact (no {@code cs-dn}, an unknown operation) are collected and turn the object into a rejected record.
 */
final class CsObjectParser {

    private final XMLStreamReader xml;
    private final String source;
    private String problem;

    CsObjectParser(XMLStreamReader xml, String source) {
        this.xml = xml;
        this.source = source;
    }

    DirectoryRecord<PendingExport> readCsObject() throws XMLStreamException {
        problem = null;
        String location = "line " + xml.getLocation().getLineNumber();
        String csDn = xml.getAttributeValue(null, "cs-dn");
        String id = xml.getAttributeValue(null, "id");
        String objectType = xml.getAttributeValue(null, "object-type");
        ObjectDelta delta = null;
        Hologram synced = null;
        Hologram unapplied = null;
        Hologram pendingImport = null;
        ExportError error = null;
        String exportDeltaOperation = null;
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "unapplied-export":
                    ObjectDelta read = readTower();
                    if (read != null) {
                        if (delta != null) {
                            problem("has more than one pending export delta");
                        }
                        delta = read;
                    }
                    break;
                case "synchronized-hologram":
                    synced = readHologram();
                    break;
                case "unapplied-export-hologram":
                    unapplied = readHologram();
                    break;
                case "pending-import-hologram":
                    pendingImport = readHologram();
                    break;
                case "export-errordetail":
                    error = readExportError();
                    break;
                case "export-delta-operation":
                    exportDeltaOperation = readText().strip();
                    break;
                default:
                    skipElement();
                    break;
            }
        }
        if (csDn == null || csDn.isBlank()) {
            problem("has no cs-dn attribute");
        }
        if (objectType == null || objectType.isBlank()) {
            problem("has no object-type attribute");
        }
        String identity = csDn != null ? csDn : id;
        if (problem != null) {
            return new DirectoryRecord.Rejected<>(source, location, identity, "the cs-object " + problem);
        }
        return new DirectoryRecord.Usable<>(new PendingExport(csDn, id, objectType, delta, synced, unapplied,
                pendingImport, error, exportDeltaOperation, location));
    }

    /** Moves to the next child element (true) or to the end tag of the current one (false). */
    private boolean nextChild() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
    }

    private ObjectDelta readTower() throws XMLStreamException {
        ObjectDelta delta = null;
        while (nextChild()) {
            if ("delta".equals(xml.getLocalName())) {
                if (delta != null) {
                    problem("has more than one pending export delta");
                }
                delta = readDelta();
            } else {
                skipElement();
            }
        }
        return delta;
    }

    private ObjectDelta readDelta() throws XMLStreamException {
        String operationText = xml.getAttributeValue(null, "operation");
        ObjectOperation operation = ObjectOperation.fromName(operationText);
        if (operation == null) {
            problem("has a delta with an unknown operation " + OktaEntraException.quote(operationText));
            operation = ObjectOperation.NONE;
        }
        String dn = xml.getAttributeValue(null, "dn");
        String newDn = xml.getAttributeValue(null, "newdn");
        String anchor = null;
        String primaryObjectClass = null;
        List<String> objectClasses = List.of();
        List<AttributeDelta> attributes = new ArrayList<>();
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "attr":
                    attributes.add(readAttributeDelta(false, operation));
                    break;
                case "dn-attr":
                    attributes.add(readAttributeDelta(true, operation));
                    break;
                case "anchor":
                    anchor = readText().strip();
                    break;
                case "primary-objectclass":
                    primaryObjectClass = readText().strip();
                    break;
                case "objectclass":
                    objectClasses = readObjectClasses();
                    break;
                default:
                    skipElement();
                    break;
            }
        }
        return new ObjectDelta(operation, dn, newDn, anchor, primaryObjectClass, objectClasses, attributes);
    }

    private List<String> readObjectClasses() throws XMLStreamException {
        List<String> classes = new ArrayList<>(2);
        while (nextChild()) {
            if ("oc-value".equals(xml.getLocalName())) {
                classes.add(readText().strip());
            } else {
                skipElement();
            }
        }
        return classes;
    }

    private AttributeDelta readAttributeDelta(boolean dnValued, ObjectOperation deltaOperation)
            throws XMLStreamException {
        String name = xml.getAttributeValue(null, "name");
        String type = xml.getAttributeValue(null, "type");
        boolean multivalued = "true".equalsIgnoreCase(xml.getAttributeValue(null, "multivalued"));
        String operationText = xml.getAttributeValue(null, "operation");
        AttributeOperation operation;
        if (operationText == null) {
            // Without an operation an add delta's attribute is added, any other delta's is given anew.
            operation = deltaOperation == ObjectOperation.ADD ? AttributeOperation.ADD : AttributeOperation.REPLACE;
        } else {
            operation = AttributeOperation.fromName(operationText);
            if (operation == null) {
                problem("has an attribute " + OktaEntraException.quote(name) + " with an unknown operation "
                        + OktaEntraException.quote(operationText));
                operation = AttributeOperation.REPLACE;
            }
        }
        if (name == null || name.isEmpty()) {
            problem("has an attribute change without a name");
            name = "";
        }
        List<ValueDelta> values = new ArrayList<>(multivalued ? 4 : 1);
        String valueElement = dnValued ? "dn-value" : "value";
        while (nextChild()) {
            if (valueElement.equals(xml.getLocalName())) {
                String valueOperationText = xml.getAttributeValue(null, "operation");
                ValueOperation valueOperation = ValueOperation.fromName(valueOperationText);
                if (valueOperation == null) {
                    problem("has a value of " + OktaEntraException.quote(name) + " with an unknown operation "
                            + OktaEntraException.quote(valueOperationText));
                    valueOperation = ValueOperation.SET;
                }
                values.add(new ValueDelta(dnValued ? readDnValue() : readText(), valueOperation));
            } else {
                skipElement();
            }
        }
        return new AttributeDelta(name, dnValued, multivalued, type, operation, values);
    }

    private String readDnValue() throws XMLStreamException {
        String dn = "";
        while (nextChild()) {
            if ("dn".equals(xml.getLocalName())) {
                dn = readText();
            } else {
                skipElement();
            }
        }
        return dn;
    }

    private Hologram readHologram() throws XMLStreamException {
        Hologram hologram = null;
        while (nextChild()) {
            if ("entry".equals(xml.getLocalName())) {
                hologram = readEntry();
            } else {
                skipElement();
            }
        }
        return hologram;
    }

    private Hologram readEntry() throws XMLStreamException {
        String dn = xml.getAttributeValue(null, "dn");
        Hologram.Builder attributes = new Hologram.Builder(dn);
        while (nextChild()) {
            String element = xml.getLocalName();
            boolean dnValued = "dn-attr".equals(element);
            if (dnValued || "attr".equals(element)) {
                String name = xml.getAttributeValue(null, "name");
                List<String> values = readHologramValues(dnValued);
                if (name != null) {
                    attributes.add(name, values);
                }
            } else {
                skipElement();
            }
        }
        return attributes.build();
    }

    private List<String> readHologramValues(boolean dnValued) throws XMLStreamException {
        String first = null;
        List<String> more = null;
        String valueElement = dnValued ? "dn-value" : "value";
        while (nextChild()) {
            if (valueElement.equals(xml.getLocalName())) {
                String value = dnValued ? readDnValue() : readText();
                if (first == null) {
                    first = value;
                } else {
                    if (more == null) {
                        more = new ArrayList<>(4);
                        more.add(first);
                    }
                    more.add(value);
                }
            } else {
                skipElement();
            }
        }
        return more != null ? List.copyOf(more) : first != null ? List.of(first) : List.of();
    }

    private ExportError readExportError() throws XMLStreamException {
        String[] fields = new String[6];
        fields[0] = xml.getAttributeValue(null, "error-type");
        fields[5] = xml.getAttributeValue(null, "date-occurred");
        readErrorFields(fields);
        return new ExportError(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    }

    /** Picks the error's fields at any depth (cd-error, export-status, …), keeping the first of each. */
    private void readErrorFields(String[] fields) throws XMLStreamException {
        while (nextChild()) {
            int slot = switch (xml.getLocalName()) {
                case "error-type" -> 0;
                case "error-code" -> 1;
                case "error-name" -> 2;
                case "error-literal" -> 3;
                case "server-error-detail" -> 4;
                case "date-occurred" -> 5;
                default -> -1;
            };
            if (slot < 0) {
                readErrorFields(fields);
            } else {
                String text = readText().strip();
                if (fields[slot] == null && !text.isEmpty()) {
                    fields[slot] = text;
                }
            }
        }
    }

    /** The text of the current element; child elements are skipped, comments ignored. */
    String readText() throws XMLStreamException {
        String first = null;
        StringBuilder more = null;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (first == null) {
                        first = xml.getText();
                    } else {
                        if (more == null) {
                            more = new StringBuilder(first);
                        }
                        more.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                    break;
                case XMLStreamConstants.START_ELEMENT:
                    skipElement();
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    return more != null ? more.toString() : first != null ? first : "";
                default:
                    break;
            }
        }
    }

    /** Skips the current element and everything in it; the cursor ends on its end tag. */
    void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private void problem(String what) {
        if (problem == null) {
            problem = what;
        } else if (!problem.contains(what)) {
            problem = problem + "; " + what;
        }
    }
}
