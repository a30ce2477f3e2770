package dev.oktaentra.core.provisioning;

/**
 * How an identity provider computes the ImmutableID it stamps, as far as its configuration shows.
 *
 * @param appId the app whose mapping this is
 * @param expression the raw mapping expression, e.g. {@code hasDirectoryUser()?findDirectoryUser().externalId:null};
 *        {@code null} when the API does not expose it
 * @param sourceAttribute the on-prem attribute the expression reads: {@code objectGUID}, {@code mS-DS-ConsistencyGuid},
 *        another attribute name, or {@code null} when it cannot be told
 * @param explanation a sentence for a person on how this was concluded
 */
public record ImmutableIdMapping(String appId, String expression, String sourceAttribute, String explanation) {
}
