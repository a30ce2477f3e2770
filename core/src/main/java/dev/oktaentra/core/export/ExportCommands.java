package dev.oktaentra.core.export;

/**
 * The PowerShell commands whose output the export readers take, as the README and error messages show them.
 * Arrays are joined with {@code ;} and binary values turned into GUID text, because {@code Export-Csv} otherwise
 * writes type names such as {@code System.Byte[]} instead of values.
 */
public final class ExportCommands {

    /**
     * On-prem users with Get-ADUser (RSAT ActiveDirectory module), Windows PowerShell 5.1 or PowerShell 7: the
     * anchors, the addresses soft matching uses, {@code displayName} (a takeover copies it to the cloud), and the
     * attributes Entra Connect's default rules leave objects out by ({@code isCriticalSystemObject},
     * {@code sAMAccountName}, {@code mailNickname}, {@code msExchRecipientTypeDetails}:
     * https://learn.microsoft.com/entra/identity/hybrid/connect/concept-azure-ad-connect-sync-default-configuration,
     * "User out-of-box rules").
     *
     * <p>{@code mailNickname} and {@code msExchRecipientTypeDetails} come with Exchange's schema extension; Get-ADUser
     * refuses a {@code -Properties} name the schema does not define ("One or more properties are invalid"), so the
     * command asks the schema first and requests only those it defines. In a forest without them the columns are
     * written empty, which is the truth: no object carries them.
     */
    public static final String ON_PREM = String.join("\n",
            "$schema = (Get-ADRootDSE).schemaNamingContext",
            "$exchange = @(Get-ADObject -SearchBase $schema -Properties lDAPDisplayName -LDAPFilter `",
            "    '(|(lDAPDisplayName=mailNickname)(lDAPDisplayName=msExchRecipientTypeDetails))' |",
            "  ForEach-Object { $_.lDAPDisplayName })",
            "Get-ADUser -Filter * -SearchBase 'OU=Staff,DC=contoso,DC=com' -Properties (@('mail','proxyAddresses',",
            "    'mS-DS-ConsistencyGuid','employeeID','displayName','isCriticalSystemObject') + $exchange) |",
            "  Select-Object DistinguishedName,UserPrincipalName,SamAccountName,ObjectGUID,mail,employeeID,",
            "    displayName,isCriticalSystemObject,mailNickname,msExchRecipientTypeDetails,",
            "    @{n='mS-DS-ConsistencyGuid';e={if ($_.'mS-DS-ConsistencyGuid') {",
            "        [guid]::new([byte[]]$_.'mS-DS-ConsistencyGuid')}}},",
            "    @{n='proxyAddresses';e={$_.proxyAddresses -join ';'}} |",
            "  Export-Csv -Path adusers.csv -NoTypeInformation -Encoding UTF8");

    /**
     * Cloud users with Get-MgUser (Microsoft.Graph.Users module) and what the 2026 matching rules need about them
     * (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant, "Hard match
     * security protections"):
     * <ul>
     *   <li>{@code HoldsAdminRole}: a member of an activated directory role, from Get-MgDirectoryRole and
     *       Get-MgDirectoryRoleMember (Microsoft.Graph.Identity.DirectoryManagement);</li>
     *   <li>{@code EligibleForAdminRole}: named by a PIM eligibility schedule, directly or as a member of the
     *       role-assignable group it names, from Get-MgRoleManagementDirectoryRoleEligibilitySchedule
     *       (Microsoft.Graph.Identity.Governance; Graph {@code roleManagement/directory/roleEligibilitySchedules},
     *       https://learn.microsoft.com/powershell/module/microsoft.graph.identity.governance/
     *       get-mgrolemanagementdirectoryroleeligibilityschedule)
     *       and Get-MgGroupMember (Microsoft.Graph.Groups). Schedules, not instances: every eligibility, current
     *       or to come, counts. A tenant without Entra ID P2 answers {@code AadPremiumLicenseRequired}; the command
     *       then leaves the column out with a warning, and the reader reports it unknown;</li>
     *   <li>{@code OnPremisesObjectIdentifier}: a Graph <b>beta</b> property (v1.0 has none), from Get-MgBetaUser
     *       (Microsoft.Graph.Beta.Users); left out with a warning when the beta module or endpoint fails;</li>
     *   <li>{@code IsCloudManaged}: {@code onPremisesSyncBehavior.isCloudManaged}, one
     *       {@code GET /users/{id}/onPremisesSyncBehavior} per user with an ImmutableID or a sync state, on v1.0 and,
     *       where that fails (the reference pages are still beta), on beta, through
     *       Invoke-MgGraphRequest (Microsoft.Graph.Authentication; its {@code -Uri} "can be segments such as
     *       /beta/me", https://learn.microsoft.com/powershell/module/microsoft.graph.authentication/
     *       invoke-mggraphrequest); the answer is taken wrapped in {@code value} (as Microsoft's own example shows it,
     *       https://learn.microsoft.com/graph/api/onpremisessyncbehavior-get) or not. A user it fails for gets an
     *       empty cell, which the reader counts as unknown. It costs a request per such user: delete its
     *       {@code $columns +=} lines to skip it, and the reader reports the column missing.</li>
     * </ul>
     */
    public static final String CLOUD = String.join("\n",
            "$admins = [System.Collections.Generic.HashSet[string]]::new()",
            "Get-MgDirectoryRole -All | ForEach-Object {",
            "    Get-MgDirectoryRoleMember -DirectoryRoleId $_.Id -All |",
            "      ForEach-Object { [void]$admins.Add($_.Id) } }",
            "$columns = @('Id','UserPrincipalName','DisplayName','OnPremisesImmutableId','OnPremisesSyncEnabled',",
            "    'Mail','EmployeeId',",
            "    @{n='ProxyAddresses';e={$_.ProxyAddresses -join ';'}},",
            "    @{n='OnPremisesLastSyncDateTime';e={if ($_.OnPremisesLastSyncDateTime) {",
            "        $_.OnPremisesLastSyncDateTime.ToString('o')}}},",
            "    @{n='HoldsAdminRole';e={$admins.Contains($_.Id)}})",
            "try {",
            "    $eligible = [System.Collections.Generic.HashSet[string]]::new()",
            "    Get-MgRoleManagementDirectoryRoleEligibilitySchedule -All -ExpandProperty Principal `",
            "        -ErrorAction Stop | ForEach-Object {",
            "        [void]$eligible.Add($_.PrincipalId)",
            "        if ($_.Principal.AdditionalProperties['@odata.type'] -eq '#microsoft.graph.group') {",
            "            Get-MgGroupMember -GroupId $_.PrincipalId -All -ErrorAction Stop |",
            "              ForEach-Object { [void]$eligible.Add($_.Id) } } }",
            "    $columns += @{n='EligibleForAdminRole';e={$eligible.Contains($_.Id)}}",
            "} catch { Write-Warning \"EligibleForAdminRole left out: $_\" }",
            "try {",
            "    $objectIds = @{}",
            "    Get-MgBetaUser -All -Property Id,OnPremisesObjectIdentifier -ErrorAction Stop | ForEach-Object {",
            "        $v = $_.OnPremisesObjectIdentifier",
            "        if (-not $v) { $v = $_.AdditionalProperties['onPremisesObjectIdentifier'] }",
            "        if ($v) { $objectIds[$_.Id] = $v } }",
            "    $columns += @{n='OnPremisesObjectIdentifier';e={$objectIds[$_.Id]}}",
            "} catch { Write-Warning \"OnPremisesObjectIdentifier (Graph beta) left out: $_\" }",
            "$columns += @{n='IsCloudManaged';e={",
            "    if ($_.OnPremisesImmutableId -or $null -ne $_.OnPremisesSyncEnabled) {",
            "        foreach ($v in 'v1.0','beta') { try {",
            "            $b = Invoke-MgGraphRequest -Method GET -OutputType HashTable -ErrorAction Stop `",
            "                -Uri \"/$v/users/$($_.Id)/onPremisesSyncBehavior\"",
            "            if ($b.ContainsKey('value')) { $b = $b['value'] }; $b['isCloudManaged']; break",
            "        } catch { } } }}}",
            "Get-MgUser -All -Property Id,UserPrincipalName,DisplayName,OnPremisesImmutableId,OnPremisesSyncEnabled,`",
            "    Mail,ProxyAddresses,OnPremisesLastSyncDateTime,EmployeeId |",
            "  Select-Object -Property $columns |",
            "  Export-Csv -Path entrausers.csv -NoTypeInformation -Encoding UTF8");

    private ExportCommands() {
    }
}
