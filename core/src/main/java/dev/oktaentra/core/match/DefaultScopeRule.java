package dev.oktaentra.core.match;

import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.directory.UserField;
import java.util.Optional;
import java.util.Set;

/**
 * Entra Connect Sync's out-of-box rules that leave a user object out of the sync, exactly as Microsoft lists them in
 * https://learn.microsoft.com/entra/identity/hybrid/connect/concept-azure-ad-connect-sync-default-configuration
 * ("User out-of-box rules": "The following user objects are not synchronized to Microsoft Entra ID", ms.date
 * 12/05/2024); each constant quotes its expression. String comparisons are made as written (case-sensitive): a rule
 * that fires on fewer objects predicts more adds, which a person then looks at.
 *
 * <p>Not here, because no Microsoft rule names them: {@code krbtgt} is left out only because AD marks it
 * {@code isCriticalSystemObject} ({@link #CRITICAL_SYSTEM_OBJECT}), and {@code HealthMailbox…} accounts are covered by
 * no quoted rule, so they are predicted like any user. The linked-mailbox rule ("The sourceAnchor attribute is not
 * contributed from a linked mailbox") joins across forests and is not modelled. Cloud sync's scoping is not
 * documented in the pages read; the validation applies these rules for Entra Connect Sync only.
 */
public enum DefaultScopeRule {

    /** {@code IsPresent([isCriticalSystemObject])}: the built-in administrator, krbtgt and other built-in objects. */
    CRITICAL_SYSTEM_OBJECT("IsPresent([isCriticalSystemObject])", UserField.CRITICAL_SYSTEM_OBJECT),
    /** {@code IsPresent([sAMAccountName]) = False}. */
    NO_SAM_ACCOUNT_NAME("IsPresent([sAMAccountName]) = False", UserField.SAM_ACCOUNT_NAME),
    /** {@code Left([sAMAccountName], 4) = "AAD_"}: the service account of an earlier Azure AD Connect. */
    AAD_SERVICE_ACCOUNT("Left([sAMAccountName], 4) = \"AAD_\"", UserField.SAM_ACCOUNT_NAME),
    /** {@code Left([sAMAccountName], 5) = "MSOL_"}: the service account of Entra Connect Sync and DirSync. */
    MSOL_SERVICE_ACCOUNT("Left([sAMAccountName], 5) = \"MSOL_\"", UserField.SAM_ACCOUNT_NAME),
    /** {@code [sAMAccountName] = "SUPPORT_388945a0"}. */
    SUPPORT_ACCOUNT("[sAMAccountName] = \"SUPPORT_388945a0\"", UserField.SAM_ACCOUNT_NAME),
    /** <code>Left([mailNickname], 14) = "SystemMailbox&#123;"</code>. */
    SYSTEM_MAILBOX("Left([mailNickname], 14) = \"SystemMailbox{\"", UserField.MAIL_NICKNAME),
    /** <code>(Left([mailNickname], 4) = "CAS_" &amp;&amp; (InStr([mailNickname], "&#125;") &gt; 0))</code>. */
    CAS_MAIL_NICKNAME("(Left([mailNickname], 4) = \"CAS_\" && (InStr([mailNickname], \"}\") > 0))",
            UserField.MAIL_NICKNAME),
    /** <code>(Left([sAMAccountName], 4) = "CAS_" &amp;&amp; (InStr([sAMAccountName], "&#125;")&gt; 0))</code>. */
    CAS_SAM_ACCOUNT_NAME("(Left([sAMAccountName], 4) = \"CAS_\" && (InStr([sAMAccountName], \"}\")> 0))",
            UserField.SAM_ACCOUNT_NAME),
    /**
     * {@code BitAnd([msExchRecipientTypeDetails],&H21C07000) > 0}: mail-enabled public folders, system attendant and
     * system (database) mailboxes, groups, mailbox plans and discovery mailboxes.
     */
    EXCHANGE_SYSTEM_RECIPIENT("CBool(IIF(IsPresent([msExchRecipientTypeDetails]),"
            + "BitAnd([msExchRecipientTypeDetails],&H21C07000) > 0,NULL))", UserField.RECIPIENT_TYPE_DETAILS),
    /** {@code InStr(DNComponent(CRef([dn]),1),"\0ACNF:")>0}: a replication victim (a name conflict's loser). */
    REPLICATION_VICTIM("CBool(InStr(DNComponent(CRef([dn]),1),\"\\\\0ACNF:\")>0)", null);

    /** The bits of {@code msExchRecipientTypeDetails} the rule tests. */
    static final long EXCHANGE_SYSTEM_BITS = 0x21C07000L;

    /** {@code values()} copies its array on every call, and {@link #excluding} runs for every on-prem user. */
    private static final DefaultScopeRule[] RULES = values();

    private final String expression;
    private final UserField field;

    DefaultScopeRule(String expression, UserField field) {
        this.expression = expression;
        this.field = field;
    }

    /**
     * The rule's expression, as Microsoft's page writes it.
     *
     * @return the expression
     */
    public String expression() {
        return expression;
    }

    /**
     * The first rule, in Microsoft's order, that leaves the user out of the sync. A rule whose attribute the source did
     * not provide is not applied: a missing {@code sAMAccountName} column must not leave every user out.
     *
     * @param user the on-prem user
     * @param unread the fields the user's source did not provide
     * @return the rule, or empty when the user is in scope
     */
    public static Optional<DefaultScopeRule> excluding(OnPremUser user, Set<UserField> unread) {
        for (DefaultScopeRule rule : RULES) {
            if ((rule.field == null || unread.isEmpty() || !unread.contains(rule.field)) && rule.applies(user)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private boolean applies(OnPremUser user) {
        String sam = user.samAccountName();
        String nickname = user.mailNickname();
        return switch (this) {
            case CRITICAL_SYSTEM_OBJECT -> user.criticalSystemObject();
            case NO_SAM_ACCOUNT_NAME -> sam == null || sam.isEmpty();
            case AAD_SERVICE_ACCOUNT -> sam != null && sam.startsWith("AAD_");
            case MSOL_SERVICE_ACCOUNT -> sam != null && sam.startsWith("MSOL_");
            case SUPPORT_ACCOUNT -> "SUPPORT_388945a0".equals(sam);
            case SYSTEM_MAILBOX -> nickname != null && nickname.startsWith("SystemMailbox{");
            case CAS_MAIL_NICKNAME -> nickname != null && nickname.startsWith("CAS_") && nickname.contains("}");
            case CAS_SAM_ACCOUNT_NAME -> sam != null && sam.startsWith("CAS_") && sam.contains("}");
            case EXCHANGE_SYSTEM_RECIPIENT -> user.recipientTypeDetails() != null
                    && (user.recipientTypeDetails() & EXCHANGE_SYSTEM_BITS) != 0;
            case REPLICATION_VICTIM -> firstComponentContains(user.distinguishedName(), "\\0ACNF:");
        };
    }

    /** Whether {@code DNComponent(dn, 1)}, the DN up to its first unescaped comma, contains {@code text}. */
    private static boolean firstComponentContains(String dn, String text) {
        int at = dn.indexOf(text);
        return at >= 0 && at + text.length() <= firstComponentEnd(dn);
    }

    /** Where {@code DNComponent(dn, 1)} ends: the index of the DN's first unescaped comma, or its length. */
    private static int firstComponentEnd(String dn) {
        for (int i = 0; i < dn.length(); i++) {
            char c = dn.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ',') {
                return i;
            }
        }
        return dn.length();
    }
}
