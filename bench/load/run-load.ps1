#!/usr/bin/env pwsh
<#
.SYNOPSIS
    TodoClean load test: both hosts and the hand-written reference host as Release processes on loopback, fresh seeded
    SQLite stores, wrk at 64 connections.
.DESCRIPTION
    Usually run through the build script:  dotnet pwsh ./build.ps1 bench
    1. builds both hosts, the reference host (bench/ReferenceHost) and the seeder (bench/Benchmarks) in Release;
    2. starts the API (on a port it picks), then the gateway (on a port chosen for it, as its own URL is a setting), each
       on a fresh SQLite store in a temporary folder, then the reference host (on a port it picks) on the API's store,
       and times each from process start to its first 200 on GET /alive (migrations included);
    3. seeds 1,000 users × 20 todos, one live session per user (cookie), one JWT per session, invalid tokens, and checks
       that the API and the reference host answer the same list with the same bytes;
    4. warms every scenario up once, then drives each with wrk (-t2 -c64, a short warm-up, then -d<Duration>s
       --latency) through scenario.lua; the reference host's list and POST run right after the API's;
    5. writes bench/results/latest.md (and a dated copy): req/s, p50, p99 and non-2xx counts, each also as a ratio to
       the ceiling measured in the same run, the API's list and POST also as a ratio to the reference host's (the price
       of the architecture), RSS of each host after the run, start-to-first-200 per host.
    Sign-in is measured at the production hashing cost: every seeded account stores one hash made at the configured
    iterations (see bench/Benchmarks/Load/LoadSeeder.cs). The gateway's rate limits are raised far above the test's
    rate (all requests come from 127.0.0.1), so the limiter still runs on every request but never refuses.
.PARAMETER Duration
    Seconds measured per scenario (default 10; 9 scenarios and a ceiling run before 5 of them: ~3 minutes of load).
.PARAMETER Only
    Scenario keys to run (list, unauthorized, token, create, signin); the ceiling always runs, and the reference host's
    list and POST with the API's. A partial run writes no results unless -ResultsDirectory is given.
.PARAMETER ResultsDirectory
    Where latest.md and its dated copy go (default bench/results). Point it at a scratch folder for a trial run, e.g.
    ./bench/load/run-load.ps1 -Duration 1 -Warmup 1 -ResultsDirectory /tmp/bench-scratch
#>
[CmdletBinding()]
param(
    [int] $Duration = 10,
    [int] $Warmup = 2,
    [int] $Connections = 64,
    [int] $Threads = 2,
    [int] $Users = 1000,
    [int] $TodosPerUser = 20,
    [switch] $NoBuild,
    [string[]] $Only,
    [string] $ResultsDirectory
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../../scripts/TodoClean.psm1') -Force
$Here = $PSScriptRoot
$Root = (Resolve-Path (Join-Path $Here '../..')).Path
$WriteResults = -not $Only -or $ResultsDirectory
# Only a complete run into bench/results also refreshes the table in the README's Performance section.
$UpdateReadme = -not $Only -and -not $ResultsDirectory
if (-not $ResultsDirectory) { $ResultsDirectory = Join-Path $Root 'bench/results' }
$Configuration = 'Release'

# CPU time (user + system) the process has used so far, in microseconds (/proc/<pid>/stat, clock ticks of 10 ms).
function Get-CpuMicroseconds([int] $ProcessId) {
    $fields = ((Get-Content "/proc/$ProcessId/stat" -Raw) -split '\) ', 2)[1] -split ' '
    return ([long]$fields[11] + [long]$fields[12]) * 10000
}

function Get-Rss([int] $ProcessId, [string] $Field = 'VmRSS') {
    $line = Get-Content "/proc/$ProcessId/status" | Where-Object { $_ -like "${Field}:*" }
    return [math]::Round([double](($line -split '\s+')[1]) / 1024, 1)   # kB -> MiB
}

function Invoke-Http([string] $Method, [string] $Url, [hashtable] $Headers = @{}, [string] $Json) {
    $client = [Net.Http.HttpClient]::new()
    try {
        $request = [Net.Http.HttpRequestMessage]::new([Net.Http.HttpMethod]::new($Method), $Url)
        foreach ($key in $Headers.Keys) { [void]$request.Headers.TryAddWithoutValidation($key, $Headers[$key]) }
        if ($Json) { $request.Content = [Net.Http.StringContent]::new($Json, [Text.Encoding]::UTF8, 'application/json') }
        $response = $client.SendAsync($request).GetAwaiter().GetResult()
        return [pscustomobject]@{ Status = [int]$response.StatusCode; Body = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult() }
    }
    finally { $client.Dispose() }
}

function Assert-Status([string] $What, $Response, [int] $Expected) {
    if ($Response.Status -ne $Expected) { Stop-Script "sanity check '$What': expected $Expected, got $($Response.Status): $($Response.Body)" }
}

function Invoke-Wrk([string] $Url, [int] $Seconds, [string[]] $ScriptArgs, [string] $Timeout = '5s') {
    Push-Location $Here
    try {
        $output = & wrk "-t$Threads" "-c$Connections" "-d${Seconds}s" --latency --timeout $Timeout -s scenario.lua $Url -- @ScriptArgs 2>&1
        if ($LASTEXITCODE -ne 0) { Stop-Script "wrk failed (exit code $LASTEXITCODE):`n$($output -join "`n")" }
    }
    finally { Pop-Location }
    $line = $output | Where-Object { "$_".StartsWith('BENCH_JSON ') } | Select-Object -Last 1
    if (-not $line) { Stop-Script "wrk printed no result:`n$($output -join "`n")" }
    return ("$line".Substring('BENCH_JSON '.Length) | ConvertFrom-Json -AsHashtable)
}

# Replaces what lies between the two marker lines of the README's Performance section with $Block.
function Update-ReadmeTable([string] $Readme, [string[]] $Block) {
    $start = '<!-- load-test results: written by bench/load/run-load.ps1 from bench/results/latest.md -->'
    $end = '<!-- end of load-test results -->'
    $text = Get-Content -Raw $Readme
    $from = $text.IndexOf($start); $to = $text.IndexOf($end)
    if ($from -lt 0 -or $to -lt $from) { Stop-Script "README.md has no load-test results markers ($start ... $end)." }
    $newline = if ($text.Contains("`r`n")) { "`r`n" } else { "`n" }
    $body = $newline + (($Block | Where-Object { $true }) -join $newline).Trim() + $newline
    [IO.File]::WriteAllText($Readme, $text.Substring(0, $from + $start.Length) + $body + $text.Substring($to))
}

function Get-TodoCount([string] $Seeder, [string] $TodosDb) {
    $count = & dotnet $Seeder count --todos $TodosDb
    if ($LASTEXITCODE -ne 0) { Stop-Script "counting the todos failed (exit code $LASTEXITCODE)." }
    return [long]("$count".Trim())
}

Invoke-Script {
    if (-not (Get-Command wrk -ErrorAction SilentlyContinue)) {
        Stop-Script "wrk is not installed: apt-get install -y wrk (the Debian package)."
    }

    if (-not $NoBuild) {
        Build-Project 'src/AuthGateway/AuthGateway.csproj', 'src/WebApi/WebApi.csproj', 'bench/ReferenceHost/ReferenceHost.csproj',
            'bench/Benchmarks/Benchmarks.csproj' $Configuration -Quiet
    }

    $seeder = Join-Path $Root "bench/Benchmarks/bin/$Configuration/net10.0/TodoClean.Benchmarks.dll"
    $work = Join-Path ([IO.Path]::GetTempPath()) ("todoclean-bench-" + [Guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory -Path $work | Out-Null
    $jwtSecret = New-Secret
    $cookieSecret = New-Secret
    $authDb = Join-Path $work 'auth.db'
    $todosDb = Join-Path $work 'todos.db'
    $loadAverage = ((Get-Content /proc/loadavg) -split ' ')[0..2] -join ' '
    $hosts = [Collections.Generic.List[Diagnostics.Process]]::new()
    $failed = $true

    try {
        # Starts a host with its log in the work folder (stopped at the end either way); returns its process, its URL and
        # the milliseconds from process start to its first 200 on GET /alive.
        function Start-TimedHost([string] $Project, [string] $LogName, [hashtable] $Environment) {
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $log = Join-Path $work $LogName
            $process = Start-TodoHost $Project $Configuration $Environment -Log $log
            $hosts.Add($process)
            $url = Wait-HostListening $process $log -PollMilliseconds 5
            Wait-Healthy $url $process -Path '/alive' -Log $log -PollMilliseconds 5
            return @{ Process = $process; Url = $url; Start = [math]::Round($clock.Elapsed.TotalMilliseconds) }
        }

        # The gateway is told its own URL (Auth__BaseUrl) and the API's (Ui__ApiBaseUrl); the API the gateway's origin
        # (CORS). So the gateway's port is chosen up front, the API starts on a port it picks (port 0) and says which, then
        # the gateway starts on its port; if another process took that port meanwhile, both start again on a new one.
        $started = Invoke-OnChosenPort {
            param($gatewayPort)
            # Fresh stores on every attempt: the start-up times include the migrations.
            Remove-Item "$authDb*", "$todosDb*" -ErrorAction SilentlyContinue
            $gatewayUrl = "http://127.0.0.1:$gatewayPort"
            Write-Step "Starting the API (fresh store in $work)"
            $api = Start-TimedHost 'WebApi' 'api.log' @{
                ASPNETCORE_URLS          = 'http://127.0.0.1:0'
                ASPNETCORE_ENVIRONMENT   = 'Production'
                BACKEND_JWT_SECRET       = $jwtSecret
                ConnectionStrings__Todos = "Data Source=$todosDb"
                Cors__AllowedOrigins__0  = $gatewayUrl
                # Sign-outs reach the API through the gateway's revocation feed, as with build.ps1 run: every request
                # pays the in-memory check. The API starts first, so it does not hold requests for the feed's first answer.
                Revocation__FeedUrl      = $gatewayUrl
                Revocation__StartupWait  = '00:00:00'
                # One log line per request is a deployment choice; the reference host writes none (bench/README.md).
                'Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware' = 'Warning'
            }
            try {
                Write-Step "Starting the gateway on $gatewayUrl (the API is on $($api.Url))"
                $gateway = Start-TimedHost 'AuthGateway' 'gateway.log' @{
                    ASPNETCORE_URLS                      = $gatewayUrl
                    ASPNETCORE_ENVIRONMENT               = 'Production'
                    FRONTEND_JWT_SECRET                  = $jwtSecret
                    BETTER_AUTH_SECRET                   = $cookieSecret
                    ConnectionStrings__Auth              = "Data Source=$authDb"
                    Auth__BaseUrl                        = $gatewayUrl
                    Ui__ApiBaseUrl                       = $api.Url
                    RateLimiting__CredentialPermitsPerIp = '1000000000'
                    'Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware' = 'Warning'
                    RateLimiting__TokenPermitsPerIp      = '1000000000'
                    RateLimiting__TokenPermitsPerSession = '1000000000'
                }
            }
            catch {
                Stop-Processes $api.Process
                throw
            }
            @{ Api = $api; Gateway = $gateway }
        }
        $api = $started.Api.Process
        $apiUrl = $started.Api.Url
        $gateway = $started.Gateway.Process
        $gatewayUrl = $started.Gateway.Url

        # The reference host serves the API's store (migrated by now: the API answers only once it is) on a port it picks.
        Write-Step 'Starting the reference host on the API''s store'
        $reference = Start-TimedHost 'ReferenceHost' 'reference.log' @{
            ASPNETCORE_URLS          = 'http://127.0.0.1:0'
            ASPNETCORE_ENVIRONMENT   = 'Production'
            BACKEND_JWT_SECRET       = $jwtSecret
            ConnectionStrings__Todos = "Data Source=$todosDb"
        }
        $referenceUrl = $reference.Url
        Write-Step "First 200: gateway $($started.Gateway.Start) ms, API $($started.Api.Start) ms, reference host $($reference.Start) ms"

        Write-Step "Seeding $Users users x $TodosPerUser todos"
        $env:BENCH_JWT_SECRET = $jwtSecret
        $env:BENCH_COOKIE_SECRET = $cookieSecret
        try {
            Invoke-Checked 'seeding' {
                dotnet $seeder seed --auth $authDb --todos $todosDb --out $work --users $Users --todos-per-user $TodosPerUser
            }
        }
        finally {
            Remove-Item Env:BENCH_JWT_SECRET, Env:BENCH_COOKIE_SECRET -ErrorAction SilentlyContinue
        }
        $jwts = Join-Path $work 'jwts.txt'
        $badJwts = Join-Path $work 'bad-jwts.txt'
        $cookies = Join-Path $work 'cookies.txt'
        $emails = Join-Path $work 'emails.txt'
        $password = Join-Path $work 'password.txt'

        Write-Step 'Sanity checks'
        $firstJwt = (Get-Content $jwts -TotalCount 1)
        $list = Invoke-Http GET "$apiUrl/api/todos" @{ Authorization = "Bearer $firstJwt" }
        Assert-Status 'GET /api/todos' $list 200
        $page = $list.Body | ConvertFrom-Json
        if ($page.items.Count -ne [math]::Min($TodosPerUser, 20) -or $page.totalCount -ne $TodosPerUser) {
            Stop-Script "GET /api/todos returned $($page.items.Count) of $($page.totalCount) todos, expected $TodosPerUser."
        }
        $referenceList = Invoke-Http GET "$referenceUrl/api/todos" @{ Authorization = "Bearer $firstJwt" }
        Assert-Status 'GET /api/todos on the reference host' $referenceList 200
        if ($referenceList.Body -cne $list.Body) {
            Stop-Script "The reference host's list differs from the API's:`n  API:       $($list.Body)`n  reference: $($referenceList.Body)"
        }
        # One todo through each host: the same fields come back (the rows they add stay; both lists above ran first).
        $newTodo = '{"title":"Sanity check","priority":"high"}'
        $created = Invoke-Http POST "$apiUrl/api/todos" @{ Authorization = "Bearer $firstJwt" } -Json $newTodo
        Assert-Status 'POST /api/todos' $created 201
        $referenceCreated = Invoke-Http POST "$referenceUrl/api/todos" @{ Authorization = "Bearer $firstJwt" } -Json $newTodo
        Assert-Status 'POST /api/todos on the reference host' $referenceCreated 201
        $fields = { param($body) (($body | ConvertFrom-Json).PSObject.Properties | ForEach-Object { "$($_.Name)=$(if ($_.Name -notin 'id', 'createdAt', 'updatedAt') { $_.Value })" }) -join ',' }
        if ((& $fields $created.Body) -cne (& $fields $referenceCreated.Body)) {
            Stop-Script "The reference host's new todo differs from the API's:`n  API:       $($created.Body)`n  reference: $($referenceCreated.Body)"
        }
        Assert-Status 'GET /api/todos with an invalid token' (Invoke-Http GET "$apiUrl/api/todos" @{ Authorization = "Bearer $(Get-Content $badJwts -TotalCount 1)" }) 401
        Assert-Status 'GET /api/auth/token' (Invoke-Http GET "$gatewayUrl/api/auth/token" @{ Cookie = "better-auth.session_token=$(Get-Content $cookies -TotalCount 1)" }) 200
        $signIn = @{ email = (Get-Content $emails -TotalCount 1); password = (Get-Content $password -Raw).Trim() } | ConvertTo-Json -Compress
        Assert-Status 'POST /api/auth/sign-in/email' (Invoke-Http POST "$gatewayUrl/api/auth/sign-in/email" -Json $signIn) 200

        # name, base URL, wrk script arguments, expected status, wrk timeout. A scenario with a Pair runs right after that
        # one, against the same ceiling run, and that one is compared with it (the API with the reference host).
        $scenarios = @(
            @{ Name = 'ceiling: GET /alive (API host, anonymous)'; Key = 'ceiling'; Url = $apiUrl; Args = @('plain', '/alive'); Expected = 200 }
            @{ Name = 'GET /api/todos (20 rows, 1,000 distinct JWTs)'; Key = 'list'; Url = $apiUrl; Args = @('bearer', '/api/todos', $jwts); Expected = 200 }
            @{ Name = 'reference host: GET /api/todos (same store, same JWTs)'; Key = 'reference-list'; Pair = 'list'; Url = $referenceUrl; Args = @('bearer', '/api/todos', $jwts); Expected = 200 }
            @{ Name = 'GET /api/todos with invalid JWTs (401)'; Key = 'unauthorized'; Url = $apiUrl; Args = @('bearer', '/api/todos', $badJwts); Expected = 401 }
            @{ Name = 'GET /api/auth/token (session cookies)'; Key = 'token'; Url = $gatewayUrl; Args = @('cookie', '/api/auth/token', $cookies); Expected = 200 }
            @{ Name = 'POST /api/todos'; Key = 'create'; Url = $apiUrl; Args = @('post', '/api/todos', $jwts); Expected = 201 }
            @{ Name = 'reference host: POST /api/todos (same store, same JWTs)'; Key = 'reference-create'; Pair = 'create'; Url = $referenceUrl; Args = @('post', '/api/todos', $jwts); Expected = 201 }
            @{ Name = 'POST /api/auth/sign-in/email (production hash cost)'; Key = 'signin'; Url = $gatewayUrl; Args = @('signin', '/api/auth/sign-in/email', $emails, $password); Expected = 200; Timeout = '30s' }
            @{ Name = 'ceiling again, after the other scenarios'; Key = 'ceiling-end'; Url = $apiUrl; Args = @('plain', '/alive'); Expected = 200 }
        )

        if ($Only) {
            $Only = @($Only | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
            $scenarios = @($scenarios | Where-Object { $_.Key -like 'ceiling*' -or $Only -contains $_.Key -or ($_.ContainsKey('Pair') -and $Only -contains $_.Pair) })
        }

        # The runtime keeps recompiling hot code (tiered JIT) for many seconds after start: exercise every path once
        # before measuring anything, then give each scenario its own short warm-up.
        if ($Warmup -gt 0) {
            Write-Step "Warming up every scenario (${Warmup}s each)"
            foreach ($scenario in $scenarios | Where-Object { $_.Key -ne 'ceiling-end' }) {
                $timeout = if ($scenario.ContainsKey('Timeout')) { $scenario.Timeout } else { '5s' }
                [void](Invoke-Wrk $scenario.Url $Warmup $scenario.Args $timeout)
            }
        }

        # One measured run of a scenario: req/s and latency from wrk, CPU per request from the serving host's /proc.
        # For the writes, the rows added during the measured run (not the warm-up) are counted too.
        function Measure-Scenario($Scenario) {
            $timeout = if ($Scenario.ContainsKey('Timeout')) { $Scenario.Timeout } else { '5s' }
            if ($Warmup -gt 0) { [void](Invoke-Wrk $Scenario.Url $Warmup $Scenario.Args $timeout) }
            $countRows = $Scenario.Args[0] -eq 'post'
            $rowsBefore = if ($countRows) { Get-TodoCount $seeder $todosDb } else { 0 }
            $target = if ($Scenario.Url -eq $apiUrl) { $api } elseif ($Scenario.Url -eq $referenceUrl) { $reference.Process } else { $gateway }
            $cpuBefore = Get-CpuMicroseconds $target.Id
            $result = Invoke-Wrk $Scenario.Url $Duration $Scenario.Args $timeout
            $result.cpuPerRequest = ((Get-CpuMicroseconds $target.Id) - $cpuBefore) / [math]::Max(1, $result.requests)
            if ($countRows) {
                Start-Sleep -Milliseconds 500   # requests still in flight when wrk stopped
                $result.rowsAdded = (Get-TodoCount $seeder $todosDb) - $rowsBefore
            }
            $result.scenario = $Scenario
            return $result
        }

        function Write-Measured($Result) {
            $rps = $Result.requests / ($Result.duration_us / 1e6)
            Write-Host ("    {0:N0} req/s, p50 {1:N2} ms, p99 {2:N2} ms, host CPU {4:N0} us/request, statuses {3}" -f $rps, ($Result.p50_us / 1000), ($Result.p99_us / 1000),
                (($Result.statuses.GetEnumerator() | ForEach-Object { "$($_.Key)x$($_.Value)" }) -join ' '), $Result.cpuPerRequest)
        }

        # Background load on a shared machine drifts within minutes, so every scenario is compared with a ceiling run
        # measured just before it; the ceiling rows at the start and the end show how much the machine drifted.
        $adjacentCeiling = $scenarios | Where-Object { $_.Key -eq 'ceiling' } | Select-Object -First 1
        $results = [ordered]@{}
        foreach ($scenario in $scenarios) {
            if ($scenario.Key -notlike 'ceiling*' -and -not $scenario.ContainsKey('Pair')) {
                Write-Step "ceiling before '$($scenario.Name)': warm-up ${Warmup}s, measure ${Duration}s"
                $ceilingRun = Measure-Scenario $adjacentCeiling
                Write-Measured $ceilingRun
            }

            Write-Step "$($scenario.Name): warm-up ${Warmup}s, measure ${Duration}s"
            $result = Measure-Scenario $scenario
            if ($scenario.Key -notlike 'ceiling*') { $result.ceiling = $ceilingRun }
            $results[$scenario.Key] = $result
            Write-Measured $result
        }

        $rss = [ordered]@{
            gateway          = @{ Rss = (Get-Rss $gateway.Id); Peak = (Get-Rss $gateway.Id 'VmHWM'); Start = $started.Gateway.Start }
            api              = @{ Rss = (Get-Rss $api.Id); Peak = (Get-Rss $api.Id 'VmHWM'); Start = $started.Api.Start }
            'reference host' = @{ Rss = (Get-Rss $reference.Process.Id); Peak = (Get-Rss $reference.Process.Id 'VmHWM'); Start = $reference.Start }
        }

        # ---- the report ----
        function Rps($r) { $r.requests / ($r.duration_us / 1e6) }
        $ceiling = $results['ceiling']; $ceilingEnd = $results['ceiling-end']
        # The ceiling rows are compared with the mean of the two; every other row with the ceiling run just before it.
        $ceilingMean = @{
            requests      = ($ceiling.requests + $ceilingEnd.requests) / 2
            duration_us   = ($ceiling.duration_us + $ceilingEnd.duration_us) / 2
            p50_us        = ($ceiling.p50_us + $ceilingEnd.p50_us) / 2
            p99_us        = ($ceiling.p99_us + $ceilingEnd.p99_us) / 2
            cpuPerRequest = ($ceiling.cpuPerRequest + $ceilingEnd.cpuPerRequest) / 2
        }
        $inv = [Globalization.CultureInfo]::InvariantCulture
        function F([double] $value, [string] $format) { $value.ToString($format, $inv) }
        function Unexpected($r) {
            $expected = "$($r.scenario.Expected)"
            $other = 0
            foreach ($entry in $r.statuses.GetEnumerator()) { if ($entry.Key -ne $expected) { $other += $entry.Value } }
            return $other + $r.errors.connect + $r.errors.read + $r.errors.write + $r.errors.timeout
        }
        function Non2xx($r) {
            $count = 0
            foreach ($entry in $r.statuses.GetEnumerator()) { if ([int]$entry.Key -lt 200 -or [int]$entry.Key -gt 299) { $count += $entry.Value } }
            return $count
        }

        # Writes: 201 answers without a row are lost; anything but 201 (or a socket error) failed.
        function Get-Writes($r) {
            $created = if ($r.statuses.ContainsKey('201')) { $r.statuses['201'] } else { 0 }
            return @{
                Created  = $created
                Rows     = $r.rowsAdded
                Lost     = [math]::Max(0, $created - $r.rowsAdded)
                Failed   = (Unexpected $r)
                InFlight = [math]::Max(0, $r.rowsAdded - $created)
            }
        }
        $writes = [ordered]@{}
        foreach ($key in 'create', 'reference-create') { if ($results.Contains($key)) { $writes[$key] = Get-Writes $results[$key] } }

        # Ratio: req/s over the ceiling's (Ceiling), or over the reference host's same scenario (Reference).
        $targets = @{
            list         = @{ Reference = 0.8; P99 = 10.0; Text = '>= 0.8 x reference, p99 < 10 ms' }
            create       = @{ Reference = 0.7; Text = '>= 0.7 x reference, no lost or failed write' }
            unauthorized = @{ Ceiling = 0.6; Text = '>= 0.6 x ceiling' }
            token        = @{ Ceiling = 0.25; P99 = 5.0; Text = '>= 0.25 x ceiling, p99 < 5 ms' }
        }
        # The API's scenario -> the reference host's run of it.
        $pairs = @{}
        foreach ($r in $results.Values) { if ($r.scenario.ContainsKey('Pair')) { $pairs[$r.scenario.Pair] = $r } }

        $commit = (& git -C $Root rev-parse --short HEAD 2>$null)
        if ($LASTEXITCODE -eq 0 -and (& git -C $Root status --porcelain --untracked-files=no 2>$null)) { $commit = "$commit (with uncommitted changes)" }
        $cpu = ((Get-Content /proc/cpuinfo | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -split ':\s*', 2)[1]
        $now = [DateTime]::UtcNow
        $lines = [Collections.Generic.List[string]]::new()
        $lines.Add('# Load test: latest results')
        $lines.Add('')
        $lines.Add("Run $($now.ToString('yyyy-MM-dd HH:mm', $inv)) UTC on $([Environment]::ProcessorCount) cores ($cpu), load average before the run $loadAverage; commit $commit.")
        $lines.Add("wrk -t$Threads -c$Connections, ${Warmup} s warm-up + $Duration s per scenario; $Users users x $TodosPerUser todos on fresh SQLite stores; the hosts and wrk share the machine.")
        $lines.Add('')
        $headline = foreach ($key in 'list', 'create') {
            if ($results.Contains($key) -and $pairs.ContainsKey($key)) {
                $r = $results[$key]; $ref = $pairs[$key]
                $short = $r.scenario.Name.Split(' (')[0]
                "$short **$(F ((Rps $r) / (Rps $ref)) '0.00') x** the reference host's req/s (host CPU per request $(F ($r.cpuPerRequest / $ref.cpuPerRequest) '0.00') x)"
            }
        }
        if ($headline) {
            $lines.Add("**Price of the architecture** (the API against the hand-written reference host on the same store, in the same run): $($headline -join '; ').")
            $lines.Add('')
        }
        $lines.Add('Ratios to the ceiling (anonymous `GET /alive` on the API host) use the ceiling run just before each scenario, whose req/s is in the ceiling column; the reference host''s rows run right after the API''s and share its ceiling run; the two ceiling rows (start and end of the run) are compared with their mean and show how much the machine drifted. Compare ratios between machines, not absolute numbers.')
        $lines.Add('')
        $lines.Add('| scenario | req/s | ceiling req/s | x ceiling | x reference | p50 ms | x ceiling | p99 ms | x ceiling | host CPU us/req | x ceiling | non-2xx | unexpected | target | met |')
        $lines.Add('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|')
        foreach ($key in $results.Keys) {
            $r = $results[$key]
            $rps = Rps $r
            $base = if ($r.ContainsKey('ceiling')) { $r.ceiling } else { $ceilingMean }
            $ratio = $rps / (Rps $base)
            $referenceRatio = if ($pairs.ContainsKey($key)) { $rps / (Rps $pairs[$key]) } else { $null }
            $p99 = $r.p99_us / 1000
            $target = ''; $met = ''
            if ($targets.ContainsKey($key)) {
                $t = $targets[$key]
                $target = $t.Text
                $ok = if ($t.ContainsKey('Reference')) { $null -ne $referenceRatio -and $referenceRatio -ge $t.Reference } else { $ratio -ge $t.Ceiling }
                if ($t.ContainsKey('P99')) { $ok = $ok -and $p99 -lt $t.P99 }
                if ($writes.Contains($key)) { $ok = $ok -and $writes[$key].Lost -eq 0 -and $writes[$key].Failed -eq 0 }
                $met = if ($ok) { 'yes' } else { '**no**' }
            }
            $referenceText = if ($null -ne $referenceRatio) { "**$(F $referenceRatio '0.00')**" } else { '' }
            $lines.Add("| $($r.scenario.Name) | $(F $rps 'N0') | $(F (Rps $base) 'N0') | $(F $ratio '0.00') | $referenceText | $(F ($r.p50_us / 1000) '0.00') | $(F ($r.p50_us / $base.p50_us) '0.0') | $(F $p99 '0.00') | $(F ($r.p99_us / $base.p99_us) '0.0') | $(F $r.cpuPerRequest '0') | $(F ($r.cpuPerRequest / $base.cpuPerRequest) '0.0') | $(Non2xx $r) | $(Unexpected $r) | $target | $met |")
        }
        $lines.Add('')
        foreach ($key in $writes.Keys) {
            $w = $writes[$key]
            $lines.Add("Writes, $($results[$key].scenario.Name): $($w.Created) todos answered 201, $($w.Rows) rows added, **$($w.Lost) lost**, **$($w.Failed) failed** (non-201 or socket errors); $($w.InFlight) were still in flight when wrk stopped (written, no response counted).")
            $lines.Add('')
        }
        $lines.Add('| host | start to first 200 | target | RSS after the run | peak RSS | target |')
        $lines.Add('|---|--:|---|--:|--:|---|')
        foreach ($name in $rss.Keys) {
            $h = $rss[$name]
            $startMet = if ($h.Start -lt 1500) { 'yes' } else { '**no**' }
            $rssMet = if ($h.Rss -le 150) { 'yes' } else { '**no**' }
            $lines.Add("| $name | $($h.Start) ms | < 1.5 s: $startMet | $(F $h.Rss '0.0') MiB | $(F $h.Peak '0.0') MiB | <= 150 MiB: $rssMet |")
        }
        # The README shows the run line, the headline and the tables, without the notes on how to read them.
        $summary = @($lines[2..($lines.Count - 1)] | Where-Object { $_ -notlike 'Ratios to the ceiling*' })
        $summary = @(for ($i = 0; $i -lt $summary.Count; $i++) { if ($summary[$i] -ne '' -or ($i -gt 0 -and $summary[$i - 1] -ne '')) { $summary[$i] } })
        $lines.Add('')
        $lines.Add('Host CPU us/req: CPU time (user + system) the serving host used during the measured run, divided by the requests answered; it is steadier than req/s on a busy machine, and (ceiling CPU / scenario CPU) is roughly the req/s ratio a quiet machine would show if wrk cost nothing.')
        $lines.Add('x reference: the API''s req/s over the reference host''s (bench/ReferenceHost: minimal API, JwtBearer and Microsoft.Data.Sqlite in one file, the same SQL on the same store, the same JSON) in the run right after it.')
        $lines.Add('Start to first 200: from process start to the first 200 on `GET /alive`, on fresh stores (migrations included; the reference host migrates nothing), one host at a time. Non-2xx counts every response outside 200-299 (the 401 scenario expects them all); unexpected counts responses other than the scenario''s expected status plus socket errors and timeouts.')

        Write-Host ''
        $lines | ForEach-Object { Write-Host $_ }
        Write-Host ''
        if (-not $WriteResults) {
            Write-Step 'A partial run (-Only): bench/results/ left as it was.'
        }
        else {
            New-Item -ItemType Directory -Force -Path $ResultsDirectory | Out-Null
            $latest = Join-Path $ResultsDirectory 'latest.md'
            $lines | Set-Content -Path $latest
            $lines | Set-Content -Path (Join-Path $ResultsDirectory "load-$($now.ToString('yyyy-MM-dd-HHmm', $inv)).md")
            Write-Step "Results written to $latest"
            if ($UpdateReadme) {
                Update-ReadmeTable (Join-Path $Root 'README.md') $summary
                Write-Step 'The table in README.md (Performance) updated'
            }
        }
        $failed = $false
    }
    finally {
        Stop-Processes $hosts
        if ($failed) { Write-Host "Host logs and seeded data kept in $work" } else { Remove-Item -Recurse -Force $work }
    }
}
