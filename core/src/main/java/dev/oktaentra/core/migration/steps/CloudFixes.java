package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.CloudAttribute;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.UpnSwap;
import dev.oktaentra.core.report.Counts;
import dev.oktaentra.core.tenant.DomainAuthentication;
import dev.oktaentra.core.tenant.TenantDomain;
import dev.oktaentra.core.tenant.TenantDomains;
import dev.oktaentra.core.validation.ValidationFinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Plans the ImmutableID fixes of cloud-managed users: a direct write where the user's UPN is in a managed domain (or
 * where the tenant port reads no domains, as before domains were read; {@code remediate-anchors}' assessment warns); for
 * a UPN in a federated domain (or one no listed domain covers) either an instruction or, with
 * {@code MigrationOptions.federatedUpnSwap}, the UPN swap ({@link UpnSwap}).
 *
 * <p>A federated user's ImmutableID cannot simply be changed ({@link DomainAuthentication#allowsImmutableIdChange()}
 * cites the sources). By default the plan tells a person to convert the domain to managed first, as Microsoft's
 * tutorial "Migrate Okta federation to Microsoft Entra ID managed authentication" describes (section "Defederate
 * Office 365 domains": "Update-MgDomain -DomainId yourdomain.com -AuthenticationType "Managed"",
 * https://learn.microsoft.com/entra/identity/enterprise-apps/migrate-okta-federation), and plans nothing for those
 * users. With the opt-in, each user gets three changes: its UPN to the tenant's initial onmicrosoft.com domain, the
 * ImmutableID, its UPN back. They go in chunks of 20 users (the Graph {@code $batch} size), away, ImmutableIDs, back,
 * so that no user stays long on its temporary sign-in name. A user whose temporary UPN another user already holds
 * gets an instruction instead.
 *
 * <p>A user the journal shows stranded on its temporary UPN ({@link StrandedSwaps}) always gets its UPN back, with
 * its ImmutableID fix first when it still needs one, whatever the option says.
 */
final class CloudFixes {

    /** Microsoft's tutorial for converting a domain federated to Okta to managed authentication. */
    static final String DEFEDERATE = "https://learn.microsoft.com/entra/identity/enterprise-apps/migrate-okta-federation";
    private static final int CHUNK = 20;
    private static final int EXAMPLES = 5;

    private record Swap(String userId, String ownUpn, String temporaryUpn, boolean away, String before, String after,
            String reason) {
    }

    private final Optional<TenantDomains> domains;
    private final Map<String, StrandedSwaps.Stranded> stranded;
    private final boolean swapAllowed;
    private final List<Change> direct = new ArrayList<>();
    private final List<Swap> swaps = new ArrayList<>();
    private final Map<String, List<ValidationFinding>> federated = new LinkedHashMap<>();

    CloudFixes(Optional<TenantDomains> domains, Map<String, StrandedSwaps.Stranded> stranded, boolean swapAllowed) {
        this.domains = domains;
        this.stranded = stranded;
        this.swapAllowed = swapAllowed;
    }

    /** Takes one cloud-managed user's ANCHOR_MISMATCH. */
    void add(ValidationFinding f) {
        add(f, "ANCHOR_MISMATCH (" + f.cause() + "): " + f.userPrincipalName());
    }

    /**
     * Takes one cloud-managed user whose ImmutableID is to be stamped or fixed: directly in a managed domain, by the
     * UPN swap or an instruction in a federated one.
     */
    void add(ValidationFinding f, String reason) {
        StrandedSwaps.Stranded away = stranded.get(f.cloudId());
        if (away != null) {
            swaps.add(new Swap(f.cloudId(), away.ownUpn(), away.currentUpn(), true, f.cloudImmutableId(),
                    f.expectedImmutableId(), reason));
            return;
        }
        DomainAuthentication auth = domains.map(d -> d.authenticationOf(f.cloudUserPrincipalName()))
                .orElse(DomainAuthentication.MANAGED);
        if (auth.allowsImmutableIdChange()) {
            direct.add(CloudAttribute.immutableId(f.cloudId(), f.cloudImmutableId(), f.expectedImmutableId(), reason));
        } else {
            String domain = domains.flatMap(d -> d.domainOf(f.cloudUserPrincipalName())).map(TenantDomain::name)
                    .orElse("(a domain the tenant does not list)");
            federated.computeIfAbsent(domain, k -> new ArrayList<>()).add(f);
        }
    }

    /**
     * The changes, direct writes first, then the swaps in chunks; instructions for what cannot be planned.
     *
     * @param ctx the context, for the cloud directory (who holds a temporary UPN already)
     * @param instructions where instructions go
     * @return the changes in plan order
     */
    List<Change> plan(MigrationContext ctx, List<String> instructions) {
        if (!federated.isEmpty()) {
            if (swapAllowed) {
                planSwaps(ctx, instructions);
            } else {
                federated.forEach((domain, users) -> instructions.add(convertFirst(domain, users)));
            }
        }
        stranded.values().stream().filter(s -> swaps.stream().noneMatch(w -> w.userId().equals(s.userId())))
                .forEach(s -> swaps.add(new Swap(s.userId(), s.ownUpn(), s.currentUpn(), true, null, null,
                        "its ImmutableID is fixed")));
        List<Change> changes = new ArrayList<>(direct);
        for (int from = 0; from < swaps.size(); from += CHUNK) {
            List<Swap> chunk = swaps.subList(from, Math.min(swaps.size(), from + CHUNK));
            chunk.stream().filter(s -> !s.away()).forEach(s -> changes.add(UpnSwap.away(s.userId(), s.ownUpn(),
                    s.temporaryUpn(), "UPN swap 1/3, so the ImmutableID can change: " + s.reason())));
            chunk.stream().filter(s -> s.after() != null).forEach(s -> changes.add(CloudAttribute.immutableId(
                    s.userId(), s.before(), s.after(), "UPN swap 2/3: " + s.reason())));
            chunk.forEach(s -> changes.add(UpnSwap.back(s.userId(), s.temporaryUpn(), s.ownUpn(),
                    "UPN swap 3/3, back to its own sign-in name: " + s.reason())));
        }
        return changes;
    }

    /** Whether any user's ImmutableID waits for its domain to be converted (the default for federated users). */
    long waitingForConversion() {
        return swapAllowed ? 0 : federated.values().stream().mapToLong(List::size).sum();
    }

    private void planSwaps(MigrationContext ctx, List<String> instructions) {
        TenantDomains known = domains.orElseThrow();
        Optional<TenantDomain> initial = known.initial();
        if (initial.isEmpty()) {
            federated.forEach((domain, users) -> instructions.add(convertFirst(domain, users) + " The UPN swap is "
                    + "switched on, but Graph listed no managed initial (onmicrosoft.com) domain to move the UPNs to."));
            return;
        }
        Set<String> taken = upnsIn(ctx, initial.get().name());
        federated.values().forEach(users -> users.forEach(f -> {
            String temporary = known.inInitialDomain(f.cloudUserPrincipalName()).orElseThrow();
            if (!taken.add(temporary.toLowerCase(Locale.ROOT))) {
                instructions.add("Cloud user " + f.cloudUserPrincipalName() + " needs ImmutableID "
                        + f.expectedImmutableId() + ", but its temporary UPN " + temporary + " belongs to another "
                        + "user: fix it by hand (move its UPN to a free name in " + initial.get().name() + ", set "
                        + "the ImmutableID, move it back) or convert its domain to managed (" + DEFEDERATE + ").");
                return;
            }
            swaps.add(new Swap(f.cloudId(), f.cloudUserPrincipalName(), temporary, false, f.cloudImmutableId(),
                    f.expectedImmutableId(), "ANCHOR_MISMATCH (" + f.cause() + "): " + f.userPrincipalName()));
        }));
    }

    /** The UPNs of the cloud directory in a domain, lower case: a temporary UPN must be free. */
    private static Set<String> upnsIn(MigrationContext ctx, String domain) {
        Set<String> upns = new HashSet<>();
        String suffix = "@" + domain;
        try (Stream<CloudUser> users = MigrationContext.require(ctx.cloud(), "the cloud directory",
                "remediate-anchors").users()) {
            users.map(u -> u.userPrincipalName().toLowerCase(Locale.ROOT)).filter(u -> u.endsWith(suffix))
                    .forEach(upns::add);
        }
        return upns;
    }

    private static String convertFirst(String domain, List<ValidationFinding> users) {
        return Counts.of(users.size(), "cloud user", "cloud users") + " in " + domain + " (e.g. "
                + users.stream().limit(EXAMPLES).map(ValidationFinding::cloudUserPrincipalName).toList()
                + ") " + (users.size() == 1 ? "needs" : "need") + " another ImmutableID, which Entra ID does not "
                + "let change while the UPN is in a federated domain. Convert " + domain + " to managed "
                + "authentication first, as Microsoft's tutorial describes (section \"Defederate Office 365 domains\": "
                + "Update-MgDomain -DomainId " + domain + " -AuthenticationType \"Managed\", " + DEFEDERATE
                + "), then plan this step again. Or opt in to the UPN swap (federatedUpnSwap): each user's UPN "
                + "moves to the tenant's onmicrosoft.com domain and back, renaming its sign-in name and OneDrive "
                + "URL meanwhile; read the README first.";
    }
}
