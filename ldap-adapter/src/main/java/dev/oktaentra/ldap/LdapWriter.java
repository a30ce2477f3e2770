package dev.oktaentra.ldap;

import static dev.oktaentra.core.OktaEntraException.quote;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.controls.AssertionRequestControl;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.core.match.SourceAnchor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compare-and-set writes of {@code mS-DS-ConsistencyGuid} and of back-fill attributes.
 *
 * <p>Each write is one modify whose value changes are themselves the guard: {@code delete <before>} fails with
 * noSuchAttribute when the directory no longer holds the value the plan saw, and {@code add <after>} on a
 * single-valued attribute fails when one is already there. Active Directory honours exactly this and nothing else
 * (it has no RFC 4528 assertion control); where the server does advertise the assertion control, the modify also
 * carries one ({@code (attr=before)} or {@code (!(attr=*))}), which guards multi-valued attributes too. On any
 * failure the writer reads the value back: the planned value means {@link WriteStatus#ALREADY_APPLIED} (a resumed
 * run), another value a {@link WriteStatus#CONFLICT}.
 *
 * <p>An answer can be lost: the domain controller applies the modify and then the connection drops, or it answers
 * busy or unavailable (RFC 4511 section A.1) after the change. So when the failure was not one of the guards and the
 * value reads back as planned, the write is {@link WriteStatus#APPLIED} (by this run, with the before-value it
 * replaced), not ALREADY_APPLIED: the journal and the report count it as written now. The read-back takes a fresh
 * connection from the pool, which binds again with the password it keeps for its life.
 */
final class LdapWriter implements DirectoryWriter {

    private static final Logger LOG = LoggerFactory.getLogger(LdapWriter.class);

    /** Result codes that mean "the value was not what the plan saw". */
    private static final Set<ResultCode> GUARD_FAILURES = Set.of(ResultCode.ASSERTION_FAILED,
            ResultCode.NO_SUCH_ATTRIBUTE, ResultCode.ATTRIBUTE_OR_VALUE_EXISTS);

    private final List<DomainConnection> domains;
    private final String name;

    LdapWriter(List<DomainConnection> domains, String name) {
        this.domains = domains;
        this.name = name;
    }

    @Override
    public List<WriteResult> write(List<AttributeWrite> writes) {
        List<WriteResult> results = new ArrayList<>(writes.size());
        for (AttributeWrite write : writes) {
            WriteResult result = writeOne(write);
            switch (result.status()) {
                case APPLIED -> LOG.info("{}: wrote {} on {}", name, write.attribute(), write.target());
                case ALREADY_APPLIED -> LOG.info("{}: {} on {} already held the planned value", name,
                        write.attribute(), write.target());
                default -> LOG.warn("{}: {} of {} on {}: {}", name, result.status(), write.attribute(),
                        write.target(), result.message());
            }
            results.add(result);
        }
        return results;
    }

    @Override
    public List<String> writableAttributes() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        domains.forEach(d -> names.addAll(d.settings().backFillAttributes()));
        List<String> writable = new ArrayList<>();
        writable.add(SourceAnchor.CONSISTENCY_GUID);
        writable.addAll(names);
        return List.copyOf(writable);
    }

    @Override
    public String name() {
        return name;
    }

    private WriteResult writeOne(AttributeWrite write) {
        DN dn;
        try {
            dn = new DN(write.target());
        } catch (LDAPException e) {
            return refused(write, "target " + quote(write.target()) + " is not a DN");
        }
        DomainConnection domain = domains.stream().filter(d -> d.inScope(dn)).findFirst().orElse(null);
        if (domain == null) {
            return refused(write, write.target() + " is outside the OUs selected for sync; only objects read from"
                    + " this directory are written");
        }
        String attribute = writableName(domain, write.attribute());
        if (attribute == null) {
            return refused(write, write.attribute() + " is not writable here; writable: " + writableAttributes());
        }
        String problem = attribute.equals(SourceAnchor.CONSISTENCY_GUID) ? checkGuidWrite(write)
                : checkBackFill(write);
        if (problem != null) {
            return refused(write, problem);
        }

        List<Modification> changes = new ArrayList<>(2);
        if (write.before() != null) {
            changes.add(new Modification(ModificationType.DELETE, attribute, write.before().bytes()));
        }
        if (write.after() != null) {
            changes.add(new Modification(ModificationType.ADD, attribute, write.after().bytes()));
        }
        ModifyRequest request = new ModifyRequest(dn, changes);
        if (domain.supportsAssertionControl()) {
            Filter expected = write.before() == null
                    ? Filter.createNOTFilter(Filter.createPresenceFilter(attribute))
                    : Filter.createEqualityFilter(attribute, write.before().bytes());
            request.addControl(new AssertionRequestControl(expected, true));
        }
        try {
            domain.pool().modify(request);
            return new WriteResult(write, WriteStatus.APPLIED, write.before(), "");
        } catch (LDAPException e) {
            return afterFailure(domain, write, attribute, e);
        }
    }

    /** Reads the value back to tell a resumed write and a conflict from a real failure. */
    private WriteResult afterFailure(DomainConnection domain, AttributeWrite write, String attribute,
            LDAPException failure) {
        SearchResultEntry entry;
        try {
            entry = domain.pool().getEntry(write.target(), attribute);
        } catch (LDAPException e) {
            return new WriteResult(write, WriteStatus.FAILED, null, LdapErrors.describe(failure)
                    + "; reading the value back also failed: " + LdapErrors.describe(e));
        }
        if (entry == null) {
            return new WriteResult(write, WriteStatus.FAILED, null, "no object " + write.target()
                    + " (moved or deleted since planning?): " + LdapErrors.describe(failure));
        }
        byte[][] current = entry.hasAttribute(attribute) ? entry.getAttribute(attribute).getValueByteArrays()
                : new byte[0][];
        AttributeValue observed = current.length == 0 ? null : valueOf(domain, attribute, current[0]);
        if (holds(current, write.after(), true)) {
            if (!GUARD_FAILURES.contains(failure.getResultCode())) {
                LOG.warn("{}: the answer to writing {} on {} was lost ({}); it reads back with the planned value",
                        name, attribute, write.target(), LdapErrors.describe(failure));
                return new WriteResult(write, WriteStatus.APPLIED, write.before(), "the directory's answer was lost ("
                        + LdapErrors.describe(failure) + "); read back: " + attribute + " holds the planned value, "
                        + "so it was written");
            }
            return new WriteResult(write, WriteStatus.ALREADY_APPLIED, observed, attribute
                    + " already holds the planned value; nothing written");
        }
        if (GUARD_FAILURES.contains(failure.getResultCode()) || !holds(current, write.before(), false)) {
            return new WriteResult(write, WriteStatus.CONFLICT, observed, "the plan saw " + show(attribute,
                    write.before()) + " but " + write.target() + " now holds " + show(attribute, observed)
                    + (current.length > 1 ? " and " + (current.length - 1) + " more value(s)" : "")
                    + "; not written, plan again");
        }
        return new WriteResult(write, WriteStatus.FAILED, observed, LdapErrors.describe(failure));
    }

    /** Whether the values are exactly {@code value} ({@code exactly}) or include it; null means no values. */
    private static boolean holds(byte[][] current, AttributeValue value, boolean exactly) {
        if (value == null) {
            return current.length == 0;
        }
        byte[] wanted = value.bytes();
        if (exactly) {
            return current.length == 1 && Arrays.equals(current[0], wanted);
        }
        return Arrays.stream(current).anyMatch(v -> Arrays.equals(v, wanted));
    }

    private static String writableName(DomainConnection domain, String attribute) {
        if (attribute.equalsIgnoreCase(SourceAnchor.CONSISTENCY_GUID)) {
            return SourceAnchor.CONSISTENCY_GUID;
        }
        return domain.settings().backFillAttributes().stream().filter(attribute::equalsIgnoreCase).findFirst()
                .orElse(null);
    }

    private static String checkGuidWrite(AttributeWrite write) {
        for (AttributeValue value : Arrays.asList(write.before(), write.after())) {
            if (value != null && value.length() != ObjectGuid.LENGTH) {
                return "mS-DS-ConsistencyGuid values are 16 bytes (a GUID); " + show(write.attribute(), value)
                        + " is " + value.length();
            }
        }
        return null;
    }

    private static String checkBackFill(AttributeWrite write) {
        if (write.before() != null && write.after() != null) {
            return write.attribute() + " is back-filled only where empty; the plan saw "
                    + show(write.attribute(), write.before()) + ", so it is not overwritten";
        }
        return null;
    }

    private static AttributeValue valueOf(DomainConnection domain, String attribute, byte[] bytes) {
        return domain.mapper().isBinary(attribute) ? AttributeValue.ofBytes(bytes)
                : UserEntryMapper.textOrBytes(bytes);
    }

    private static String show(String attribute, AttributeValue value) {
        if (value == null) {
            return "(empty)";
        }
        if (attribute.equalsIgnoreCase(SourceAnchor.CONSISTENCY_GUID) && value.length() == ObjectGuid.LENGTH) {
            return ObjectGuid.of(value.bytes()) + " (" + value + ")";
        }
        return value.isText() ? quote(value.asString()) : value.toString();
    }

    private static WriteResult refused(AttributeWrite write, String why) {
        return new WriteResult(write, WriteStatus.REFUSED, null, why);
    }
}
