/**
 * Fixed PowerShell for reading the users' current state at scale (issue 12 item 7), shared by stage
 * 07 and stage 08: from 100 users on, one bulk Get-CsOnlineUser -AccountType User -ResultSize
 * Unlimited instead of one call per user; a user the listing does not hold is read on its own.
 */
export const BULK_READ_HELPERS = `
# From 100 planned users on: every user's current state from one listing, by lower-case UPN, or
# $null below that size or when the listing fails (the users are then read one by one).
function Get-BulkOnlineUser {
    param([int]$PlannedCount)
    if ($PlannedCount -lt 100) { return $null }
    try {
        $bulkListing = @{}
        foreach ($bulkUser in @(Invoke-TenantCall { Get-CsOnlineUser -AccountType User -ResultSize Unlimited -ErrorAction Stop })) {
            if ($bulkUser -and $bulkUser.UserPrincipalName) { $bulkListing[([string]$bulkUser.UserPrincipalName).ToLowerInvariant()] = $bulkUser }
        }
        return $bulkListing
    } catch {
        Write-Warning ('Reading all users at once failed ({0}); reading them one by one.' -f $_.Exception.Message)
        return $null
    }
}

function Get-PlannedOnlineUser {
    param([string]$PlannedUpn)
    if ($null -ne $script:BulkOnlineUsers) {
        $listed = $script:BulkOnlineUsers[$PlannedUpn.ToLowerInvariant()]
        if ($null -ne $listed) { return $listed }
    }
    return (Find-OnlineUser $PlannedUpn)
}
`;
