package dev.oktaentra.okta;

import com.okta.sdk.resource.model.ListProfileMappings;
import com.okta.sdk.resource.model.ProfileMapping;
import com.okta.sdk.resource.model.ProfileMappingProperty;
import dev.oktaentra.core.provisioning.ImmutableIdMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the Okta → Office 365 profile mapping of an app and classifies its {@code immutableId} expression.
 *
 * <p>{@code GET /api/v1/mappings?targetId={appId}} lists the mappings into the app without their properties; the
 * one whose source type is {@code user} is the Okta user → app user mapping. {@code GET /api/v1/mappings/{id}} then
 * gives {@code properties.immutableId.expression}. When the org does not expose it (no such mapping, the API answers
 * 400/403/404), the result holds {@code null}s and says why; authentication, rate-limit and server errors are
 * thrown.
 */
final class ImmutableIdMappings {

    private static final int PAGE_SIZE = 200;

    private final OktaApi api;

    /**
     * Reads mappings through one API.
     *
     * @param api the API
     */
    public ImmutableIdMappings(OktaApi api) {
        this.api = api;
    }

    /**
     * Reads and classifies the mapping of one app.
     *
     * @param appId the app
     * @return the mapping
     */
    public ImmutableIdMapping read(String appId) {
        List<ListProfileMappings> fromUsers;
        try {
            fromUsers = userMappingsTo(appId);
        } catch (OktaException e) {
            return unexposed(appId, e, "listing the profile mappings to the app");
        }
        if (fromUsers.isEmpty()) {
            return new ImmutableIdMapping(appId, null, null, "Okta lists no Okta user \u2192 app user profile"
                    + " mapping for app " + appId + ", so the expression behind immutableId cannot be read;"
                    + " compare the cloud ImmutableIDs with AD to learn the source.");
        }
        if (fromUsers.size() > 1) {
            List<String> ids = fromUsers.stream().map(ListProfileMappings::getId).toList();
            return new ImmutableIdMapping(appId, null, null, "Okta lists " + ids.size() + " Okta user \u2192 app"
                    + " user mappings for app " + appId + " " + ids + "; which one feeds immutableId is not clear.");
        }
        String mappingId = fromUsers.get(0).getId();
        ProfileMapping mapping;
        try {
            mapping = api.mapping(mappingId);
        } catch (OktaException e) {
            return unexposed(appId, e, "reading profile mapping " + mappingId);
        }
        ProfileMappingProperty property = mapping.getProperties() == null ? null
                : mapping.getProperties().get(AppUsers.IMMUTABLE_ID);
        String expression = property == null ? null : property.getExpression();
        String push = property == null || property.getPushStatus() == null ? null
                : property.getPushStatus().getValue();
        return ImmutableIdExpressions.classify(appId, expression, push);
    }

    private List<ListProfileMappings> userMappingsTo(String appId) {
        List<ListProfileMappings> found = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String after = null;
        do {
            Page<ListProfileMappings> page = api.mappingsTo(appId, after, PAGE_SIZE);
            for (ListProfileMappings item : page.items()) {
                boolean toThisApp = item.getTarget() == null || item.getTarget().getId() == null
                        || appId.equals(item.getTarget().getId());
                if (toThisApp && item.getSource() != null && "user".equals(item.getSource().getType())) {
                    found.add(item);
                }
            }
            after = page.after();
            if (after != null && !cursors.add(after)) {
                throw api.errors().problem("the mapping list for app " + appId + " points to the cursor after="
                        + after + " a second time; stopped instead of looping.");
            }
        } while (after != null);
        return found;
    }

    private static ImmutableIdMapping unexposed(String appId, OktaException e, String doing) {
        int s = e.httpStatus();
        if (s != 400 && s != 403 && s != 404 && s != 405) {
            throw e;
        }
        String why = s == 403 ? "; an OAuth 2.0 client needs the scope okta.profileMappings.read" : "";
        return new ImmutableIdMapping(appId, null, null, "The profile mappings API did not expose the immutableId"
                + " expression (" + ProvisioningProbe.brief(e) + " when " + doing + ")" + why
                + "; compare the cloud ImmutableIDs with AD to learn the source.");
    }
}
