#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Runs the BenchmarkDotNet suite (bench/Benchmarks) in Release and copies its markdown tables to bench/results/.
.DESCRIPTION
    Usually run as:  dotnet pwsh ./build.ps1 bench -Micro
    Several minutes (the password-hashing rows alone take ~0.1 s per call). Extra arguments go to BenchmarkDotNet,
    e.g. ./bench/run-micro.ps1 --filter '*Jwt*' (quoted, or the shell expands it)
    Writes bench/results/micro.md (the latest table of every class) and bench/results/micro/<class>.md (one per class).
    BenchmarkDotNet's own artifacts stay in ./BenchmarkDotNet.Artifacts (git-ignored).
#>
[CmdletBinding()]
param([Parameter(ValueFromRemainingArguments = $true)] [string[]] $BenchmarkArgs)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../scripts/TodoClean.psm1') -Force
$Root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
$artifacts = Join-Path $Root 'BenchmarkDotNet.Artifacts'
$results = Join-Path $Root 'bench/results'
if (-not $BenchmarkArgs) { $BenchmarkArgs = @() }   # no arguments: every benchmark

Invoke-Script {
    Build-Project 'bench/Benchmarks/Benchmarks.csproj' Release -Quiet

    Remove-Item -Recurse -Force (Join-Path $artifacts 'results') -ErrorAction SilentlyContinue
    Write-Step "Running BenchmarkDotNet $($BenchmarkArgs -join ' ')"
    Push-Location $Root
    try {
        Invoke-Checked 'BenchmarkDotNet' {
            dotnet (Join-Path $Root 'bench/Benchmarks/bin/Release/net10.0/TodoClean.Benchmarks.dll') @BenchmarkArgs --artifacts $artifacts
        }
    }
    finally { Pop-Location }

    $tables = @(Get-ChildItem (Join-Path $artifacts 'results') -Filter '*-report-github.md' | Sort-Object Name)
    if ($tables.Count -eq 0) { Stop-Script 'BenchmarkDotNet wrote no markdown table.' }
    New-Item -ItemType Directory -Force -Path (Join-Path $results 'micro') | Out-Null
    $lines = [Collections.Generic.List[string]]::new()
    $lines.Add('# Micro-benchmarks: latest results')
    $lines.Add('')
    $lines.Add("Run $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', [Globalization.CultureInfo]::InvariantCulture)) UTC with ``dotnet pwsh ./build.ps1 bench -Micro`` (BenchmarkDotNet, in-process, Release). On a shared machine read Min and Median rather than Mean.")
    foreach ($table in $tables) {
        $name = $table.Name -replace '^TodoClean\.Benchmarks\.', '' -replace '-report-github\.md$', ''
        Copy-Item $table.FullName (Join-Path $results "micro/$name.md") -Force
    }
    # Every class's latest table (a filtered run refreshes only its own classes).
    foreach ($table in Get-ChildItem (Join-Path $results 'micro') -Filter '*.md' | Sort-Object Name) {
        $lines.Add('')
        $lines.Add("## $($table.BaseName)")
        $lines.Add('')
        foreach ($line in Get-Content $table.FullName) { $lines.Add($line) }
    }
    $lines | Set-Content (Join-Path $results 'micro.md')
    Write-Step 'Tables written to bench/results/micro.md and bench/results/micro/'
}
