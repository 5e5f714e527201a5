<#
.SYNOPSIS
    What build.ps1, bench/load/run-load.ps1 and bench/run-micro.ps1 share: steps and failures, checked calls, builds,
    secrets, starting the hosts and waiting until they answer, ports chosen up front.
.DESCRIPTION
    Import it at the top of a script and run the script's body through Invoke-Script:
        Import-Module (Join-Path $PSScriptRoot 'scripts/TodoClean.psm1') -Force
        Invoke-Script { ... }
    Inside, Stop-Script ends the script with "ERROR: <message>" and exit code 1 (finally blocks still run).
#>

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# The repository root: this file lives in <root>/scripts.
$RepoRoot = Split-Path -Parent $PSScriptRoot

# How many times a start on chosen ports is tried (Invoke-OnChosenPort).
$PortAttempts = 5

# A failure the script reports in one line (Stop-Script), as opposed to a bug in the script.
class ScriptFailure : System.Exception {
    ScriptFailure([string] $Message) : base($Message) { }
}

# A server could not bind the port it was told to use: Invoke-OnChosenPort tries new ports.
class PortInUseFailure : ScriptFailure {
    PortInUseFailure([string] $Message) : base($Message) { }
}

# Plain output (no colour escapes in logs), no .NET banners or telemetry.
function Initialize-Environment {
    $env:NO_COLOR = '1'
    $env:DOTNET_NOLOGO = '1'
    $env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
    if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
}

# Runs a script's body: a Stop-Script failure prints "ERROR: <message>", anything else also where it happened; both
# end the script with exit code 1.
function Invoke-Script([Parameter(Mandatory)] [scriptblock] $Body) {
    Initialize-Environment
    try {
        & $Body
    }
    catch [ScriptFailure] {
        Write-Host "ERROR: $($_.Exception.Message)"
        exit 1
    }
    catch {
        Write-Host "ERROR: $($_.Exception.Message)"
        Write-Host $_.ScriptStackTrace
        exit 1
    }
}

function Write-Step([string] $Message) { Write-Host "==> $Message" }

# Ends the script (through Invoke-Script) with one clear line.
function Stop-Script([string] $Message) { throw [ScriptFailure]::new($Message) }

# For a start on a chosen port that failed because the port was taken (see Invoke-OnChosenPort).
function Stop-PortInUse([string] $Message) { throw [PortInUseFailure]::new($Message) }

# Runs an external command and stops the script when it fails.
function Invoke-Checked([string] $What, [scriptblock] $Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { Stop-Script "$What failed (exit code $LASTEXITCODE)." }
}

# Builds projects (paths relative to the repository root) in one configuration; warnings are errors everywhere.
function Build-Project([string[]] $Path, [string] $Configuration, [switch] $NoRestore, [switch] $Quiet) {
    $options = @(if ($NoRestore) { '--no-restore' }) + @(if ($Quiet) { '-v', 'quiet', '-nologo' })
    foreach ($project in $Path) {
        Write-Step "Building $project ($Configuration)"
        Invoke-Checked "dotnet build $project" { dotnet build (Join-Path $RepoRoot $project) -c $Configuration @options }
    }
}

# A random secret: 64 URL-safe characters from 48 random bytes (enough for the HS256 key and the cookie key).
function New-Secret {
    [Convert]::ToBase64String([Security.Cryptography.RandomNumberGenerator]::GetBytes(48)).Replace('+', '-').Replace('/', '_')
}

# The development secret of `build.ps1 run`/`scaleout`: generated once into .secrets/ (git-ignored), shared by both hosts.
function Get-DevSecret {
    $file = Join-Path $RepoRoot '.secrets/dev-jwt-secret'
    if (-not (Test-Path $file)) {
        New-Item -ItemType Directory -Force -Path (Split-Path $file) | Out-Null
        Set-Content -Path $file -Value (New-Secret) -NoNewline
        Write-Step 'Generated a development JWT secret in .secrets/dev-jwt-secret (git-ignored)'
    }
    return (Get-Content -Path $file -Raw).Trim()
}

# How to start a process that lives as long as the script: on Linux through setpriv (util-linux) with a parent-death
# signal, so it also stops when the script is killed (SIGTERM, SIGKILL) rather than interrupted with Ctrl+C, which the
# scripts' finally blocks handle. setpriv and `exec` keep the process id.
function New-ChildStartInfo([string] $FileName, [string[]] $Arguments) {
    if ($IsLinux -and (Test-Path '/usr/bin/setpriv')) {
        return [Diagnostics.ProcessStartInfo]::new('/usr/bin/setpriv', [string[]](@('--pdeathsig', 'TERM', '--', $FileName) + $Arguments))
    }
    return [Diagnostics.ProcessStartInfo]::new($FileName, $Arguments)
}

<#
.SYNOPSIS
    Starts a built host (src/<Project>, or the load test's bench/ReferenceHost) with the given environment additions;
    returns its process, which is the application itself (its id is the host's, for CPU time and RSS).
.PARAMETER Log
    A file for its output (then Wait-HostListening can read where it listens); without it, the output goes to this console.
#>
function Start-TodoHost {
    param(
        [Parameter(Mandatory)] [ValidateSet('AuthGateway', 'WebApi', 'ReferenceHost')] [string] $Project,
        [Parameter(Mandatory)] [string] $Configuration,
        [Parameter(Mandatory)] [hashtable] $Environment,
        [string] $Log
    )
    $folder = if ($Project -eq 'ReferenceHost') { "bench/$Project" } else { "src/$Project" }
    $dll = Join-Path $RepoRoot "$folder/bin/$Configuration/net10.0/TodoClean.$Project.dll"
    if (-not (Test-Path $dll)) { Stop-Script "$dll does not exist: build $folder ($Configuration) first." }
    $info = if ($Log) {
        New-ChildStartInfo 'bash' @('-c', 'exec dotnet "$0" >"$1" 2>&1', $dll, $Log)
    }
    else {
        New-ChildStartInfo 'dotnet' @($dll)
    }
    $info.WorkingDirectory = Join-Path $RepoRoot $folder
    $info.UseShellExecute = $false
    foreach ($key in $Environment.Keys) { $info.Environment[$key] = [string]$Environment[$key] }
    # Kestrel's "Now listening on: ..." line, which says where a host on port 0 ended up (Wait-HostListening).
    $info.Environment['Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime'] = 'Information'
    return [Diagnostics.Process]::Start($info)
}

function Get-LogTail([string] $Log, [int] $Lines = 30) {
    if ($Log -and (Test-Path $Log)) { return (Get-Content $Log -Tail $Lines) -join "`n" }
    return '(its output went to the console above)'
}

<#
.SYNOPSIS
    Waits until a host started with -Log says where it listens and returns that URL. Fails with Stop-PortInUse when it
    could not bind its port (another process holds it), with Stop-Script when it exits otherwise or takes too long.
#>
function Wait-HostListening {
    param(
        [Parameter(Mandatory)] [Diagnostics.Process] $Process,
        [Parameter(Mandatory)] [string] $Log,
        [int] $TimeoutSeconds = 60,
        [int] $PollMilliseconds = 50
    )
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        # Read before checking for exit, so a host that listened and then stopped is judged by its whole log.
        $exited = $Process.HasExited
        $text = if (Test-Path $Log) { Get-Content -Raw $Log } else { '' }
        if ($text -match 'Now listening on: "?(?<url>https?://[^\s"]+)') { return $Matches.url }
        if ($exited) {
            if ($text -match 'Failed to bind to address \S+: address already in use') { Stop-PortInUse $Matches[0] }
            Stop-Script "The host logging to $Log exited (code $($Process.ExitCode)) before it listened:`n$(Get-LogTail $Log)"
        }
        if ([DateTime]::UtcNow -gt $deadline) { Stop-Script "The host logging to $Log did not listen within $TimeoutSeconds s:`n$(Get-LogTail $Log)" }
        Start-Sleep -Milliseconds $PollMilliseconds
    }
}

<#
.SYNOPSIS
    Waits until GET <Url><Path> answers 200. Fails (with the tail of -Log, if given) when the process exits first or
    after -TimeoutSeconds.
#>
function Wait-Healthy {
    param(
        [Parameter(Mandatory)] [string] $Url,
        [Parameter(Mandatory)] [Diagnostics.Process] $Process,
        [string] $Path = '/health',
        [string] $Log,
        [int] $TimeoutSeconds = 60,
        [int] $PollMilliseconds = 100
    )
    $client = [Net.Http.HttpClient]::new()
    # Generous: /health waits for the store's migrations, which take a while on a busy machine.
    $client.Timeout = [TimeSpan]::FromSeconds(10)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    try {
        while ([DateTime]::UtcNow -lt $deadline) {
            if ($Process.HasExited) { Stop-Script "The host for $Url exited (code $($Process.ExitCode)):`n$(Get-LogTail $Log)" }
            try {
                $response = $client.GetAsync("$Url$Path").GetAwaiter().GetResult()
                if ([int]$response.StatusCode -eq 200) { return }
            }
            catch [Net.Http.HttpRequestException], [Threading.Tasks.TaskCanceledException] {
                # Not listening yet, or too busy starting up to answer in time.
            }
            Start-Sleep -Milliseconds $PollMilliseconds
        }
        Stop-Script "No 200 from $Url$Path within $TimeoutSeconds s:`n$(Get-LogTail $Log)"
    }
    finally { $client.Dispose() }
}

# Stops processes this script started, with their children, and waits for them.
function Stop-Processes([Diagnostics.Process[]] $Processes) {
    foreach ($process in $Processes) {
        if ($process -and -not $process.HasExited) {
            $process.Kill($true)
            $process.WaitForExit()
        }
    }
}

<#
.SYNOPSIS
    Runs -Start with -Count distinct loopback ports chosen just before, for servers that must be told their port
    before they start (a URL in their own settings, or no way to report a port the system picked: PostgreSQL, nginx).
.DESCRIPTION
    A port that is free when it is chosen can be taken by another process before the server binds it. -Start then fails
    with Stop-PortInUse (from Wait-HostListening, or its own check of the server's "address in use" error) and is run
    again on new ports, at most 5 times; any other failure ends the script as usual. Everything -Start started must be
    stopped by -Start itself when it fails.
#>
function Invoke-OnChosenPort {
    param(
        [Parameter(Mandatory)] [scriptblock] $Start,
        [int] $Count = 1
    )
    for ($attempt = 1; ; $attempt++) {
        # Bound all at once, so they are distinct.
        $listeners = @(1..$Count | ForEach-Object { $l = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0); $l.Start(); $l })
        $ports = @($listeners | ForEach-Object { $_.LocalEndpoint.Port })
        $listeners | ForEach-Object { $_.Stop() }
        try {
            return & $Start @ports
        }
        catch [PortInUseFailure] {
            if ($attempt -ge $PortAttempts) { throw }
            Write-Step "Port $($ports -join ', ') was taken before it could be used ($($_.Exception.Message.Split("`n")[0])); trying another"
        }
    }
}

Export-ModuleMember -Function Invoke-Script, Write-Step, Stop-Script, Stop-PortInUse, Invoke-Checked, Build-Project, New-Secret,
    Get-DevSecret, New-ChildStartInfo, Start-TodoHost, Wait-HostListening, Wait-Healthy, Stop-Processes,
    Invoke-OnChosenPort
