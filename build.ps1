#!/usr/bin/env pwsh
<#
.SYNOPSIS
    TodoClean build script: restore, build, test and run the whole application.
.DESCRIPTION
    Run it through the local PowerShell tool so a fresh machine needs only the .NET SDK:
        dotnet tool restore && dotnet pwsh ./build.ps1 run     # both hosts on SQLite with a generated dev secret
        dotnet tool restore && dotnet pwsh ./build.ps1 test    # every test suite
        dotnet tool restore && dotnet pwsh ./build.ps1 scaleout  # 2 gateways + 2 APIs on PostgreSQL behind nginx
        dotnet tool restore && dotnet pwsh ./build.ps1 bench   # load test (wrk) -> bench/results/latest.md
        dotnet tool restore && dotnet pwsh ./build.ps1 bench -Micro   # BenchmarkDotNet suite -> bench/results/micro.md
        dotnet tool restore && dotnet pwsh ./build.ps1 bench -Revocation   # sign-out to API 401 -> bench/results/revocation.md
    `test` counts what the suites' result files say (TRX from dotnet test, JUnit from the conformance runner and the
    OpenAPI checks, all in artifacts/test-results). The helpers it shares with bench/load/run-load.ps1 and bench/run-micro.ps1 (steps, checked
    calls, builds, secrets, starting hosts and waiting for them, ports) are in scripts/TodoClean.psm1.
.PARAMETER Target
    Restore | Build | Test | Run | ScaleOut | Bench
.PARAMETER Configuration
    Debug (default) or Release.
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Restore', 'Build', 'Test', 'Run', 'ScaleOut', 'Bench')]
    [string] $Target = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',
    # Bench: run the BenchmarkDotNet micro-benchmarks instead of the load test.
    [switch] $Micro,
    # Bench: run the revocation-latency benchmark (SQLite, then PostgreSQL scale-out behind nginx) instead of the load test.
    [switch] $Revocation
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'scripts/TodoClean.psm1') -Force
$Root = $PSScriptRoot
$Solution = Join-Path $Root 'TodoClean.sln'
# Whoever started this script (the terminal, `dotnet pwsh`), noted before anything slow runs: see Wait-WhileRunning.
$Launcher = (Get-Process -Id $PID).Parent.Id

function Assert-Prerequisites {
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
        Stop-Script 'The .NET SDK is not installed. Install .NET SDK 10 from https://dot.net and try again.'
    }
    $sdk = (& dotnet --version 2>$null)
    if ($LASTEXITCODE -ne 0 -or -not $sdk -or -not $sdk.StartsWith('10.')) {
        Stop-Script "TodoClean needs .NET SDK 10.0.400 or later (global.json); 'dotnet --version' says '$sdk'."
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

# Returns when the user stops the script: Ctrl+C, or its launcher (the terminal, `dotnet pwsh`) going away, which would
# otherwise leave this script and the processes it started running. Stops the script if one of the processes ends.
function Wait-WhileRunning([System.Diagnostics.Process[]] $Processes) {
    # The launcher's exit shows as a new parent (init or a subreaper) at once; the launcher itself may linger as a zombie.
    while (-not ($Processes | Where-Object HasExited)) {
        if ((Get-Process -Id $PID).Parent.Id -ne $Launcher) {
            Write-Host '==> The command that started this script is gone; stopping.'
            return
        }
        Start-Sleep -Milliseconds 500
    }
    Stop-Script 'A process stopped unexpectedly; see its log above.'
}

function Invoke-Run {
    Assert-Prerequisites
    Invoke-Restore
    Build-Project 'src/AuthGateway/AuthGateway.csproj', 'src/WebApi/WebApi.csproj' $Configuration -NoRestore
    $secret = Get-DevSecret
    $data = Join-Path $Root 'data'
    New-Item -ItemType Directory -Force -Path $data | Out-Null
    $gatewayUrl = if ($env:GATEWAY_URL) { $env:GATEWAY_URL } else { 'http://localhost:5100' }
    $apiUrl = if ($env:API_URL) { $env:API_URL } else { 'http://localhost:5200' }

    $common = @{ ASPNETCORE_ENVIRONMENT = 'Development'; DOTNET_NOLOGO = '1' }
    $hosts = @()
    try {
        $gateway = Start-TodoHost AuthGateway $Configuration ($common + @{
            ASPNETCORE_URLS         = $gatewayUrl
            FRONTEND_JWT_SECRET     = $secret
            ConnectionStrings__Auth = "Data Source=$(Join-Path $data 'auth.db')"
            Auth__BaseUrl           = $gatewayUrl
            Ui__ApiBaseUrl          = $apiUrl
            # Reset and verification mail as .eml files; listed with their links at /dev/outbox.
            Mail__PickupDirectory   = (Join-Path $data 'outbox')
        })
        $hosts += $gateway
        $api = Start-TodoHost WebApi $Configuration ($common + @{
            ASPNETCORE_URLS          = $apiUrl
            BACKEND_JWT_SECRET       = $secret
            ConnectionStrings__Todos = "Data Source=$(Join-Path $data 'todos.db')"
            Cors__AllowedOrigins__0  = $gatewayUrl
            # Sign-outs reach the API within seconds (docs/security.md, "JWT revocation bound").
            Revocation__FeedUrl      = $gatewayUrl
        })
        $hosts += $api
        Wait-Healthy $gatewayUrl $gateway
        Wait-Healthy $apiUrl $api
        Write-Host ''
        Write-Host "  AuthGateway (sign-in, UI, /api/auth): $gatewayUrl   docs: $gatewayUrl/scalar/v1"
        Write-Host "  WebApi      (/api/me, /api/todos):    $apiUrl   docs: $apiUrl/scalar/v1"
        Write-Host '  Data in ./data, secret in ./.secrets. Press Ctrl+C to stop both hosts.'
        Write-Host ''
        Wait-WhileRunning $hosts
    }
    finally {
        Stop-Processes $hosts
        Write-Host '==> Both hosts stopped.'
    }
}

# Where initdb and pg_ctl live: $env:POSTGRES_BIN, else the newest /usr/lib/postgresql/<version>/bin, else PATH.
function Find-PostgresBin {
    $candidates = @()
    if ($env:POSTGRES_BIN) { $candidates += $env:POSTGRES_BIN }
    if (Test-Path '/usr/lib/postgresql') {
        $candidates += Get-ChildItem '/usr/lib/postgresql' -Directory |
            Sort-Object { [int]($_.Name -replace '\D', '0') } -Descending | ForEach-Object { Join-Path $_.FullName 'bin' }
    }
    $initdb = Get-Command initdb -ErrorAction SilentlyContinue
    if ($initdb) { $candidates += Split-Path $initdb.Source }
    foreach ($dir in $candidates) {
        if ((Test-Path (Join-Path $dir 'initdb')) -and (Test-Path (Join-Path $dir 'pg_ctl'))) { return $dir }
    }
    Stop-Script 'PostgreSQL server binaries (initdb, pg_ctl) not found. Install them with: sudo apt-get install postgresql (or set POSTGRES_BIN).'
}

# A throwaway PostgreSQL server (tests/TestCommon/throwaway-postgres.sh): it stops and deletes its data directory when
# its standard input closes. initdb refuses root, so as root it runs as the `postgres` OS user. PostgreSQL cannot report
# a port it picked itself, so it is told one (Invoke-OnChosenPort), and says "Address already in use" when that was taken.
function Start-ThrowawayPostgres([string] $Bin, [string] $Directory, [int] $Port, [string] $Password) {
    $script = Get-Content -Raw (Join-Path $Root 'tests/TestCommon/throwaway-postgres.sh')
    $asRoot = [Environment]::UserName -eq 'root'
    $info = [System.Diagnostics.ProcessStartInfo]::new($(if ($asRoot) { 'runuser' } else { 'sh' }))
    if ($asRoot) { foreach ($a in '-u', 'postgres', '--', 'sh') { $info.ArgumentList.Add($a) } }
    foreach ($a in '-c', $script, 'throwaway-postgres', $Bin, $Directory, "$Port") { $info.ArgumentList.Add($a) }
    $info.UseShellExecute = $false
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    # The script prints only failures there (the server's log when it does not start), and then exits.
    $info.RedirectStandardError = $true
    $info.WorkingDirectory = [System.IO.Path]::GetTempPath()
    $process = [System.Diagnostics.Process]::Start($info)
    $process.StandardInput.WriteLine($Password)
    $process.StandardInput.Flush()
    if ($process.StandardOutput.ReadLine() -eq 'ready') { return $process }
    $errors = $process.StandardError.ReadToEnd()
    $process.WaitForExit()
    if ($errors -match 'could not bind IPv[46] address .*: Address already in use') { Stop-PortInUse $Matches[0] }
    Write-Host $errors
    Stop-Script 'The throwaway PostgreSQL server did not start; see its messages above.'
}

# Two gateway and two API instances on one throwaway PostgreSQL server, behind nginx (docs/scale-out.md).
# -Environment: settings added to every instance. -While: run this with everything up, then stop it all (without it,
# print the URLs and run until Ctrl+C).
function Invoke-ScaleOut([hashtable] $Environment = @{}, [scriptblock] $While) {
    Assert-Prerequisites
    $postgresBin = Find-PostgresBin
    $nginx = if (Test-Path '/usr/sbin/nginx') { '/usr/sbin/nginx' } else { (Get-Command nginx -ErrorAction SilentlyContinue)?.Source }
    if (-not $nginx) { Stop-Script 'nginx not found. Install it with: sudo apt-get install nginx' }
    Invoke-Restore
    Build-Project 'src/AuthGateway/AuthGateway.csproj', 'src/WebApi/WebApi.csproj' $Configuration -NoRestore
    $secret = Get-DevSecret
    $gatewayUrl = 'http://127.0.0.1:5100'
    $apiUrl = 'http://127.0.0.1:5200'
    $gatewayInstances = 'http://127.0.0.1:5101', 'http://127.0.0.1:5102'
    $apiInstances = 'http://127.0.0.1:5201', 'http://127.0.0.1:5202'
    $work = Join-Path ([System.IO.Path]::GetTempPath()) "todoclean-scaleout-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path (Join-Path $work 'nginx') | Out-Null
    $pgPassword = [Convert]::ToHexString([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(16))
    $processes = [System.Collections.Generic.List[System.Diagnostics.Process]]::new()
    $postgres = $null
    try {
        # Its own folder directly under the temp folder: the server may run as another OS user than $work's owner.
        $postgres = Invoke-OnChosenPort {
            param($port)
            Write-Step "Starting a throwaway PostgreSQL server on 127.0.0.1:$port"
            $server = Start-ThrowawayPostgres $postgresBin "$work-postgres" $port $pgPassword
            [pscustomobject]@{ Process = $server; Port = $port }
        }
        $pgPort = $postgres.Port
        $env:PGPASSWORD = $pgPassword
        foreach ($database in 'todoclean_auth', 'todoclean_todos') {
            Invoke-Checked "createdb $database" { & (Join-Path $postgresBin 'createdb') -h 127.0.0.1 -p $pgPort -U postgres $database }
        }
        Remove-Item Env:PGPASSWORD
        $connection = "Host=127.0.0.1;Port=$pgPort;Username=postgres;Password=$pgPassword"

        $common = @{
            ASPNETCORE_ENVIRONMENT            = 'Development'
            DOTNET_NOLOGO                     = '1'
            Database__Provider                = 'Postgres'
            # nginx on loopback is the one proxy whose X-Forwarded-For counts (client addresses for logs and limits).
            ForwardedHeaders__KnownProxies__0 = '127.0.0.1'
        } + $Environment
        # The first instance of each host applies the migrations; the second starts on the migrated store.
        for ($i = 0; $i -lt 2; $i++) {
            Write-Step "Starting gateway instance $($i + 1) ($($gatewayInstances[$i])) and API instance $($i + 1) ($($apiInstances[$i]))"
            $gateway = Start-TodoHost AuthGateway $Configuration ($common + @{
                ASPNETCORE_URLS         = $gatewayInstances[$i]
                FRONTEND_JWT_SECRET     = $secret
                ConnectionStrings__Auth = "$connection;Database=todoclean_auth"
                Auth__BaseUrl           = $gatewayUrl
                Ui__ApiBaseUrl          = $apiUrl
            })
            $processes.Add($gateway)
            $api = Start-TodoHost WebApi $Configuration ($common + @{
                ASPNETCORE_URLS          = $apiInstances[$i]
                BACKEND_JWT_SECRET       = $secret
                ConnectionStrings__Todos = "$connection;Database=todoclean_todos"
                Cors__AllowedOrigins__0  = $gatewayUrl
                # Each API instance follows its gateway instance's revocation feed (both read the same store).
                Revocation__FeedUrl      = $gatewayInstances[$i]
            })
            $processes.Add($api)
            Wait-Healthy $gatewayInstances[$i] $gateway
            Wait-Healthy $apiInstances[$i] $api
        }

        Write-Step 'Starting nginx'
        $prefix = Join-Path $work 'nginx'
        $servers = { param($urls) ($urls | ForEach-Object { "        server $(([uri]$_).Authority);" }) -join "`n" }
        $config = (Get-Content -Raw (Join-Path $Root 'deploy/nginx.conf.template')).
            Replace('{{PREFIX}}', $prefix).
            Replace('{{GATEWAY_SERVERS}}', (& $servers $gatewayInstances)).
            Replace('{{API_SERVERS}}', (& $servers $apiInstances)).
            Replace('{{GATEWAY_LISTEN}}', ([uri]$gatewayUrl).Authority).
            Replace('{{API_LISTEN}}', ([uri]$apiUrl).Authority)
        Set-Content -Path (Join-Path $prefix 'nginx.conf') -Value $config -NoNewline
        $info = New-ChildStartInfo $nginx @('-p', $prefix, '-c', (Join-Path $prefix 'nginx.conf'), '-e', 'stderr')
        $info.UseShellExecute = $false
        $processes.Add([System.Diagnostics.Process]::Start($info))
        Wait-Healthy $gatewayUrl $processes[-1]
        Wait-Healthy $apiUrl $processes[-1]

        if ($While) {
            & $While $gatewayUrl $apiUrl
            return
        }

        Write-Host ''
        Write-Host "  AuthGateway through nginx (UI, /api/auth): $gatewayUrl  -> $($gatewayInstances -join ', ')"
        Write-Host "  WebApi      through nginx (/api/todos):    $apiUrl  -> $($apiInstances -join ', ')"
        Write-Host "  PostgreSQL (throwaway): $connection;Database=todoclean_auth|todoclean_todos"
        Write-Host '  Each response names the instance that served it in X-Upstream. Press Ctrl+C to stop everything.'
        Write-Host ''
        Wait-WhileRunning $processes
    }
    finally {
        Stop-Processes $processes
        if ($postgres) {
            # Closing its standard input stops the server and deletes its data directory.
            try { $postgres.Process.StandardInput.Close() } catch { }
            $postgres.Process.WaitForExit(15000) | Out-Null
        }
        Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
        Write-Host '==> nginx, the instances and PostgreSQL stopped; the throwaway data is gone.'
    }
}

# Every .NET suite, the conformance suite and the OpenAPI checks; the counts and the failures come from their result files (TRX, JUnit).
function Invoke-Test {
    Assert-Prerequisites
    Invoke-Build
    $results = Join-Path $Root 'artifacts/test-results'
    Remove-Item -Recurse -Force $results -ErrorAction SilentlyContinue
    # WebApi.IntegrationTests start a real Better Auth server from tests/Conformance: its packages must be there first.
    Push-Location (Join-Path $Root 'tests/Conformance')
    try { Invoke-Checked 'npm ci' { npm ci --no-audit --no-fund --loglevel=error | Out-Host } }
    finally { Pop-Location }
    Write-Step 'Running the .NET test suites'
    & dotnet test $Solution --no-build -c $Configuration --logger trx --results-directory $results | Out-Host
    $exit = $LASTEXITCODE
    $dotnet = Read-TrxResults $results
    if ($exit -ne 0 -and $dotnet.Failed -eq 0) {
        $dotnet.Failed = 1
        $dotnet.Failures.Add("  dotnet test failed (exit code $exit) without a failed test in its results; see its output above.")
    }
    $conformance = Invoke-Conformance (Join-Path $results 'conformance')
    $openApi = Invoke-OpenApiChecks (Join-Path $results 'openapi')
    $passed = $dotnet.Passed + $conformance.Passed + $openApi.Passed
    $failed = $dotnet.Failed + $conformance.Failed + $openApi.Failed
    $skipped = $dotnet.Skipped + $conformance.Skipped + $openApi.Skipped
    $failures = @($dotnet.Failures) + @($conformance.Failures) + @($openApi.Failures)
    Write-Host ''
    if ($failures.Count -gt 0) {
        # Repeated at the end: a long run's log is often read from its tail only.
        Write-Host 'Failed tests:'
        $failures | ForEach-Object { Write-Host $_ }
        Write-Host ''
    }
    Write-Host "Tests: $passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0) { Stop-Script 'Some tests failed.' }
}

# A failed test's name and the first lines of its message, as the closing summary shows them.
function Format-Failure([string] $Name, [string] $Message) {
    $lines = @(("$Message".TrimEnd() -split '\r?\n') | Select-Object -First 40)
    "  $Name"
    $lines | ForEach-Object { "      $_" }
}

# Passed, failed and skipped tests of every TRX file in $Directory (dotnet test writes one per test assembly), with each
# failure's name and message, and the errors a run without failed tests reported (e.g. a test host that crashed).
function Read-TrxResults([string] $Directory) {
    $result = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0; Failures = [System.Collections.Generic.List[string]]::new() }
    foreach ($file in Get-ChildItem $Directory -Filter '*.trx' -ErrorAction SilentlyContinue) {
        $trx = [xml](Get-Content -Raw -LiteralPath $file.FullName)
        $ns = [System.Xml.XmlNamespaceManager]::new($trx.NameTable)
        $ns.AddNamespace('t', 'http://microsoft.com/schemas/VisualStudio/TeamTest/2010')
        foreach ($test in $trx.SelectNodes('//t:Results/t:UnitTestResult', $ns)) {
            switch ($test.GetAttribute('outcome')) {
                'Passed' { $result.Passed++ }
                'NotExecuted' { $result.Skipped++ }
                default {
                    $result.Failed++
                    $message = $test.SelectSingleNode('t:Output/t:ErrorInfo/t:Message', $ns)
                    Format-Failure $test.GetAttribute('testName') $(if ($message) { $message.InnerText } else { "outcome: $($test.GetAttribute('outcome'))" }) |
                        ForEach-Object { $result.Failures.Add($_) }
                }
            }
        }
        # A run without a failed test that still reports errors (a test host that crashed, say). Runs with failed tests
        # report each failure again there, as the test framework's console line.
        if (-not $trx.SelectSingleNode('//t:Results/t:UnitTestResult[@outcome!="Passed" and @outcome!="NotExecuted"]', $ns)) {
            foreach ($info in $trx.SelectNodes('//t:ResultSummary/t:RunInfos/t:RunInfo[@outcome="Error"]/t:Text', $ns)) {
                Format-Failure "test run $($file.Name)" $info.InnerText | ForEach-Object { $result.Failures.Add($_) }
            }
        }
    }
    return $result
}

# Passed, failed and skipped tests of a JUnit file (node:test's junit reporter), each failure named by its suites and
# test, prefixed with $Label.
function Read-JUnitResults([string] $File, [string] $Label) {
    $result = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0; Failures = [System.Collections.Generic.List[string]]::new() }
    # Control characters (colour codes, say) are not allowed in XML 1.0 but can reach a failure message.
    $junit = [xml]((Get-Content -Raw $File) -replace '\x1B\[[0-9;]*m', '' -replace '[\x00-\x08\x0B\x0C\x0E-\x1F]', '')
    foreach ($case in $junit.SelectNodes('//testcase')) {
        $failure = $case.SelectSingleNode('failure')
        if ($failure) {
            $result.Failed++
            $names = @($case.SelectNodes('ancestor::testsuite') | ForEach-Object { $_.GetAttribute('name') }) + $case.GetAttribute('name')
            Format-Failure "${Label}: $($names -join ' > ')" $failure.GetAttribute('message') | ForEach-Object { $result.Failures.Add($_) }
        }
        elseif ($case.SelectSingleNode('skipped')) { $result.Skipped++ }
        else { $result.Passed++ }
    }
    return $result
}

# The Better Auth conformance suite (Node): the real better-auth client against the gateway and a reference server.
# Its runner writes one JUnit file per target into $Directory.
function Invoke-Conformance([string] $Directory) {
    if (-not (Get-Command node -ErrorAction SilentlyContinue) -or -not (Get-Command npm -ErrorAction SilentlyContinue)) {
        Stop-Script 'Node.js 20+ and npm are needed for the Better Auth conformance suite (tests/Conformance). Install them (e.g. apt-get install nodejs npm) and try again.'
    }
    Write-Step 'Running the Better Auth conformance suite (gateway and reference server)'
    Push-Location (Join-Path $Root 'tests/Conformance')
    try {
        # Everything a function writes is its result: the tools' output goes to the console instead.
        Invoke-Checked 'npm ci' { npm ci --no-audit --no-fund --loglevel=error | Out-Host }
        $dll = Join-Path $Root "src/AuthGateway/bin/$Configuration/net10.0/TodoClean.AuthGateway.dll"
        & node run.mjs --gateway-dll $dll --results-directory $Directory | Out-Host
        $exit = $LASTEXITCODE
    }
    finally { Pop-Location }
    $result = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0; Failures = [System.Collections.Generic.List[string]]::new() }
    foreach ($target in 'reference', 'gateway') {
        $file = Join-Path $Directory "$target.junit.xml"
        if (-not (Test-Path $file)) {
            $result.Failed++
            $result.Failures.Add("  conformance ($target): the target did not start; see the output above.")
            continue
        }
        $counts = Read-JUnitResults $file "conformance ($target)"
        $result.Passed += $counts.Passed
        $result.Failed += $counts.Failed
        $result.Skipped += $counts.Skipped
        $counts.Failures | ForEach-Object { $result.Failures.Add($_) }
    }
    if ($exit -ne 0 -and $result.Failed -eq 0) {
        $result.Failed = 1
        $result.Failures.Add("  conformance: node run.mjs failed (exit code $exit) without a failed test in its results; see its output above.")
    }
    return $result
}

# The OpenAPI checks (Node, tests/OpenApi): Spectral lints both hosts' generated documents, and a session goes through
# Stoplight Prism in front of each host, every exchange checked against the document. One JUnit file in $Directory.
function Invoke-OpenApiChecks([string] $Directory) {
    if (-not (Get-Command node -ErrorAction SilentlyContinue) -or -not (Get-Command npm -ErrorAction SilentlyContinue)) {
        Stop-Script 'Node.js 20+ and npm are needed for the OpenAPI checks (tests/OpenApi). Install them (e.g. apt-get install nodejs npm) and try again.'
    }
    Write-Step 'Running the OpenAPI checks (Spectral on both documents, Prism in front of both hosts)'
    Push-Location (Join-Path $Root 'tests/OpenApi')
    try {
        Invoke-Checked 'npm ci' { npm ci --no-audit --no-fund --loglevel=error | Out-Host }
        $gateway = Join-Path $Root "src/AuthGateway/bin/$Configuration/net10.0/TodoClean.AuthGateway.dll"
        $api = Join-Path $Root "src/WebApi/bin/$Configuration/net10.0/TodoClean.WebApi.dll"
        & node run.mjs --gateway-dll $gateway --api-dll $api --results-directory $Directory | Out-Host
        $exit = $LASTEXITCODE
    }
    finally { Pop-Location }
    $file = Join-Path $Directory 'openapi.junit.xml'
    if (-not (Test-Path $file)) {
        $result = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; Failures = [System.Collections.Generic.List[string]]::new() }
        $result.Failures.Add("  openapi: node run.mjs wrote no results (exit code $exit); see its output above.")
        return $result
    }
    $result = Read-JUnitResults $file 'openapi'
    if ($exit -ne 0 -and $result.Failed -eq 0) {
        $result.Failed = 1
        $result.Failures.Add("  openapi: node run.mjs failed (exit code $exit) without a failed check in its results; see its output above.")
    }
    return $result
}

# Performance (bench/README.md): the load test, or with -Micro the micro-benchmarks; both always in Release.
function Invoke-Bench {
    Assert-Prerequisites
    Invoke-Checked 'dotnet tool restore' { dotnet tool restore }
    if ($Revocation) { Invoke-RevocationBench; return }
    $script = if ($Micro) { Join-Path $Root 'bench/run-micro.ps1' } else { Join-Path $Root 'bench/load/run-load.ps1' }
    & $script
    if (-not $?) { Stop-Script "$script failed." }
}

# The revocation-latency run (bench/README.md): how long after a sign-out the API refuses that session's JWT, over 200
# sign-outs, on SQLite (one gateway, one API following its feed) and on PostgreSQL with two gateways and two APIs behind
# nginx (the scale-out set-up, on its usual ports). The credential limits are raised for the run (every sign-in comes
# from 127.0.0.1). Writes bench/results/revocation.md.
function Invoke-RevocationBench {
    $script:Configuration = 'Release'
    $loadBefore = (Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -replace '^(\S+ \S+ \S+).*', '$1'
    Build-Project 'src/AuthGateway/AuthGateway.csproj', 'src/WebApi/WebApi.csproj', 'bench/Benchmarks/Benchmarks.csproj' $Configuration
    $measurer = Join-Path $Root "bench/Benchmarks/bin/$Configuration/net10.0/TodoClean.Benchmarks.dll"
    $limits = @{ RateLimiting__CredentialPermitsPerIp = '1000000000'; RateLimiting__TokenPermitsPerIp = '1000000000' }
    $measure = {
        param($gatewayUrl, $apiUrl)
        $line = & dotnet $measurer revocation --gateway $gatewayUrl --api $apiUrl --count 200
        if ($LASTEXITCODE -ne 0) { Stop-Script "The revocation-latency run failed (exit code $LASTEXITCODE): $line" }
        Write-Step "$line"
        "$line"
    }

    $work = Join-Path ([System.IO.Path]::GetTempPath()) "todoclean-revocation-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $work | Out-Null
    $secret = New-Secret
    $processes = [System.Collections.Generic.List[System.Diagnostics.Process]]::new()
    try {
        Write-Step 'SQLite: one gateway and one API following its revocation feed'
        $common = @{ ASPNETCORE_URLS = 'http://127.0.0.1:0'; ASPNETCORE_ENVIRONMENT = 'Production'; DOTNET_NOLOGO = '1' }
        $gatewayLog = Join-Path $work 'gateway.log'
        $gateway = Start-TodoHost AuthGateway $Configuration ($common + $limits + @{
            FRONTEND_JWT_SECRET = $secret; BETTER_AUTH_SECRET = (New-Secret); ConnectionStrings__Auth = "Data Source=$work/auth.db"
        }) -Log $gatewayLog
        $processes.Add($gateway)
        $gatewayUrl = Wait-HostListening $gateway $gatewayLog
        Wait-Healthy $gatewayUrl $gateway -Log $gatewayLog
        $apiLog = Join-Path $work 'api.log'
        $api = Start-TodoHost WebApi $Configuration ($common + @{
            BACKEND_JWT_SECRET = $secret; ConnectionStrings__Todos = "Data Source=$work/todos.db"; Revocation__FeedUrl = $gatewayUrl
        }) -Log $apiLog
        $processes.Add($api)
        $apiUrl = Wait-HostListening $api $apiLog
        Wait-Healthy $apiUrl $api -Log $apiLog
        $sqlite = & $measure $gatewayUrl $apiUrl
    }
    finally {
        Stop-Processes $processes
        Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
    }

    Write-Step 'PostgreSQL: two gateways and two APIs behind nginx'
    $script:postgresResult = $null
    Invoke-ScaleOut -Environment $limits -While { param($g, $a) $script:postgresResult = & $measure $g $a }

    $inv = [Globalization.CultureInfo]::InvariantCulture
    $lines = @(
        '# Revocation latency: latest results', '',
        "Run $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', $inv)) UTC with ``dotnet pwsh ./build.ps1 bench -Revocation`` on $([Environment]::ProcessorCount) cores, load average before the run $loadBefore.",
        'From the answer to `POST /api/auth/sign-out` until the API answers 401 to that session''s JWT (polled every 5 ms), each sign-out a new session; the APIs poll their feed every second (`Revocation__PollInterval`).', '',
        '| set-up | result |', '|---|---|',
        "| SQLite: 1 gateway + 1 API | $sqlite |",
        "| PostgreSQL: 2 gateways + 2 APIs behind nginx | $($script:postgresResult) |")
    $file = Join-Path $Root 'bench/results/revocation.md'
    $lines | Set-Content -Path $file
    Write-Step "Results written to $file"
}

Invoke-Script {
    switch ($Target) {
        'Restore' { Assert-Prerequisites; Invoke-Restore }
        'Build' { Assert-Prerequisites; Invoke-Build }
        'Test' { Invoke-Test }
        'Run' { Invoke-Run }
        'ScaleOut' { Invoke-ScaleOut }
        'Bench' { Invoke-Bench }
    }
}
