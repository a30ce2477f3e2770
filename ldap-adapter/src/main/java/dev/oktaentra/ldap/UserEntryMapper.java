package dev.oktaentra.ldap;

import static dev.oktaentra.core.OktaEntraException.quote;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.Attributes;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremUser;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one directory entry (from a search or an LDIF file) into an {@link OnPremUser}, or into a
 * {@link DirectoryRecord.Rejected} that names the entry and what is wrong with its anchors. Binary attributes are
 * read through the byte accessors only; text through UTF-8.
 */
final class UserEntryMapper {

    private final String source;
    private final List<String> extraAttributes;
    private final Set<String> binaryAttributes;
    private final String[] requestedAttributes;

    /**
     * A mapper for one directory or file.
     *
     * @param source the directory or file name for rejected records
     * @param extraAttributes attributes read into {@link OnPremUser#attributes()} besides {@code employeeID}
     * @param binaryAttributes attributes always kept as bytes
     */
    UserEntryMapper(String source, List<String> extraAttributes, Set<String> binaryAttributes) {
        this.source = source;
        LinkedHashSet<String> extras = new LinkedHashSet<>();
        extras.add(AdAttributes.EMPLOYEE_ID);
        for (String extra : extraAttributes) {
            if (extras.stream().noneMatch(extra::equalsIgnoreCase)) {
                extras.add(extra);
            }
        }
        this.extraAttributes = List.copyOf(extras);
        TreeSet<String> binary = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        binary.addAll(binaryAttributes);
        binary.add(AdAttributes.OBJECT_GUID);
        binary.add(AdAttributes.CONSISTENCY_GUID);
        this.binaryAttributes = binary;
        List<String> requested = new ArrayList<>(List.of(AdAttributes.OBJECT_GUID, AdAttributes.CONSISTENCY_GUID,
                AdAttributes.USER_PRINCIPAL_NAME, AdAttributes.SAM_ACCOUNT_NAME, AdAttributes.MAIL,
                AdAttributes.PROXY_ADDRESSES));
        for (String extra : this.extraAttributes) {
            if (requested.stream().noneMatch(extra::equalsIgnoreCase)) {
                requested.add(extra);
            }
        }
        this.requestedAttributes = requested.toArray(String[]::new);
    }

    /** The attributes a search must return for {@link #map}. */
    String[] requestedAttributes() {
        return requestedAttributes.clone();
    }

    /** Whether an attribute is always held as bytes. */
    boolean isBinary(String attribute) {
        return binaryAttributes.contains(attribute);
    }

    /**
     * Maps an entry.
     *
     * @param entry the entry
     * @param location where it was found: its DN for a search, {@code line N} for a file
     * @param origin the domain or file the user belongs to
     */
    DirectoryRecord<OnPremUser> map(Entry entry, String location, String origin) {
        String upn = entry.getAttributeValue(AdAttributes.USER_PRINCIPAL_NAME);
        String sam = entry.getAttributeValue(AdAttributes.SAM_ACCOUNT_NAME);
        byte[] guid = entry.getAttributeValueBytes(AdAttributes.OBJECT_GUID);
        if (guid == null) {
            return reject(entry, location, upn, sam, "has no objectGUID; every Active Directory object has one,"
                    + " so the export or the search left it out");
        }
        if (guid.length != ObjectGuid.LENGTH) {
            return reject(entry, location, upn, sam, "objectGUID " + hex(guid) + " is " + guid.length
                    + " bytes long, a GUID has 16");
        }
        ObjectGuid consistencyGuid = null;
        Attribute consistency = entry.getAttribute(AdAttributes.CONSISTENCY_GUID);
        if (consistency != null && consistency.size() > 0) {
            byte[][] values = consistency.getValueByteArrays();
            if (values.length > 1) {
                return reject(entry, location, upn, sam, "mS-DS-ConsistencyGuid has " + values.length
                        + " values; it is single-valued");
            }
            if (values[0].length != ObjectGuid.LENGTH) {
                return reject(entry, location, upn, sam, "mS-DS-ConsistencyGuid " + hex(values[0]) + " is "
                        + values[0].length + " bytes long; as a source anchor it must be a 16-byte GUID");
            }
            consistencyGuid = ObjectGuid.of(values[0]);
        }
        String[] proxies = entry.getAttributeValues(AdAttributes.PROXY_ADDRESSES);
        OnPremUser user = new OnPremUser(entry.getDN(), upn, sam, ObjectGuid.of(guid), consistencyGuid,
                entry.getAttributeValue(AdAttributes.MAIL), proxies == null ? List.of() : Arrays.asList(proxies),
                false, null, null, extraAttributes(entry), origin);
        return new DirectoryRecord.Usable<>(user);
    }

    private Attributes extraAttributes(Entry entry) {
        Attributes.Builder builder = null;
        for (String name : extraAttributes) {
            Attribute attribute = entry.getAttribute(name);
            if (attribute == null || attribute.size() == 0) {
                continue;
            }
            if (builder == null) {
                builder = Attributes.builder();
            }
            boolean binary = binaryAttributes.contains(name);
            for (byte[] value : attribute.getValueByteArrays()) {
                builder.add(name, binary ? AttributeValue.ofBytes(value) : textOrBytes(value));
            }
        }
        return builder == null ? Attributes.NONE : builder.build();
    }

    /** Text when the bytes are UTF-8, otherwise the bytes themselves: nothing is lost either way. */
    static AttributeValue textOrBytes(byte[] value) {
        boolean ascii = true;
        for (byte b : value) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return AttributeValue.ofString(new String(value, StandardCharsets.US_ASCII));
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
            return AttributeValue.ofString(text);
        } catch (CharacterCodingException e) {
            return AttributeValue.ofBytes(value);
        }
    }

    private DirectoryRecord<OnPremUser> reject(Entry entry, String location, String upn, String sam,
            String reason) {
        String name = upn != null ? upn : sam;
        String identity;
        if (name == null) {
            identity = entry.getDN();
        } else if (location.equals(entry.getDN())) {
            identity = name;
        } else {
            identity = name + " (" + entry.getDN() + ")";
        }
        return new DirectoryRecord.Rejected<>(source, location, identity, reason);
    }

    private static String hex(byte[] value) {
        return value.length == 0 ? "(empty)" : quote(HexFormat.of().formatHex(value));
    }
}
