package dev.oktaentra.core.export;

/**
 * The PowerShell commands whose output the export readers take, as the README and error messages show them.
 * Arrays are joined with {@code ;} and binary values turned into GUID text, because {@code Export-Csv} otherwise
 * writes type names such as {@code System.Byte[]} instead of values.
 */
public final class ExportCommands {

    /** On-prem users with Get-ADUser (RSAT ActiveDirectory module), Windows PowerShell 5.1 or PowerShell 7. */
    public static final String ON_PREM = String.join("\n",
            "Get-ADUser -Filter * -SearchBase 'OU=Staff,DC=contoso,DC=com' `",
            "    -Properties mail,proxyAddresses,mS-DS-ConsistencyGuid,employeeID |",
            "  Select-Object DistinguishedName,UserPrincipalName,SamAccountName,ObjectGUID,mail,employeeID,",
            "    @{n='mS-DS-ConsistencyGuid';e={if ($_.'mS-DS-ConsistencyGuid') {",
            "        [guid]::new([byte[]]$_.'mS-DS-ConsistencyGuid')}}},",
            "    @{n='proxyAddresses';e={$_.proxyAddresses -join ';'}} |",
            "  Export-Csv -Path adusers.csv -NoTypeInformation -Encoding UTF8");

    /**
     * Cloud users with Get-MgUser (Microsoft.Graph.Users module), and whether each is a member of an activated
     * directory role, from Get-MgDirectoryRole and Get-MgDirectoryRoleMember
     * (Microsoft.Graph.Identity.DirectoryManagement module), as {@code HoldsAdminRole} {@code True} or
     * {@code False}. PIM-eligible assignments that are not active are not members, so they are not counted.
     */
    public static final String CLOUD = String.join("\n",
            "$admins = [System.Collections.Generic.HashSet[string]]::new()",
            "Get-MgDirectoryRole -All | ForEach-Object {",
            "    Get-MgDirectoryRoleMember -DirectoryRoleId $_.Id -All |",
            "      ForEach-Object { [void]$admins.Add($_.Id) } }",
            "Get-MgUser -All -Property Id,UserPrincipalName,OnPremisesImmutableId,OnPremisesSyncEnabled,Mail,`",
            "    ProxyAddresses,OnPremisesLastSyncDateTime,EmployeeId |",
            "  Select-Object Id,UserPrincipalName,OnPremisesImmutableId,OnPremisesSyncEnabled,Mail,EmployeeId,",
            "    @{n='ProxyAddresses';e={$_.ProxyAddresses -join ';'}},",
            "    @{n='OnPremisesLastSyncDateTime';e={if ($_.OnPremisesLastSyncDateTime) {",
            "        $_.OnPremisesLastSyncDateTime.ToString('o')}}},",
            "    @{n='HoldsAdminRole';e={$admins.Contains($_.Id)}} |",
            "  Export-Csv -Path entrausers.csv -NoTypeInformation -Encoding UTF8");

    private ExportCommands() {
    }
}
