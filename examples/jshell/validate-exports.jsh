// Validating two PowerShell exports (see the README for the Get-ADUser and Get-MgUser commands that make them):
// which attribute did Okta put into the ImmutableIDs, and what would Entra Connect do with every user?

OnPremDirectory ad = OnPremCsvExport.open(JSHELL_DIR.resolve("adusers.csv"));
CloudDirectory entra = CloudCsvExport.open(JSHELL_DIR.resolve("entrausers.csv"));

// 1. The source anchor
AnchorDetection detection = AnchorSourceDetector.detect(ad, entra);
System.out.println(detection.describe());

// 2. Every user, as Entra Connect would see them
Validation validation = Validation.builder().anchor(detection.winner().anchor()).build();
Files.createDirectories(REPORT_DIR);
try (ValidationReport report = validation.run(ad, entra)) {
    System.out.println("outcomes:   " + report.counts());
    System.out.println("causes:     " + report.causes());
    System.out.println("prediction: " + report.prediction());
    System.out.println("needs attention: " + report.needsAttention());
    try (Stream<ValidationFinding> findings = report.findings()) {
        findings.filter(f -> f.outcome() != MatchOutcome.MATCHED)
                .forEach(f -> System.out.println("  " + f.outcome() + (f.cause() == null ? "" : " " + f.cause())
                        + "  " + (f.userPrincipalName() != null ? f.userPrincipalName() : f.cloudUserPrincipalName())
                        + (f.note() == null ? "" : "  (" + f.note() + ")")));
    }
    report.writeCsv(REPORT_DIR.resolve("validation.csv"));
    report.writeJson(REPORT_DIR.resolve("validation.json"));
    HtmlReport.forValidation(report, "validation.csv", HtmlReport.DEFAULT_MAX_ROWS_PER_OUTCOME)
            .write(REPORT_DIR.resolve("validation.html"));
}
System.out.println("reports written to " + REPORT_DIR);
