#!/usr/bin/env node
// Orchestrator: starts the better-auth reference server and/or the TodoClean AuthGateway on loopback, runs the
// conformance tests once per target, prints per-target counts, stops everything and exits non-zero on failure.
//
//   node run.mjs [--gateway-dll <path>] [--only reference|gateway] [--keep-logs]
//
// --keep-logs keeps the temp dir (server logs, TAP output, the gateway's SQLite file) and prints its path.
// Rate limiting is switched off in both servers (reference: rateLimit.enabled=false; gateway:
// RateLimiting__Enabled=false): the suite signs in far more often than any limit allows and does not test limits.
//
// The gateway DLL defaults to ../../src/AuthGateway/bin/Debug/net10.0/TodoClean.AuthGateway.dll (build it with
// `dotnet build src/AuthGateway`).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
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

const { values: args } = parseArgs({
  options: {
    "gateway-dll": { type: "string" },
    only: { type: "string" },
    "keep-logs": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
  strict: true,
});
if (args.help) {
  console.log("usage: node run.mjs [--gateway-dll <path>] [--only reference|gateway] [--keep-logs]");
  process.exit(0);
}
if (args.only && !["reference", "gateway"].includes(args.only)) {
  console.error(`--only must be "reference" or "gateway", got "${args.only}"`);
  process.exit(2);
}
const targets = args.only ? [args.only] : ["reference", "gateway"];
const gatewayDll = resolve(args["gateway-dll"] ?? DEFAULT_DLL);

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

function freePort() {
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

async function startReference() {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = startProcess("reference", process.execPath, [join(HERE, "reference-server.mjs"), "--port", String(port)], {
    cwd: HERE,
    env: {
      ...cleanEnv(),
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      TRUSTED_ORIGINS: EXTRA_TRUSTED_ORIGIN,
    },
  });
  await waitUntilReady("reference server", child, baseUrl);
  return { baseUrl, child, env: {} };
}

/** The inherited environment without settings that would change how the gateway is configured. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(Auth__|Jwt__|ConnectionStrings__|Database__|PasswordHashing__|RateLimiting__|Serilog__|ASPNETCORE_|DOTNET_ENVIRONMENT$|FRONTEND_JWT_SECRET$|BACKEND_JWT_SECRET$|BETTER_AUTH_)/i.test(key)) {
      delete env[key];
    }
  }
  return env;
}

async function startGateway() {
  if (!existsSync(gatewayDll)) {
    throw new Error(`gateway not built: ${gatewayDll} does not exist (run: dotnet build src/AuthGateway)`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const secret = randomBytes(48).toString("base64url"); // 64 chars
  const child = startProcess("gateway", "dotnet", [gatewayDll], {
    cwd: GATEWAY_DIR,
    env: {
      ...cleanEnv(),
      FRONTEND_JWT_SECRET: secret,
      ASPNETCORE_URLS: baseUrl,
      Auth__BaseUrl: baseUrl,
      Auth__TrustedOrigins__0: EXTRA_TRUSTED_ORIGIN,
      ConnectionStrings__Auth: `Data Source=${join(tempDir, "auth.db")}`,
      PasswordHashing__Iterations: "1000",
      RateLimiting__Enabled: "false",
      ASPNETCORE_ENVIRONMENT: "Production",
      Serilog__MinimumLevel__Default: "Warning",
      DOTNET_NOLOGO: "1",
      DOTNET_CLI_TELEMETRY_OPTOUT: "1",
    },
  });
  await waitUntilReady("gateway", child, baseUrl);
  return { baseUrl, child, env: { AUTH_JWT_SECRET: secret } };
}

/** Runs every tests/*.test.mjs against one target; returns {pass, fail, skipped, total}. */
async function runTests(target, server) {
  const files = readdirSync(TESTS_DIR).filter((f) => f.endsWith(".test.mjs")).sort().map((f) => join("tests", f));
  const tapPath = join(tempDir, `${target}.tap`);
  if (cleanedUp) throw new Error("stopping");
  const child = spawn(process.execPath, [
    "--test",
    `--test-timeout=${TEST_TIMEOUT_MS}`,
    "--test-reporter=spec", "--test-reporter-destination=stdout",
    "--test-reporter=tap", `--test-reporter-destination=${tapPath}`,
    ...files,
  ], {
    cwd: HERE,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      ...server.env,
      AUTH_BASE_URL: server.baseUrl,
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
    for (const line of readFileSync(tapPath, "utf8").split("\n")) {
      const m = /^# (tests|pass|fail|skipped|todo|cancelled) (\d+)$/.exec(line);
      if (m) counts[m[1] === "tests" ? "total" : m[1]] = Number(m[2]);
    }
  } catch {
    // no TAP output: counted as a failure below
  }
  counts.ok = code === 0 && counts.fail === 0 && counts.cancelled === 0 && counts.total > 0;
  return counts;
}

const results = {};
let exitCode = 0;
try {
  for (const target of targets) {
    if (cleanedUp) break;
    log(`starting ${target}…`);
    let server;
    try {
      server = target === "reference" ? await startReference() : await startGateway();
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
    await stopChild(server.child);
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
