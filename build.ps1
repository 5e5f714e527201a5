#!/usr/bin/env pwsh
<#
.SYNOPSIS
    TodoClean build script: restore, build, test and run the whole application.
.DESCRIPTION
    Run it through the local PowerShell tool so a fresh machine needs only the .NET SDK:
        dotnet tool restore && dotnet pwsh ./build.ps1 run     # both hosts on SQLite with a generated dev secret
        dotnet tool restore && dotnet pwsh ./build.ps1 test    # every test suite
.PARAMETER Target
    Restore | Build | Test | Run
.PARAMETER Configuration
    Debug (default) or Release.
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Restore', 'Build', 'Test', 'Run')]
    [string] $Target = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$env:NO_COLOR = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$Root = $PSScriptRoot
$Solution = Join-Path $Root 'TodoClean.sln'

function Write-Step([string] $Message) { Write-Host "==> $Message" }

function Stop-Build([string] $Message) {
    Write-Host "ERROR: $Message"
    exit 1
}

# Runs an external command and stops the build when it fails.
function Invoke-Checked([string] $What, [scriptblock] $Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { Stop-Build "$What failed (exit code $LASTEXITCODE)." }
}

function Assert-Prerequisites {
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
        Stop-Build 'The .NET SDK is not installed. Install .NET SDK 10 from https://dot.net and try again.'
    }
    $sdk = (& dotnet --version 2>$null)
    if ($LASTEXITCODE -ne 0 -or -not $sdk -or -not $sdk.StartsWith('10.')) {
        Stop-Build "TodoClean needs .NET SDK 10.0.400 or later (global.json); 'dotnet --version' says '$sdk'."
    }
}

function Invoke-Restore {
    Write-Step 'Restoring packages and tools'
    Invoke-Checked 'dotnet tool restore' { dotnet tool restore }
    Invoke-Checked 'dotnet restore' { dotnet restore $Solution }
}

function Invoke-Build {
    Invoke-Restore
    Write-Step "Building ($Configuration, warnings are errors)"
    Invoke-Checked 'dotnet build' { dotnet build $Solution --no-restore -c $Configuration }
}

# The development secret: generated once into a git-ignored file, shared by both hosts.
function Get-DevSecret {
    $dir = Join-Path $Root '.secrets'
    $file = Join-Path $dir 'dev-jwt-secret'
    if (-not (Test-Path $file)) {
        New-Item -ItemType Directory -Force -Path $dir | Out-Null
        $bytes = [System.Security.Cryptography.RandomNumberGenerator]::GetBytes(48)
        $secret = [Convert]::ToBase64String($bytes).Replace('+', '-').Replace('/', '_')
        Set-Content -Path $file -Value $secret -NoNewline
        Write-Step "Generated a development JWT secret in .secrets/dev-jwt-secret (git-ignored)"
    }
    return (Get-Content -Path $file -Raw).Trim()
}

function Start-Host([string] $Project, [hashtable] $Environment) {
    $dll = Join-Path $Root "src/$Project/bin/$Configuration/net10.0/TodoClean.$Project.dll"
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet', $dll)
    $info.WorkingDirectory = Join-Path $Root "src/$Project"
    $info.UseShellExecute = $false
    foreach ($key in $Environment.Keys) { $info.Environment[$key] = $Environment[$key] }
    return [System.Diagnostics.Process]::Start($info)
}

function Invoke-Run {
    Assert-Prerequisites
    Invoke-Restore
    Write-Step "Building the two hosts ($Configuration)"
    foreach ($project in 'AuthGateway', 'WebApi') {
        Invoke-Checked "dotnet build $project" { dotnet build (Join-Path $Root "src/$project/$project.csproj") --no-restore -c $Configuration }
    }
    $secret = Get-DevSecret
    $data = Join-Path $Root 'data'
    New-Item -ItemType Directory -Force -Path $data | Out-Null
    $gatewayUrl = if ($env:GATEWAY_URL) { $env:GATEWAY_URL } else { 'http://localhost:5100' }
    $apiUrl = if ($env:API_URL) { $env:API_URL } else { 'http://localhost:5200' }

    $common = @{ ASPNETCORE_ENVIRONMENT = 'Development'; DOTNET_NOLOGO = '1' }
    $gateway = Start-Host 'AuthGateway' ($common + @{
        ASPNETCORE_URLS         = $gatewayUrl
        FRONTEND_JWT_SECRET     = $secret
        ConnectionStrings__Auth = "Data Source=$(Join-Path $data 'auth.db')"
        Auth__BaseUrl           = $gatewayUrl
        Ui__ApiBaseUrl          = $apiUrl
    })
    $api = Start-Host 'WebApi' ($common + @{
        ASPNETCORE_URLS            = $apiUrl
        BACKEND_JWT_SECRET         = $secret
        ConnectionStrings__Todos   = "Data Source=$(Join-Path $data 'todos.db')"
        Cors__AllowedOrigins__0    = $gatewayUrl
    })
    try {
        Start-Sleep -Seconds 2
        Write-Host ''
        Write-Host "  AuthGateway (sign-in, UI, /api/auth): $gatewayUrl   docs: $gatewayUrl/scalar/v1"
        Write-Host "  WebApi      (/api/me, /api/todos):    $apiUrl   docs: $apiUrl/scalar/v1"
        Write-Host '  Data in ./data, secret in ./.secrets. Press Ctrl+C to stop both hosts.'
        Write-Host ''
        while (-not $gateway.HasExited -and -not $api.HasExited) { Start-Sleep -Milliseconds 500 }
        Stop-Build 'A host stopped unexpectedly; see its log above.'
    }
    finally {
        foreach ($process in @($gateway, $api)) {
            if ($process -and -not $process.HasExited) { $process.Kill($true); $process.WaitForExit() }
        }
        Write-Host '==> Both hosts stopped.'
    }
}

function Invoke-Test {
    Assert-Prerequisites
    Invoke-Build
    Write-Step 'Running the .NET test suites'
    $results = Join-Path $Root 'artifacts/test-results'
    $output = & dotnet test $Solution --no-build -c $Configuration --results-directory $results 2>&1 | Tee-Object -Variable lines
    $exit = $LASTEXITCODE
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($line in $lines) {
        if ("$line" -match '(Passed|Failed)!\s+-\s+Failed:\s+(\d+),\s+Passed:\s+(\d+),\s+Skipped:\s+(\d+)') {
            $failed += [int]$Matches[2]; $passed += [int]$Matches[3]; $skipped += [int]$Matches[4]
        }
    }
    $conformance = Invoke-Conformance
    $passed += $conformance.Passed; $failed += $conformance.Failed
    Write-Host ''
    Write-Host "Tests: $passed passed, $failed failed, $skipped skipped"
    if ($exit -ne 0 -or $failed -gt 0) { Stop-Build 'Some tests failed.' }
}

# The Better Auth conformance suite (Node): the real better-auth client against the gateway and a reference server.
function Invoke-Conformance {
    if (-not (Get-Command node -ErrorAction SilentlyContinue) -or -not (Get-Command npm -ErrorAction SilentlyContinue)) {
        Stop-Build 'Node.js 20+ and npm are needed for the Better Auth conformance suite (tests/Conformance). Install them (e.g. apt-get install nodejs npm) and try again.'
    }
    $dir = Join-Path $Root 'tests/Conformance'
    Write-Step 'Running the Better Auth conformance suite (gateway and reference server)'
    Push-Location $dir
    try {
        Invoke-Checked 'npm ci' { npm ci --no-audit --no-fund --loglevel=error }
        $dll = Join-Path $Root "src/AuthGateway/bin/$Configuration/net10.0/TodoClean.AuthGateway.dll"
        $lines = & node run.mjs --gateway-dll $dll 2>&1 | Tee-Object -Variable output
        $exit = $LASTEXITCODE
    }
    finally { Pop-Location }
    $result = [pscustomobject]@{ Passed = 0; Failed = 0 }
    foreach ($line in $output) {
        if ("$line" -match '^(reference|gateway)\s+(\d+) passed, (\d+) failed') {
            $result.Passed += [int]$Matches[2]; $result.Failed += [int]$Matches[3]
        }
    }
    if ($exit -ne 0 -and $result.Failed -eq 0) { $result.Failed = 1 }
    return $result
}

switch ($Target) {
    'Restore' { Assert-Prerequisites; Invoke-Restore }
    'Build' { Assert-Prerequisites; Invoke-Build }
    'Test' { Invoke-Test }
    'Run' { Invoke-Run }
}
