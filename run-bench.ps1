<#
.SYNOPSIS
    Runs the toolkit's scaling benchmark or a comparison, for people on Windows.

.DESCRIPTION
    A thin wrapper over the toolkit CLI: it holds no logic of its own. Every option is passed to
    `toolkit scale` (the default) or `toolkit compare` unchanged, so what the test suite checks of
    the CLI is what this script runs. See `toolkit scale --help` and `toolkit compare --help`.

.EXAMPLE
    ./run-bench.ps1 -Sources 1k,10k,100k -Repeat 5
.EXAMPLE
    ./run-bench.ps1 -Compare -Variants baseline,optimized -CompareSources 10k -FailOnRegression 5
.EXAMPLE
    ./run-bench.ps1 -Compare -Files results/a.json,results/b.json
#>
[CmdletBinding()]
param(
    [switch] $Compare,
    [string] $Sources,
    [string] $Variants,
    [string] $Shape,
    [int] $Seed,
    [int] $Repeat,
    [switch] $NoPeers,
    [string] $Out,
    [string] $Projects,
    [switch] $DryRun,
    [string[]] $Files,
    [string] $CompareSources,
    [double] $Threshold,
    [double] $FailOnRegression
)

$project = Join-Path $PSScriptRoot 'harness/Toolkit.Harness'
$arguments = @('run', '-c', 'Release', '--project', $project, '--')

if ($Compare) {
    $arguments += 'compare'
    if ($Files) { $arguments += $Files }
    if ($Variants) { $arguments += @('--variants', $Variants) }
    if ($CompareSources) { $arguments += @('--sources', $CompareSources) }
    if ($PSBoundParameters.ContainsKey('Repeat')) { $arguments += @('--repeat', $Repeat) }
    if ($Shape) { $arguments += @('--shape', $Shape) }
    if ($PSBoundParameters.ContainsKey('Seed')) { $arguments += @('--seed', $Seed) }
    if ($Projects) { $arguments += @('--projects', $Projects) }
    if ($DryRun) { $arguments += '-n' }
    if ($PSBoundParameters.ContainsKey('Threshold')) { $arguments += @('--threshold', $Threshold) }
    if ($PSBoundParameters.ContainsKey('FailOnRegression')) { $arguments += @('--fail-on-regression', $FailOnRegression) }
}
else {
    $arguments += 'scale'
    if ($Sources) { $arguments += @('--sources', $Sources) }
    if ($Variants) { $arguments += @('--variants', $Variants) }
    if ($Shape) { $arguments += @('--shape', $Shape) }
    if ($PSBoundParameters.ContainsKey('Seed')) { $arguments += @('--seed', $Seed) }
    if ($PSBoundParameters.ContainsKey('Repeat')) { $arguments += @('--repeat', $Repeat) }
    if ($NoPeers) { $arguments += '--no-peers' }
    if ($Out) { $arguments += @('--out', $Out) }
    if ($Projects) { $arguments += @('--projects', $Projects) }
    if ($DryRun) { $arguments += '-n' }
}

& dotnet @arguments
exit $LASTEXITCODE
