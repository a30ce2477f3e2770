package dev.oktaentra.core.staging;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.match.BlockReason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the validation report knows about one user, as the pending-export join needs it: the on-prem side, the cloud
 * side and the anchor Entra Connect will present.
 *
 * <p>{@code onPremises} distinguishes "not read" from "read and empty": a name that is absent was not read (the
 * join cannot tell whether a deleted cloud value exists on-prem), a name mapped to an empty list was read and is
 * empty (a back-fill candidate when the export deletes it).
 *
 * @param userPrincipalName the UPN (cloud or on-prem), or {@code null}
 * @param distinguishedName the on-prem DN; {@code null} when the user is not (or no longer) on-prem
 * @param primarySmtpAddress the primary SMTP address, without {@code SMTP:}, or {@code null}
 * @param cloudUserId the Entra object id; {@code null} when no cloud user exists
 * @param cloudImmutableId the cloud user's {@code onPremisesImmutableId}, or {@code null}
 * @param expectedImmutableId the ImmutableID Entra Connect computes from the on-prem anchor, or {@code null}
 * @param onPremises on-prem attribute values read by name (case-insensitive); never null
 * @param outcome the validation outcome's name, e.g. {@code MATCHED} or {@code ANCHOR_MISMATCH}; never null
 * @param holdsAdminRole whether the cloud user holds a directory role, which stops Entra ID from soft-matching it and,
 *        since MC1262584 (June 2026), from hard-matching it
 * @param matchBlocked whether the validation found that Entra ID will not let the sync take the cloud user over (an
 *        eligible role, a set onPremisesObjectIdentifier, a cloud-managed user, a soft match the tenant switches off):
 *        an add that meets it is a duplicate in the making, not a match
 * @param blockReasons why the validation found Entra ID refuses the match (for a blocked match), else empty
 */
public record KnownUser(String userPrincipalName, String distinguishedName, String primarySmtpAddress,
        String cloudUserId, ImmutableId cloudImmutableId, ImmutableId expectedImmutableId,
        Map<String, List<String>> onPremises, String outcome, boolean holdsAdminRole, boolean matchBlocked,
        Set<BlockReason> blockReasons) {

    /** The block reasons a removal of the user's directory roles clears: an active or an eligible role. */
    private static final Set<BlockReason> ROLES = Set.of(BlockReason.ADMIN_ROLE, BlockReason.ELIGIBLE_ADMIN_ROLE);

    /**
     * On-prem names of AAD connector attributes whose names differ, so that a deleted {@code alias} is looked up
     * as {@code mailNickname}.
     */
    private static final Map<String, String> ON_PREM_NAMES = Map.of(
            "onpremisessamaccountname", "sAMAccountName",
            "alias", "mailNickname");

    /**
     * Checks that the user has an identity and freezes the attributes.
     *
     * @throws IllegalArgumentException when UPN, DN, cloud id and both anchors are all absent
     * @param userPrincipalName the UPN (cloud or on-prem), or {@code null}
     * @param distinguishedName the on-prem DN; {@code null} when the user is not (or no longer) on-prem
     * @param primarySmtpAddress the primary SMTP address, without {@code SMTP:}, or {@code null}
     * @param cloudUserId the Entra object id; {@code null} when no cloud user exists
     * @param cloudImmutableId the cloud user's {@code onPremisesImmutableId}, or {@code null}
     * @param expectedImmutableId the ImmutableID Entra Connect computes from the on-prem anchor, or {@code null}
     * @param onPremises on-prem attribute values read by name (case-insensitive); never null
     * @param outcome the validation outcome's name, e.g. {@code MATCHED} or {@code ANCHOR_MISMATCH}; never null
     * @param holdsAdminRole whether the cloud user holds a directory role, which stops Entra ID from soft-matching it
     * @param matchBlocked whether the validation found that Entra ID will not let the sync take the cloud user over
     * @param blockReasons why the validation found Entra ID refuses the match, else empty
     */
    public KnownUser {
        blockReasons = blockReasons == null || blockReasons.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(blockReasons));
        if (blank(userPrincipalName) && blank(distinguishedName) && blank(cloudUserId) && cloudImmutableId == null
                && expectedImmutableId == null) {
            throw new IllegalArgumentException("A known user needs a UPN, a DN, a cloud id or an anchor");
        }
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (onPremises != null) {
            onPremises.forEach((name, values) -> copy.put(name, values == null ? List.of() : List.copyOf(values)));
        }
        onPremises = Collections.unmodifiableMap(copy);
        outcome = outcome == null ? "" : outcome;
    }

    /**
     * A user without block reasons, as known before the reasons were recorded.
     *
     * @param userPrincipalName the UPN (cloud or on-prem), or {@code null}
     * @param distinguishedName the on-prem DN; {@code null} when the user is not (or no longer) on-prem
     * @param primarySmtpAddress the primary SMTP address, without {@code SMTP:}, or {@code null}
     * @param cloudUserId the Entra object id; {@code null} when no cloud user exists
     * @param cloudImmutableId the cloud user's {@code onPremisesImmutableId}, or {@code null}
     * @param expectedImmutableId the ImmutableID Entra Connect computes from the on-prem anchor, or {@code null}
     * @param onPremises on-prem attribute values read by name (case-insensitive); never null
     * @param outcome the validation outcome's name, e.g. {@code MATCHED} or {@code ANCHOR_MISMATCH}; never null
     * @param holdsAdminRole whether the cloud user holds a directory role, which stops Entra ID from soft-matching it
     * @param matchBlocked whether the validation found that Entra ID will not let the sync take the cloud user over
     */
    public KnownUser(String userPrincipalName, String distinguishedName, String primarySmtpAddress,
            String cloudUserId, ImmutableId cloudImmutableId, ImmutableId expectedImmutableId,
            Map<String, List<String>> onPremises, String outcome, boolean holdsAdminRole, boolean matchBlocked) {
        this(userPrincipalName, distinguishedName, primarySmtpAddress, cloudUserId, cloudImmutableId,
                expectedImmutableId, onPremises, outcome, holdsAdminRole, matchBlocked, Set.of());
    }

    /**
     * Whether only directory roles, active or eligible, block the match: what {@code release-role-holders} removes
     * for the matching window when the library is allowed to.
     *
     * @return true when the block reasons are not empty and all are roles
     */
    public boolean blockedOnlyByRoles() {
        return !blockReasons.isEmpty() && ROLES.containsAll(blockReasons);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * A builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether the user still exists on-prem.
     *
     * @return true when the DN is known
     */
    public boolean presentOnPrem() {
        return !blank(distinguishedName);
    }

    /**
     * Whether a cloud user exists.
     *
     * @return true when the cloud id is known
     */
    public boolean inCloud() {
        return !blank(cloudUserId);
    }

    /**
     * The on-prem values of an attribute, under its connector name or its AD name ({@code alias} →
     * {@code mailNickname}, {@code onPremisesSamAccountName} → {@code sAMAccountName}).
     *
     * @param name the attribute name, any case
     * @return the values (possibly empty: read and empty), or empty when the attribute was not read
     */
    public Optional<List<String>> onPremisesValues(String name) {
        List<String> values = onPremises.get(name);
        if (values == null) {
            String alias = ON_PREM_NAMES.get(name.toLowerCase(java.util.Locale.ROOT));
            values = alias == null ? null : onPremises.get(alias);
        }
        return Optional.ofNullable(values);
    }

    /**
     * How a person would recognise the user: UPN, else DN, else cloud id, else an anchor.
     *
     * @return the description
     */
    public String describe() {
        if (!blank(userPrincipalName)) {
            return userPrincipalName;
        }
        if (!blank(distinguishedName)) {
            return distinguishedName;
        }
        if (!blank(cloudUserId)) {
            return cloudUserId;
        }
        return String.valueOf(expectedImmutableId != null ? expectedImmutableId : cloudImmutableId);
    }

    /** Fluent construction of a {@link KnownUser}. */
    public static final class Builder {
        private String userPrincipalName;
        private String distinguishedName;
        private String primarySmtpAddress;
        private String cloudUserId;
        private ImmutableId cloudImmutableId;
        private ImmutableId expectedImmutableId;
        private final Map<String, List<String>> onPremises = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private String outcome = "";
        private boolean holdsAdminRole;
        private boolean matchBlocked;
        private Set<BlockReason> blockReasons = Set.of();

        private Builder() {
        }

        /**
         * Sets the user principal name.
         *
         * @param value the UPN
         * @return this builder
         */
        public Builder userPrincipalName(String value) {
            this.userPrincipalName = value;
            return this;
        }

        /**
         * Sets the on-prem distinguished name.
         *
         * @param value the on-prem DN
         * @return this builder
         */
        public Builder distinguishedName(String value) {
            this.distinguishedName = value;
            return this;
        }

        /**
         * Sets the primary SMTP address.
         *
         * @param value the primary SMTP address, without prefix
         * @return this builder
         */
        public Builder primarySmtpAddress(String value) {
            this.primarySmtpAddress = value;
            return this;
        }

        /**
         * Sets the Entra object id.
         *
         * @param value the Entra object id
         * @return this builder
         */
        public Builder cloudUserId(String value) {
            this.cloudUserId = value;
            return this;
        }

        /**
         * Sets the cloud user's ImmutableID.
         *
         * @param value the cloud's ImmutableID, or null
         * @return this builder
         */
        public Builder cloudImmutableId(ImmutableId value) {
            this.cloudImmutableId = value;
            return this;
        }

        /**
         * Sets the ImmutableID the on-prem user yields.
         *
         * @param value the ImmutableID expected from on-prem, or null
         * @return this builder
         */
        public Builder expectedImmutableId(ImmutableId value) {
            this.expectedImmutableId = value;
            return this;
        }

        /**
         * Records an on-prem attribute as read; no values means read and empty.
         *
         * @param name the attribute name
         * @param values its values
         * @return this builder
         */
        public Builder onPremises(String name, String... values) {
            onPremises.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(values));
            return this;
        }

        /**
         * Sets the validation's outcome.
         *
         * @param value the validation outcome's name
         * @return this builder
         */
        public Builder outcome(String value) {
            this.outcome = value;
            return this;
        }

        /**
         * Sets whether the cloud user holds a directory role.
         *
         * @param value whether the cloud user holds a directory role
         * @return this builder
         */
        public Builder holdsAdminRole(boolean value) {
            this.holdsAdminRole = value;
            return this;
        }

        /**
         * Sets whether the validation found that Entra ID will not let the sync take the cloud user over.
         *
         * @param value whether the match is blocked
         * @return this builder
         */
        public Builder matchBlocked(boolean value) {
            this.matchBlocked = value;
            return this;
        }

        /**
         * Sets why the validation found Entra ID refuses the match.
         *
         * @param value the reasons, or empty
         * @return this builder
         */
        public Builder blockReasons(Set<BlockReason> value) {
            this.blockReasons = value == null ? Set.of() : Set.copyOf(value);
            return this;
        }

        /**
         * The user.
         *
         * @return the immutable user
         * @throws IllegalArgumentException when it has no identity
         */
        public KnownUser build() {
            return new KnownUser(userPrincipalName, distinguishedName, primarySmtpAddress, cloudUserId,
                    cloudImmutableId, expectedImmutableId, onPremises, outcome, holdsAdminRole, matchBlocked,
                    blockReasons);
        }
    }
}
