// A custom match rule in a few lines: pair users by employee number, which HR zero-pads ("000109") and the copy in
// Entra does not ("109"). ivy.cho was renamed ivy.chong in the cloud, so neither UPN nor mail pairs her.

MatchRule byEmployeeNumber = MatchRule.named("employeeNumber", user -> {
    String field = user instanceof OnPremUser ? "employeeID" : "EmployeeId";
    return user.attributes().first(field)
            .map(AttributeValue::asString)
            .map(number -> number.strip().replaceFirst("^0+(?=.)", ""))
            .filter(number -> !number.isEmpty())
            .orElse(null);
});

OnPremDirectory ad = OnPremCsvExport.open(JSHELL_DIR.resolve("adusers.csv"));
CloudDirectory entra = CloudCsvExport.open(JSHELL_DIR.resolve("entrausers.csv"));
SourceAnchor anchor = SourceAnchor.objectGuid();

// Rules run in order; the first that finds a candidate decides. Keep Entra Connect's, then add yours.
List<MatchRule> rules = List.of(MatchRule.hardMatch(anchor), MatchRule.softMatchUserPrincipalName(),
        MatchRule.softMatchPrimarySmtp(), byEmployeeNumber);
// JShell runs a line as soon as it holds a whole statement: a chain continued on the next line with ".anchor(…)"
// would be cut after its first line, so each statement here ends on a line that cannot stand alone.
Validation withEmployeeNumbers = Validation.builder().anchor(anchor).rules(rules).build();

try (ValidationReport standard = Validation.builder().anchor(anchor).build().run(ad, entra);
     ValidationReport custom = withEmployeeNumbers.run(ad, entra)) {
    System.out.println("Entra Connect's rules: " + standard.counts());
    System.out.println("with employee numbers: " + custom.counts());
    try (Stream<ValidationFinding> findings = custom.findings()) {
        findings.filter(f -> "employeeNumber".equals(f.rule()))
                .forEach(f -> System.out.println(f.userPrincipalName() + " pairs with " + f.cloudUserPrincipalName()
                        + ": " + f.outcome()));
    }
}

// The same idea as compiled in-house code, with letters and separators handled too:
System.out.println("EmployeeIdRule.canonical(\" e-000109 \") = " + EmployeeIdRule.canonical(" e-000109 "));
