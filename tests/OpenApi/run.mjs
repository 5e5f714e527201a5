#!/usr/bin/env node
// Checks the OpenAPI documents both hosts generate, with tools written elsewhere:
//
//  1. Spectral lints /openapi/v1.json of the gateway and of the API with .spectral.yaml (spectral:oas and the OWASP API
//     Security Top 10 ruleset); an error fails the document's check, warnings are printed.
//  2. Stoplight Prism runs as a validating proxy (`prism proxy --errors`) in front of each host, and a realistic session
//     goes through it (session.mjs): every exchange fails its check when Prism reports a violation, so each answer the
//     hosts gave — status, headers, body — is one the document describes.
//
//   node run.mjs [--gateway-dll <path>] [--api-dll <path>] [--results-directory <dir>] [--keep-logs]
//
// Two proxies per host: a strict one that also validates requests (valid steps go through it, so the document accepts
// what real clients send), and one that forwards every request (`--validate-request false`) for the steps that send
// bad input on purpose, whose answers from the server must still match the document. A bad input the document itself
// rules out (a too-long title, say) is also sent to the strict proxy, which must refuse it: the document states the limit.
//
// Ports: the hosts bind port 0 and print the address they got ("Now listening on:"). Prism is given a port chosen just
// before; if another process takes it first, Prism is started again on a new one.
// --results-directory writes openapi.junit.xml there (one test case per check), for build.ps1 test.
// The DLLs default to ../../src/{AuthGateway,WebApi}/bin/Debug/net10.0/ (build them with `dotnet build`).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runSession } from "./session.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const SRC = resolve(HERE, "../../src");
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;
const PORT_ATTEMPTS = 5;
/** The account lockout's threshold in this run: the session triggers it to see a documented 429. */
const FAILURES_PER_ACCOUNT = 3;
/** The origin the session's gateway requests name, trusted by the gateway (Auth:TrustedOrigins). */
const TRUSTED_ORIGIN = "http://app.openapi.test:5173";

const { values: args } = parseArgs({
  options: {
    "gateway-dll": { type: "string" },
    "api-dll": { type: "string" },
    "results-directory": { type: "string" },
    "keep-logs": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
  strict: true,
});
if (args.help) {
  console.log("usage: node run.mjs [--gateway-dll <path>] [--api-dll <path>] [--results-directory <dir>] [--keep-logs]");
  process.exit(0);
}
const gatewayDll = resolve(args["gateway-dll"] ?? join(SRC, "AuthGateway/bin/Debug/net10.0/TodoClean.AuthGateway.dll"));
const apiDll = resolve(args["api-dll"] ?? join(SRC, "WebApi/bin/Debug/net10.0/TodoClean.WebApi.dll"));
const resultsDir = args["results-directory"] ? resolve(args["results-directory"]) : null;
const tempDir = mkdtempSync(join(tmpdir(), "openapi-checks-"));
// The documents are linted where .spectral.yaml's per-file overrides find them.
const documentsDir = join(HERE, "generated");

const require = createRequire(import.meta.url);
const binOf = (pkg, name) => join(dirname(require.resolve(`${pkg}/package.json`)), require(`${pkg}/package.json`).bin[name]);
const PRISM = binOf("@stoplight/prism-cli", "prism");
const SPECTRAL = binOf("@stoplight/spectral-cli", "spectral");

/** @type {Set<import("node:child_process").ChildProcess>} */
const children = new Set();
let cleanedUp = false;
let interrupted = false;
const log = (message) => console.log(`[openapi] ${message}`);

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
  cleanedUp = true;
  await Promise.all([...children].map(stopChild));
  if (args["keep-logs"]) log(`logs kept in ${tempDir}`);
  else rmSync(tempDir, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    interrupted = true;
    log(`${signal}: stopping`);
    await cleanup();
    process.exit(130);
  });
}

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

function startProcess(name, command, commandArgs, options) {
  if (cleanedUp) throw new Error("stopping");
  const logPath = join(tempDir, `${name}.log`);
  const out = createWriteStream(logPath);
  // Its own process group: whatever a tool signals to its group does not reach this runner.
  const child = spawn(command, commandArgs, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  child.once("exit", () => children.delete(child));
  child.logPath = logPath;
  return child;
}

/** Capture group 1 of the first output line matching `pattern`; rejects if the child ends first or time runs out. */
function waitForLine(name, child, pattern, timeoutMs = STARTUP_TIMEOUT_MS) {
  return new Promise((res, rej) => {
    let output = "";
    let partial = "";
    const onData = (chunk) => {
      output += chunk;
      const lines = (partial + chunk).split("\n");
      partial = lines.pop();
      for (const line of lines) {
        const m = pattern.exec(line);
        if (m) return finish(res, m[1]);
      }
    };
    const onClose = (code, signal) => {
      finish(rej, Object.assign(new Error(`${name} exited during startup (code ${code ?? signal}):\n${lastLines(output)}`), { output }));
    };
    const timer = setTimeout(() => finish(rej, new Error(`${name} did not print ${pattern} within ${timeoutMs} ms:\n${lastLines(output)}`)), timeoutMs);
    function finish(settle, value) {
      clearTimeout(timer);
      child.stdout.off("data", onData);
      child.stderr.off("data", onData);
      child.off("close", onClose);
      settle(value);
    }
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("close", onClose);
  });
}

const lastLines = (text, lines = 40) => text.trimEnd().split("\n").slice(-lines).join("\n") || "(no output)";

/** The inherited environment without settings that would change how a host is configured. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(Auth__|Jwt__|Mail__|Revocation__|ConnectionStrings__|Database__|PasswordHashing__|RateLimiting__|Serilog__|Cors__|Limits__|Ui__|ASPNETCORE_|DOTNET_ENVIRONMENT$|FRONTEND_JWT_SECRET$|BACKEND_JWT_SECRET$|BETTER_AUTH_)/i.test(key)) {
      delete env[key];
    }
  }
  return env;
}

/** Starts a host on port 0 and resolves with the address Kestrel reports. */
async function startHost(name, dll, env) {
  if (!existsSync(dll)) throw new Error(`${name} not built: ${dll} does not exist (run: dotnet build)`);
  const child = startProcess(name, "dotnet", [dll], {
    cwd: dirname(dll),
    env: {
      ...cleanEnv(),
      ...env,
      ASPNETCORE_URLS: "http://127.0.0.1:0",
      ASPNETCORE_ENVIRONMENT: "Production",
      Serilog__MinimumLevel__Default: "Warning",
      "Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime": "Information",
      DOTNET_NOLOGO: "1",
      DOTNET_CLI_TELEMETRY_OPTOUT: "1",
    },
  });
  const baseUrl = await waitForLine(name, child, /Now listening on: "?(http[^\s"]+)/);
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200) return { baseUrl, child };
    } catch {
      // not answering yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${name} did not report healthy within ${STARTUP_TIMEOUT_MS} ms`);
}

/** Starts `prism proxy` for `document` in front of `upstream`; resolves with its base URL. */
async function startPrism(name, document, upstream, { validateRequest }) {
  for (let attempt = 1; ; attempt++) {
    const port = await choosePort();
    const child = startProcess(name, process.execPath, [
      PRISM, "proxy", document, upstream, "--errors", "--cors", "false", "--host", "127.0.0.1", "--port", String(port),
      "--validate-request", String(validateRequest),
    ], { cwd: HERE, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
    try {
      await waitForLine(name, child, /Prism is listening on (http\S+)/);
      return { baseUrl: `http://127.0.0.1:${port}`, child };
    } catch (error) {
      if (attempt < PORT_ATTEMPTS && /EADDRINUSE/.test(error.output ?? "")) {
        log(`${name}: port ${port} was taken before Prism bound it; trying another`);
        continue;
      }
      throw error;
    }
  }
}

/** Lints the documents with .spectral.yaml; one result per document: {name, errors: [...], warnings: [...]}. */
async function lint(documents) {
  const output = join(tempDir, "spectral.json");
  const child = startProcess("spectral", process.execPath, [
    SPECTRAL, "lint", "--ruleset", join(HERE, ".spectral.yaml"), "--format", "json", "--output", output,
    "--fail-severity", "error", "--quiet", ...documents.map((d) => d.path),
  ], { cwd: HERE });
  const code = await new Promise((res) => child.once("exit", (c, s) => res(c ?? s)));
  if (!existsSync(output)) throw new Error(`spectral failed (exit ${code}) without results:\n${readFileSync(child.logPath, "utf8")}`);
  const findings = JSON.parse(readFileSync(output, "utf8"));
  return documents.map((d) => {
    const mine = findings.filter((f) => resolve(f.source ?? "") === resolve(d.path));
    const describe = (f) => `${f.code} at ${f.path.join(".") || "(document)"}: ${f.message}`;
    return {
      name: d.name,
      errors: mine.filter((f) => f.severity === 0).map(describe),
      warnings: mine.filter((f) => f.severity === 1).map(describe),
    };
  });
}

// ---- results --------------------------------------------------------------------------------------------------------

/** @type {{suite: string, name: string, failure: string | null}[]} */
const cases = [];
function record(suite, name, failure) {
  cases.push({ suite, name, failure });
  console.log(`${failure ? "✖" : "✔"} ${suite}: ${name}${failure ? `\n    ${failure.split("\n").join("\n    ")}` : ""}`);
}

const xml = (text) => String(text).replace(/[\x00-\x08\x0B\x0C\x0E-\x1F]/g, "")
  .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function writeJUnit(path) {
  const suites = [...new Set(cases.map((c) => c.suite))].map((suite) => {
    const mine = cases.filter((c) => c.suite === suite);
    const body = mine.map((c) => `    <testcase name="${xml(c.name)}" classname="${xml(suite)}">` +
      (c.failure ? `\n      <failure message="${xml(c.failure)}"/>\n    ` : "") + `</testcase>`).join("\n");
    return `  <testsuite name="${xml(suite)}" tests="${mine.length}" failures="${mine.filter((c) => c.failure).length}">\n${body}\n  </testsuite>`;
  });
  writeFileSync(path, `<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="openapi">\n${suites.join("\n")}\n</testsuites>\n`);
}

// ---- run --------------------------------------------------------------------------------------------------------------

let exitCode = 0;
if (resultsDir) {
  mkdirSync(resultsDir, { recursive: true });
  rmSync(join(resultsDir, "openapi.junit.xml"), { force: true });
}
try {
  const secret = randomBytes(48).toString("base64url");
  log("starting the gateway and the API…");
  const [gateway, api] = await Promise.all([
    startHost("gateway", gatewayDll, {
      FRONTEND_JWT_SECRET: secret,
      ConnectionStrings__Auth: `Data Source=${join(tempDir, "auth.db")}`,
      PasswordHashing__Iterations: "1000",
      RateLimiting__FailuresPerAccount: String(FAILURES_PER_ACCOUNT),
      // The session goes through more credential endpoints than the per-address limit allows in a minute.
      RateLimiting__CredentialPermitsPerIp: "1000",
      Auth__TrustedOrigins__0: TRUSTED_ORIGIN,
      // Password reset and verification need a mail transport: messages become files nobody reads.
      Mail__PickupDirectory: join(tempDir, "outbox"),
    }),
    startHost("api", apiDll, {
      BACKEND_JWT_SECRET: secret,
      ConnectionStrings__Todos: `Data Source=${join(tempDir, "todos.db")}`,
    }),
  ]);
  log(`gateway at ${gateway.baseUrl}, API at ${api.baseUrl}`);

  mkdirSync(documentsDir, { recursive: true });
  const documents = [];
  for (const [name, host] of [["gateway", gateway], ["api", api]]) {
    const response = await fetch(`${host.baseUrl}/openapi/v1.json`);
    if (response.status !== 200) throw new Error(`${name}: GET /openapi/v1.json answered ${response.status}`);
    const path = join(documentsDir, `${name}.openapi.json`);
    writeFileSync(path, await response.text());
    documents.push({ name, path });
  }

  log("linting both documents with Spectral (spectral:oas + OWASP, .spectral.yaml)…");
  for (const result of await lint(documents)) {
    const byRule = Object.entries(result.warnings.reduce((all, w) => ({ ...all, [w.split(" ")[0]]: [...(all[w.split(" ")[0]] ?? []), w] }), {}));
    for (const [rule, found] of byRule) console.log(`  ${result.name}: ${found.length} × warning ${rule} (e.g. ${found[0].slice(rule.length + 4)})`);
    record("spectral", `${result.name} document: no errors (${result.warnings.length} warnings)`,
      result.errors.length ? `${result.errors.length} Spectral errors:\n${result.errors.join("\n")}` : null);
  }

  log("starting Prism proxies…");
  const [gatewayStrict, gatewayLenient, apiStrict, apiLenient] = await Promise.all([
    startPrism("prism-gateway", documents[0].path, gateway.baseUrl, { validateRequest: true }),
    startPrism("prism-gateway-lenient", documents[0].path, gateway.baseUrl, { validateRequest: false }),
    startPrism("prism-api", documents[1].path, api.baseUrl, { validateRequest: true }),
    startPrism("prism-api-lenient", documents[1].path, api.baseUrl, { validateRequest: false }),
  ]);

  log("driving a session through Prism…");
  await runSession({
    gateway: { strict: gatewayStrict.baseUrl, lenient: gatewayLenient.baseUrl },
    api: { strict: apiStrict.baseUrl, lenient: apiLenient.baseUrl },
    trustedOrigin: TRUSTED_ORIGIN,
    failuresPerAccount: FAILURES_PER_ACCOUNT,
    record,
  });
} catch (error) {
  record("openapi", "run", `error: ${error.stack ?? error}`);
} finally {
  await cleanup();
}
if (interrupted) process.exit(130);

if (resultsDir) writeJUnit(join(resultsDir, "openapi.junit.xml"));
const failed = cases.filter((c) => c.failure).length;
if (failed > 0) exitCode = 1;
console.log("");
console.log(`openapi  ${cases.length - failed} passed, ${failed} failed (${cases.length} checks)`);
process.exit(exitCode);
