// Converting anchors: every form of an objectGUID, back again, and what a wrong ImmutableID says about its maker.

String guidText = "3ab39606-c642-489b-84b6-58c038d3ef39";

// objectGUID -> the ImmutableID Okta and Entra Connect compute (Base64 of AD's byte order)
String immutableId = Anchors.immutableId(guidText);
System.out.println("ImmutableID of " + guidText + ": " + immutableId);

// ...and back, from the ImmutableID, {braced} text, the stored bytes as 0x hex or LDAP escapes, or the DN
ObjectGuid guid = Anchors.objectGuid(immutableId);
System.out.println("back to the GUID: " + guid);
// 32 bare hex digits are GUID text without hyphens (.NET "N"), not the stored bytes toHex() prints: say 0x for those
System.out.println("from 0x + toHex():   " + Anchors.objectGuid("0x" + guid.toHex()));

// every form at once
AnchorConversion forms = Anchors.convert(guidText);
System.out.println("hex (AD byte order): " + forms.hex());
System.out.println("LDAP filter:         (objectGUID=" + forms.ldapFilterValue() + ")");
System.out.println("connector-space DN:  " + forms.connectorSpaceDn());
System.out.println("from the DN again:   " + Anchors.objectGuid(forms.connectorSpaceDn()));

// Why does the cloud hold something else? Each known mistake has a name.
System.out.println("OrOWBsZCSJuEtljAONPvOQ== is " + Anchors.explainMismatch(guid, "OrOWBsZCSJuEtljAONPvOQ=="));
System.out.println("BpazOkLGm0iEtljAONPvOQ is " + Anchors.explainMismatch(guid, "BpazOkLGm0iEtljAONPvOQ"));

// A text that is not a GUID says what is wrong with it.
try {
    Anchors.objectGuid("3ab39606-c642-489b-84b6-58c038d3ef3");
} catch (InvalidAnchorException e) {
    System.out.println(e.getMessage());
}
