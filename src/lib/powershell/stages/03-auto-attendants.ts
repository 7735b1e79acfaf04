/** Stage 03: auto attendants with dial scope, directory search and association (AA1–AA5). */
import type { StageSpec } from '../stage.js';

export const autoAttendantsStage: StageSpec = {
  file: '03-auto-attendants.ps1',
  number: '03',
  name: 'auto-attendants',
  synopsis: 'Shared Calling runbook, stage 03: auto attendants and their resource accounts.',
  description: [
    'For each planned auto attendant: resolves the dial-scope groups (object id from the plan, or an exact Find-CsGroup match on the name), creates a directory-search menu (dial by name and/or by extension, AA3), a default call flow and the auto attendant with New-CsAutoAttendant and an inclusion scope from New-CsAutoAttendantDialScope -GroupScope -GroupIds (AA2), then associates the resource account with New-CsOnlineApplicationInstanceAssociation -Identities <ObjectId> -ConfigurationId <AA Id> -ConfigurationType AutoAttendant (AA4).',
    'An existing auto attendant keeps its call flows; only its language, time zone and dial-scope groups are brought in line with the plan. The menu prompt is the greeting of the plan (AA11: at most 1,000 characters) or, without one, fixed English text; it is used when the auto attendant is created, and a later change of the greeting is not applied to an existing one (change it in the Teams admin center). The operator (AA10) is not set by this script: set it in the Teams admin center.',
  ],
  rules: ['AA1', 'AA2', 'AA3', 'AA4', 'AA5', 'AA10', 'AA11'],
  data: ['autoAttendants'],
  body: `
Connect-TeamsIfNeeded

function Find-Association {
    param([string]$AssociationObjectId)
    return (Invoke-Lookup { Get-CsOnlineApplicationInstanceAssociation -Identity $AssociationObjectId -ErrorAction Stop })
}

function Get-ScopeGroupId {
    param($ScopeAutoAttendant)
    if ($null -eq $ScopeAutoAttendant.DirectoryLookupScope -or $null -eq $ScopeAutoAttendant.DirectoryLookupScope.InclusionScope) { return @() }
    return @($ScopeAutoAttendant.DirectoryLookupScope.InclusionScope.GroupScope.GroupIds | ForEach-Object { [string]$_ } | Sort-Object)
}

foreach ($aa in $Plan.AutoAttendants) {
    # AA2: dial-scope group ids; a group without an object id is looked up by its exact name.
    $groupIds = New-Object System.Collections.Generic.List[string]
    $groupProblems = New-Object System.Collections.Generic.List[string]
    foreach ($group in $aa.Groups) {
        if ($group.ObjectId) { $groupIds.Add($group.ObjectId); continue }
        try {
            $foundGroups = @(Invoke-Lookup { Find-CsGroup -SearchQuery $group.Name -ExactMatchOnly $true -ErrorAction Stop } | Where-Object { $_.DisplayName -eq $group.Name })
        } catch {
            $groupProblems.Add(('group {0}: {1}' -f $group.Name, $_.Exception.Message))
            continue
        }
        if ($foundGroups.Count -eq 1) { $groupIds.Add([string]$foundGroups[0].Id) }
        else { $groupProblems.Add(('group {0}: {1} matches' -f $group.Name, $foundGroups.Count)) }
    }
    if ($groupProblems.Count -gt 0) {
        Write-StepLog ('aa:{0}:scope' -f $aa.Id) $aa.Name 'Resolve dial-scope groups (AA2)' 'Failed' ($groupProblems -join '; ')
        continue
    }
    $plannedGroupIds = @($groupIds | Sort-Object)

    # AA3: directory search by name and/or extension.
    $searchMethod = 'None'
    if ($aa.DialByExtension) { $searchMethod = 'ByExtension' } elseif ($aa.DialByName) { $searchMethod = 'ByName' }
    $dialByName = [bool]$aa.DialByName

    Invoke-PlanStep ('aa:{0}:create' -f $aa.Id) $aa.Name 'Create auto attendant (AA1, AA2, AA3)' -IsDone {
        if ($null -ne (Find-AutoAttendant $aa.Name)) { return $true }
        return 'not found'
    } -Change {
        # AA11: the plan's greeting (at most 1,000 characters, checked by the planner) or the default.
        $promptText = 'Please say or enter the name or extension of the person you want to reach.'
        if ($aa.Greeting) { $promptText = $aa.Greeting }
        $prompt = New-CsAutoAttendantPrompt -TextToSpeechPrompt $promptText
        $menu = New-CsAutoAttendantMenu -Name 'Shared Calling directory' -Prompts @($prompt) -EnableDialByName:$dialByName -DirectorySearchMethod $searchMethod -ErrorAction Stop
        $callFlow = New-CsAutoAttendantCallFlow -Name 'Shared Calling default call flow' -Menu $menu -ErrorAction Stop
        if ($plannedGroupIds.Count -gt 0) {
            $dialScope = New-CsAutoAttendantDialScope -GroupScope -GroupIds $plannedGroupIds -ErrorAction Stop
            Invoke-Change { New-CsAutoAttendant -Name $aa.Name -LanguageId $aa.LanguageId -TimeZoneId $aa.TimeZoneId -DefaultCallFlow $callFlow -InclusionScope $dialScope -ErrorAction Stop }
        } else {
            # AA2: without an inclusion scope everyone in the directory is reachable.
            Invoke-Change { New-CsAutoAttendant -Name $aa.Name -LanguageId $aa.LanguageId -TimeZoneId $aa.TimeZoneId -DefaultCallFlow $callFlow -ErrorAction Stop }
        }
    }

    Invoke-PlanStep ('aa:{0}:settings' -f $aa.Id) $aa.Name 'Update language, time zone and dial scope (AA2)' -IsDone {
        $current = Find-AutoAttendant $aa.Name
        if ($null -eq $current) { return 'auto attendant not found' }
        $differences = @()
        if ([string]$current.LanguageId -ne $aa.LanguageId) { $differences += ('language {0}' -f $current.LanguageId) }
        if ([string]$current.TimeZoneId -ne $aa.TimeZoneId) { $differences += ('time zone {0}' -f $current.TimeZoneId) }
        if (-not (Test-SameList (Get-ScopeGroupId $current) $plannedGroupIds)) { $differences += ('groups {0}' -f ((Get-ScopeGroupId $current) -join ' ')) }
        if ($differences.Count -eq 0) { return $true }
        return ($differences -join '; ')
    } -Change {
        $current = Find-AutoAttendant $aa.Name
        $current.LanguageId = $aa.LanguageId
        $current.TimeZoneId = $aa.TimeZoneId
        if (-not (Test-SameList (Get-ScopeGroupId $current) $plannedGroupIds)) {
            if ($plannedGroupIds.Count -eq 0 -or $null -eq $current.DirectoryLookupScope) {
                throw 'AA2: change the dial scope of this auto attendant in the Teams admin center'
            }
            $current.DirectoryLookupScope.InclusionScope = New-CsAutoAttendantDialScope -GroupScope -GroupIds $plannedGroupIds -ErrorAction Stop
        }
        Invoke-Change { Set-CsAutoAttendant -Instance $current -ErrorAction Stop }
    }

    # AA4: link the resource account (ObjectId) to the auto attendant (its Id).
    Invoke-PlanStep ('aa:{0}:association' -f $aa.Id) $aa.Name 'Associate resource account (AA4)' -IsDone {
        if (-not $aa.ResourceAccountUpn) { throw 'AA4: the plan names no resource account for this auto attendant' }
        $instance = Find-ApplicationInstance $aa.ResourceAccountUpn
        $current = Find-AutoAttendant $aa.Name
        if ($null -eq $instance -or $null -eq $current) { return 'resource account or auto attendant not found' }
        $association = Find-Association ([string]$instance.ObjectId)
        if ($null -eq $association -or -not $association.ConfigurationId) { return 'not associated' }
        if ([string]$association.ConfigurationId -eq (Get-ObjectIdentity $current)) { return $true }
        throw ('the resource account is associated with another configuration ({0}); remove that association first' -f $association.ConfigurationId)
    } -Change {
        $instance = Find-ApplicationInstance $aa.ResourceAccountUpn
        $current = Find-AutoAttendant $aa.Name
        Invoke-Change { New-CsOnlineApplicationInstanceAssociation -Identities @([string]$instance.ObjectId) -ConfigurationId (Get-ObjectIdentity $current) -ConfigurationType AutoAttendant -ErrorAction Stop }
    }
}
`,
};
