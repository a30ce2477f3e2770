package dev.oktaentra.ldap;

import com.unboundid.util.Debug;
import com.unboundid.util.DebugType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The LDAP messages the UnboundID SDK sends and receives while this listens, taken from the SDK's own debug log
 * (one JSON line per message, logged inside the TLS tunnel, where a packet capture cannot look). Kept in memory, never
 * printed; entries are not kept, only requests, results and references. For tests that must see how the adapter
 * talks to a real server, such as how many pages it asked for.
 */
final class LdapTraffic implements AutoCloseable {

    private static final String SENT_SEARCH = "\"sending-ldap-request\":\"SearchRequest(baseDN='";
    private static final String REFERENCE = "\"read-ldap-result\":\"SearchResultReference(";

    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());
    private final Logger logger = Debug.getLogger();
    private final boolean parentHandlers = logger.getUseParentHandlers();
    private final Level level = logger.getLevel();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (message != null && !message.contains("SearchResultEntry(")) {
                messages.add(message);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LdapTraffic() {
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        Debug.setEnabled(true, EnumSet.of(DebugType.LDAP));
    }

    /** Starts listening; close to stop. */
    static LdapTraffic listen() {
        return new LdapTraffic();
    }

    /**
     * The search requests sent with a base DN, as the SDK describes them, e.g.
     * {@code SearchRequest(baseDN='OU=Staff,…', scope=SUB, …, controls={SimplePagedResultsControl(pageSize=1000, …)})}.
     */
    List<String> searchRequests(String baseDn) {
        String prefix = SENT_SEARCH + baseDn + "'";
        synchronized (messages) {
            return messages.stream().filter(m -> m.contains(prefix))
                    .map(m -> m.substring(m.indexOf(prefix) + SENT_SEARCH.length() - "SearchRequest(baseDN='".length()))
                    .toList();
        }
    }

    /**
     * The results the server sent for the search requests that contain some text, e.g.
     * {@code SearchResult(resultCode=0 (success), messageID=7, …)}: matched by connection and message id.
     */
    List<String> resultsOf(String baseDn, String requestText) {
        String prefix = SENT_SEARCH + baseDn + "'";
        synchronized (messages) {
            return messages.stream().filter(m -> m.contains(prefix) && m.contains(requestText))
                    .map(request -> {
                        String connection = field(request, "\"connection-id\":");
                        String id = field(request, "\"message-id\":");
                        return messages.stream().filter(m -> m.contains("\"read-ldap-result\":\"SearchResult(")
                                && connection.equals(field(m, "\"connection-id\":"))
                                && (m.contains("messageID=" + id + ",") || m.contains("messageID=" + id + ")")))
                                .findFirst()
                                .map(m -> m.substring(m.indexOf("SearchResult("))).orElse("(no result)");
                    }).toList();
        }
    }

    private static String field(String message, String name) {
        int start = message.indexOf(name);
        if (start < 0) {
            return "";
        }
        start += name.length();
        int end = start;
        while (end < message.length() && Character.isDigit(message.charAt(end))) {
            end++;
        }
        return message.substring(start, end);
    }

    /** The search result references (continuation references) received. */
    List<String> references() {
        synchronized (messages) {
            return messages.stream().filter(m -> m.contains(REFERENCE))
                    .map(m -> m.substring(m.indexOf(REFERENCE) + "\"read-ldap-result\":\"".length())).toList();
        }
    }

    @Override
    public void close() {
        Debug.setEnabled(false);
        logger.removeHandler(handler);
        logger.setLevel(level);
        logger.setUseParentHandlers(parentHandlers);
    }
}
