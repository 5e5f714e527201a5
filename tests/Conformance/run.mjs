#!/usr/bin/env node
// Orchestrator: starts the better-auth reference server and/or the TodoClean AuthGateway on loopback, runs the
// conformance tests once per target, prints per-target counts, stops everything and exits non-zero on failure.
//
//   node run.mjs [--gateway-dll <path>] [--only reference|gateway] [--keep-logs] [--results-directory <dir>]
//
// --keep-logs keeps the temp dir (server logs, test results, the gateway's SQLite file) and prints its path.
// --results-directory writes each target's results there as JUnit XML (<dir>/<target>.junit.xml, node:test's junit
// reporter), for tools to read; a target that did not start has no file.
//
// Ports: the reference server binds port 0 and prints the address it got. The gateway must know its own URL before it
// starts (Auth__BaseUrl), so it is given a port chosen just before; if another process takes that port first, the
// gateway fails with "address already in use" and is started again on a new one (at most PORT_ATTEMPTS times).
// Rate limiting is switched off in both servers (reference: rateLimit.enabled=false; gateway:
// RateLimiting__Enabled=false): the suite signs in far more often than any limit allows and does not test limits.
//
// The gateway DLL defaults to ../../src/AuthGateway/bin/Debug/net10.0/TodoClean.AuthGateway.dll (build it with
// `dotnet build src/AuthGateway`).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const HERE = dirname(fileURLToPath(import.meta.url));
const GATEWAY_DIR = resolve(HERE, "../../src/AuthGateway");
const DEFAULT_DLL = join(GATEWAY_DIR, "bin/Debug/net10.0/TodoClean.AuthGateway.dll");
const TESTS_DIR = join(HERE, "tests");
/** Both servers trust this second origin besides their own base URL (tests check it is accepted). */
const EXTRA_TRUSTED_ORIGIN = "http://app.conformance.test:5173";
const STARTUP_TIMEOUT_MS = 45_000;
const TARGET_TIMEOUT_MS = 120_000;
const TEST_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;
const PORT_ATTEMPTS = 5;

const { values: args } = parseArgs({
  options: {
    "gateway-dll": { type: "string" },
    only: { type: "string" },
    "keep-logs": { type: "boolean" },
    "results-directory": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  strict: true,
});
if (args.help) {
  console.log("usage: node run.mjs [--gateway-dll <path>] [--only reference|gateway] [--keep-logs] [--results-directory <dir>]");
  process.exit(0);
}
if (args.only && !["reference", "gateway"].includes(args.only)) {
  console.error(`--only must be "reference" or "gateway", got "${args.only}"`);
  process.exit(2);
}
const targets = args.only ? [args.only] : ["reference", "gateway"];
const gatewayDll = resolve(args["gateway-dll"] ?? DEFAULT_DLL);
const resultsDir = args["results-directory"] ? resolve(args["results-directory"]) : null;

const tempDir = mkdtempSync(join(tmpdir(), "auth-conformance-"));
/** @type {Set<import("node:child_process").ChildProcess>} */
const children = new Set();
let cleanedUp = false;
let interrupted = false;

function log(message) {
  console.log(`[conformance] ${message}`);
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((res) => child.once("exit", res));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true; // from here on no process is started (see startProcess)
  await Promise.all([...children].map(stopChild));
  if (args["keep-logs"]) log(`logs kept in ${tempDir}`);
  else rmSync(tempDir, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    interrupted = true;
    log(`${signal}: stopping servers`);
    await cleanup();
    process.exit(130);
  });
}

/** A loopback port that is free right now (it may be taken before it is used: see startGateway). */
function choosePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** Starts a server process whose output goes to <temp>/<name>.log. */
function startProcess(name, command, commandArgs, options) {
  if (cleanedUp) throw new Error("stopping");
  const logPath = join(tempDir, `${name}.log`);
  const out = createWriteStream(logPath);
  const child = spawn(command, commandArgs, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  child.once("exit", () => children.delete(child));
  child.logPath = logPath;
  return child;
}

/**
 * Resolves with capture group 1 of the first line of the child's standard output that matches `pattern`. Rejects when
 * the child ends first (the error's `output` is everything it printed) or after `timeoutMs`.
 */
function waitForLine(name, child, pattern, timeoutMs = STARTUP_TIMEOUT_MS) {
  return new Promise((res, rej) => {
    let output = "";
    let partial = "";
    const onStdout = (chunk) => {
      output += chunk;
      const lines = (partial + chunk).split("\n");
      partial = lines.pop();
      for (const line of lines) {
        const m = pattern.exec(line);
        if (m) return finish(res, m[1]);
      }
    };
    const onStderr = (chunk) => {
      output += chunk;
    };
    const onClose = (code, signal) => {
      const error = new Error(`${name} exited during startup (code ${code ?? signal}):\n${lastLines(output)}`);
      finish(rej, Object.assign(error, { output }));
    };
    const timer = setTimeout(() => finish(rej, new Error(`${name} did not print ${pattern} within ${timeoutMs} ms:\n${lastLines(output)}`)), timeoutMs);
    function finish(settle, value) {
      clearTimeout(timer);
      child.stdout.off("data", onStdout);
      child.stderr.off("data", onStderr);
      child.off("close", onClose);
      settle(value);
    }
    child.stdout.on("data", onStdout);
    child.stderr.on("data", onStderr);
    child.once("close", onClose);
  });
}

function lastLines(text, lines = 40) {
  return text.trimEnd().split("\n").slice(-lines).join("\n") || "(no output)";
}

function tail(path, lines = 40) {
  try {
    return readFileSync(path, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

/** Polls GET <base>/api/auth/ok until 200 (or the process dies / the deadline passes). */
async function waitUntilReady(name, child, baseUrl) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited during startup (code ${child.exitCode ?? child.signalCode}):\n${tail(child.logPath)}`);
    }
    try {
      const r = await fetch(`${baseUrl}/api/auth/ok`, { signal: AbortSignal.timeout(2_000) });
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${name} did not answer GET /api/auth/ok with 200 within ${STARTUP_TIMEOUT_MS} ms:\n${tail(child.logPath)}`);
}

/**
 * Each target runs twice: the main server, and a second one whose sessions are due for renewal after one second
 * (session.updateAge / Auth__SessionUpdateAge), for the tests of sliding renewal (AUTH_REFRESH_BASE_URL).
 */
const REFRESH_UPDATE_AGE_SECONDS = 1;

async function startReference({ name = "reference", updateAgeSeconds } = {}) {
  const child = startProcess(name, process.execPath, [join(HERE, "reference-server.mjs"), "--port", "0"], {
    cwd: HERE,
    env: {
      ...cleanEnv(),
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      TRUSTED_ORIGINS: EXTRA_TRUSTED_ORIGIN,
      ...(updateAgeSeconds ? { SESSION_UPDATE_AGE: String(updateAgeSeconds) } : {}),
    },
  });
  const baseUrl = await waitForLine(name, child, /^LISTENING (\S+)$/);
  await waitUntilReady(name, child, baseUrl);
  return { baseUrl, child, env: {} };
}

/** The inherited environment without settings that would change how the gateway is configured. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(Auth__|Mail__|Jwt__|ConnectionStrings__|Database__|PasswordHashing__|RateLimiting__|Serilog__|ASPNETCORE_|DOTNET_ENVIRONMENT$|FRONTEND_JWT_SECRET$|BACKEND_JWT_SECRET$|BETTER_AUTH_)/i.test(key)) {
      delete env[key];
    }
  }
  return env;
}

async function startGateway({ name = "gateway", updateAgeSeconds } = {}) {
  if (!existsSync(gatewayDll)) {
    throw new Error(`gateway not built: ${gatewayDll} does not exist (run: dotnet build src/AuthGateway)`);
  }
  const secret = randomBytes(48).toString("base64url"); // 64 chars
  for (let attempt = 1; ; attempt++) {
    const port = await choosePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const child = startProcess(name, "dotnet", [gatewayDll], {
      cwd: GATEWAY_DIR,
      env: {
        ...cleanEnv(),
        FRONTEND_JWT_SECRET: secret,
        ASPNETCORE_URLS: baseUrl,
        Auth__BaseUrl: baseUrl,
        Auth__TrustedOrigins__0: EXTRA_TRUSTED_ORIGIN,
        ConnectionStrings__Auth: `Data Source=${join(tempDir, `auth-${port}.db`)}`,
        // Reset and verification mail as .eml files, which the tests read the links from (AUTH_MAIL_DIR).
        Mail__PickupDirectory: join(tempDir, `outbox-${port}`),
        PasswordHashing__Iterations: "1000",
        RateLimiting__Enabled: "false",
        ASPNETCORE_ENVIRONMENT: "Production",
        Serilog__MinimumLevel__Default: "Warning",
        // Kestrel's "Now listening on: ..." line: the gateway, not whoever else may hold the port, is up.
        "Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime": "Information",
        DOTNET_NOLOGO: "1",
        DOTNET_CLI_TELEMETRY_OPTOUT: "1",
        ...(updateAgeSeconds ? { Auth__SessionUpdateAge: `00:00:${String(updateAgeSeconds).padStart(2, "0")}` } : {}),
      },
    });
    try {
      await waitForLine(name, child, /Now listening on: "?(http[^\s"]+)/);
    } catch (error) {
      if (attempt < PORT_ATTEMPTS && /Failed to bind to address \S+: address already in use/.test(error.output ?? "")) {
        log(`${name}: ${baseUrl} was taken before the gateway bound it; trying another port`);
        continue;
      }
      throw error;
    }
    await waitUntilReady(name, child, baseUrl);
    return { baseUrl, child, env: { AUTH_JWT_SECRET: secret, AUTH_MAIL_DIR: join(tempDir, `outbox-${port}`) } };
  }
}

/** Runs every tests/*.test.mjs against one target; returns {pass, fail, skipped, total}. */
async function runTests(target, server) {
  const files = readdirSync(TESTS_DIR).filter((f) => f.endsWith(".test.mjs")).sort().map((f) => join("tests", f));
  const junitPath = join(resultsDir ?? tempDir, `${target}.junit.xml`);
  if (cleanedUp) throw new Error("stopping");
  const child = spawn(process.execPath, [
    "--test",
    `--test-timeout=${TEST_TIMEOUT_MS}`,
    "--test-reporter=spec", "--test-reporter-destination=stdout",
    "--test-reporter=junit", `--test-reporter-destination=${junitPath}`,
    ...files,
  ], {
    cwd: HERE,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      ...server.env,
      AUTH_BASE_URL: server.baseUrl,
      AUTH_REFRESH_BASE_URL: server.refresh.baseUrl,
      AUTH_TARGET: target,
      AUTH_EXTRA_TRUSTED_ORIGIN: EXTRA_TRUSTED_ORIGIN,
    },
  });
  children.add(child);
  const timer = setTimeout(() => {
    log(`${target}: test run exceeded ${TARGET_TIMEOUT_MS} ms, killing it`);
    child.kill("SIGKILL");
  }, TARGET_TIMEOUT_MS);
  const code = await new Promise((res) => child.once("exit", (c, s) => res(c ?? s)));
  clearTimeout(timer);
  children.delete(child);

  const counts = { total: 0, pass: 0, fail: 0, skipped: 0, todo: 0, cancelled: 0 };
  try {
    // The reporter ends the file with node:test's own totals, e.g. "<!-- pass 41 -->".
    for (const m of readFileSync(junitPath, "utf8").matchAll(/<!-- (tests|pass|fail|skipped|todo|cancelled) (\d+) -->/g)) {
      counts[m[1] === "tests" ? "total" : m[1]] = Number(m[2]);
    }
  } catch {
    // no results file: counted as a failure below
  }
  counts.ok = code === 0 && counts.fail === 0 && counts.cancelled === 0 && counts.total > 0;
  return counts;
}

const results = {};
let exitCode = 0;
if (resultsDir) {
  mkdirSync(resultsDir, { recursive: true });
  for (const target of targets) rmSync(join(resultsDir, `${target}.junit.xml`), { force: true });
}
try {
  for (const target of targets) {
    if (cleanedUp) break;
    log(`starting ${target}…`);
    let server;
    try {
      const start = target === "reference" ? startReference : startGateway;
      const [main, refresh] = await Promise.all([
        start(), start({ name: `${target}-refresh`, updateAgeSeconds: REFRESH_UPDATE_AGE_SECONDS }),
      ]);
      server = { ...main, refresh };
    } catch (error) {
      log(`${target}: ${error.message}`);
      results[target] = null;
      exitCode = 1;
      continue;
    }
    log(`${target} ready at ${server.baseUrl}; running tests`);
    const started = Date.now();
    results[target] = await runTests(target, server);
    results[target].seconds = ((Date.now() - started) / 1000).toFixed(1);
    await Promise.all([stopChild(server.child), stopChild(server.refresh.child)]);
    if (!results[target].ok) {
      exitCode = 1;
      log(`${target} server log (tail):\n${tail(server.child.logPath, 30)}`);
    }
  }
} catch (error) {
  log(`error: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await cleanup();
}
if (interrupted) {
  log("interrupted");
  process.exit(130);
}

console.log("");
for (const target of targets) {
  const r = results[target];
  if (!r) {
    console.log(`${target.padEnd(9)}  did not start`);
    continue;
  }
  const extra = [r.skipped && `${r.skipped} skipped`, r.cancelled && `${r.cancelled} cancelled`, r.todo && `${r.todo} todo`]
    .filter(Boolean).join(", ");
  console.log(`${target.padEnd(9)}  ${r.pass} passed, ${r.fail} failed${extra ? `, ${extra}` : ""} (${r.total} tests, ${r.seconds} s)`);
}
process.exit(exitCode);
