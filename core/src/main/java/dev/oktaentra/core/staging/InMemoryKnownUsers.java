package dev.oktaentra.core.staging;

import dev.oktaentra.core.anchor.ImmutableId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Hash indexes by anchor, lower-cased UPN and lower-cased primary SMTP address. */
final class InMemoryKnownUsers implements KnownUsers {

    static final InMemoryKnownUsers EMPTY = new InMemoryKnownUsers(List.of());

    private final Map<ImmutableId, List<KnownUser>> byAnchor = new HashMap<>();
    private final Map<String, List<KnownUser>> byUpn = new HashMap<>();
    private final Map<String, List<KnownUser>> bySmtp = new HashMap<>();

    InMemoryKnownUsers(Collection<KnownUser> users) {
        for (KnownUser user : users) {
            if (user.expectedImmutableId() != null) {
                add(byAnchor, user.expectedImmutableId(), user);
            }
            if (user.cloudImmutableId() != null && !user.cloudImmutableId().equals(user.expectedImmutableId())) {
                add(byAnchor, user.cloudImmutableId(), user);
            }
            if (user.userPrincipalName() != null && !user.userPrincipalName().isBlank()) {
                add(byUpn, key(user.userPrincipalName()), user);
            }
            if (user.primarySmtpAddress() != null && !user.primarySmtpAddress().isBlank()) {
                add(bySmtp, key(user.primarySmtpAddress()), user);
            }
        }
    }

    private static <K> void add(Map<K, List<KnownUser>> index, K key, KnownUser user) {
        index.computeIfAbsent(key, k -> new ArrayList<>(1)).add(user);
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<KnownUser> bySourceAnchor(ImmutableId sourceAnchor) {
        return sourceAnchor == null || byAnchor.isEmpty() ? List.of()
                : List.copyOf(byAnchor.getOrDefault(sourceAnchor, List.of()));
    }

    @Override
    public List<KnownUser> byUserPrincipalName(String userPrincipalName) {
        return userPrincipalName == null || byUpn.isEmpty() ? List.of()
                : List.copyOf(byUpn.getOrDefault(key(userPrincipalName), List.of()));
    }

    @Override
    public List<KnownUser> byPrimarySmtpAddress(String address) {
        return address == null || bySmtp.isEmpty() ? List.of()
                : List.copyOf(bySmtp.getOrDefault(key(address), List.of()));
    }
}
