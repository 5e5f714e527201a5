// Shared helpers: the real Better Auth client bound to a cookie jar or a bearer token, a raw HTTP helper with
// full control over headers (Node's fetch always adds sec-fetch-mode), unique test users and JWT decoding.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { createAuthClient } from "better-auth/client";
import { jwtClient, twoFactorClient } from "better-auth/client/plugins";
import { DIFFERENCES, TARGET, differs } from "../differences.mjs";

export { TARGET, differs, DIFFERENCES };

if (!process.env.AUTH_BASE_URL) throw new Error("AUTH_BASE_URL is not set (run the suite through run.mjs)");
/** The server's base URL (scheme://host:port), which is also its own trusted origin. */
export const BASE_URL = new URL(process.env.AUTH_BASE_URL).origin;
export const ORIGIN = BASE_URL;
export const API = `${BASE_URL}/api/auth`;
/** The same kind of server with sessions due for renewal after one second (sliding-renewal tests only). */
export const REFRESH_BASE_URL = process.env.AUTH_REFRESH_BASE_URL ? new URL(process.env.AUTH_REFRESH_BASE_URL).origin : null;
/** A second origin both servers are configured to trust (Auth__TrustedOrigins__0 / trustedOrigins). */
export const EXTRA_TRUSTED_ORIGIN = process.env.AUTH_EXTRA_TRUSTED_ORIGIN || null;
/** The gateway's HS256 secret (gateway runs only). */
export const JWT_SECRET = process.env.AUTH_JWT_SECRET || null;
export const UNTRUSTED_ORIGIN = "http://evil.example";
export const USER_AGENT = "todoclean-conformance/1.0";
export const PASSWORD = "correct-horse-battery";
export const COOKIE = "better-auth.session_token";
export const CLEARED_COOKIES = ["better-auth.session_token", "better-auth.session_data", "better-auth.dont_remember"];
const REQUEST_TIMEOUT_MS = 10_000;

let counter = 0;
/** A fresh, lower-case email address unique to this run. */
export function uniqueEmail(tag = "user") {
  counter += 1;
  return `${tag}-${Date.now().toString(36)}-${process.pid}-${counter}-${randomBytes(3).toString("hex")}@conformance.test`;
}

// ---------------------------------------------------------------------------------------------------------
// Cookies

/** Parses one Set-Cookie header into {name, value, attributes (lower-cased keys), raw}. */
export function parseSetCookie(raw) {
  const [pair, ...attrs] = raw.split(";").map((s) => s.trim());
  const eq = pair.indexOf("=");
  const attributes = {};
  for (const a of attrs) {
    const i = a.indexOf("=");
    if (i < 0) attributes[a.toLowerCase()] = true;
    else attributes[a.slice(0, i).toLowerCase()] = a.slice(i + 1);
  }
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes, raw };
}

export function setCookies(headers) {
  return (typeof headers.getSetCookie === "function" ? headers.getSetCookie() : [].concat(headers["set-cookie"] ?? []))
    .map(parseSetCookie);
}

/** A minimal browser-like cookie jar for one origin: Max-Age=0 deletes, everything else replaces. */
export class CookieJar {
  #cookies = new Map();
  capture(headers) {
    for (const c of setCookies(headers)) {
      if (c.attributes["max-age"] === "0" || c.value === "") this.#cookies.delete(c.name);
      else this.#cookies.set(c.name, c.value);
    }
  }
  get(name) {
    return this.#cookies.get(name);
  }
  set(name, value) {
    this.#cookies.set(name, value);
  }
  get size() {
    return this.#cookies.size;
  }
  header() {
    return [...this.#cookies].map(([n, v]) => `${n}=${v}`).join("; ");
  }
}

// ---------------------------------------------------------------------------------------------------------
// The real client

/**
 * An "agent": the real `createAuthClient` (with `jwtClient` and `twoFactorClient`) plus its transport state.
 *  - mode "cookie": a CookieJar sends `Cookie` and captures `set-cookie`, like a browser on the same origin.
 *  - mode "bearer": no cookies; `set-auth-token` is kept and sent as `Authorization: Bearer` (the documented
 *    bearer pattern, via fetchOptions.auth).
 * Every request carries `Origin: <server origin>` (browsers always send it on POST; Node's fetch does not).
 * `agent.responses` records every response so tests can inspect headers (`agent.last("/get-session")`).
 */
export function newAgent({ mode = "cookie", baseUrl = BASE_URL, origin = baseUrl } = {}) {
  const agent = { mode, jar: new CookieJar(), bearer: null, responses: [] };
  const customFetchImpl = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (mode === "cookie" && agent.jar.size > 0) headers.set("cookie", agent.jar.header());
    const response = await fetch(input, { ...init, headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    if (mode === "cookie") agent.jar.capture(response.headers);
    const authToken = response.headers.get("set-auth-token");
    if (mode === "bearer" && authToken) agent.bearer = authToken;
    agent.responses.push({ url: new URL(input instanceof Request ? input.url : String(input)), response });
    return response;
  };
  const headers = { "user-agent": USER_AGENT };
  if (origin) headers.origin = origin;
  agent.client = createAuthClient({
    baseURL: baseUrl,
    plugins: [jwtClient(), twoFactorClient()],
    fetchOptions: {
      headers,
      customFetchImpl,
      ...(mode === "bearer" ? { auth: { type: "Bearer", token: () => agent.bearer ?? undefined } } : {}),
    },
  });
  /** The latest response whose path ends with `suffix` (e.g. "/sign-in/email"). */
  agent.last = (suffix) => {
    for (let i = agent.responses.length - 1; i >= 0; i--) {
      if (agent.responses[i].url.pathname.endsWith(suffix)) return agent.responses[i].response;
    }
    throw new Error(`no response for ${suffix}`);
  };
  /** The value to use in `Authorization: Bearer` for this agent's session. */
  agent.credential = () => (mode === "bearer" ? agent.bearer : agent.jar.get(COOKIE) && decodeURIComponent(agent.jar.get(COOKIE)));
  return agent;
}

/** Asserts a client result is a success and returns its data. */
export function ok(result, what = "request") {
  assert.equal(result.error, null, `${what} failed: ${JSON.stringify(result.error)}`);
  return result.data;
}

/** Asserts a client result is an error with `status` and (when given) `code`; returns the error. */
export function fails(result, status, code) {
  assert.equal(result.data, null, `expected an error, got data ${JSON.stringify(result.data)}`);
  assert.ok(result.error, "expected an error");
  assert.equal(result.error.status, status, `status (error ${JSON.stringify(result.error)})`);
  if (code !== undefined) assert.equal(result.error.code, code, `code (error ${JSON.stringify(result.error)})`);
  return result.error;
}

/**
 * A 400 VALIDATION_ERROR naming `field` (e.g. "email" -> "[body.email]"). The exact zod text is checked only
 * against the reference (deliberate difference `validationMessages`).
 */
export function failsValidation(result, field, referenceMessage) {
  const error = fails(result, 400, "VALIDATION_ERROR");
  assert.equal(typeof error.message, "string");
  assert.ok(error.message.includes(`[${field}]`), `message should name [${field}]: ${error.message}`);
  if (referenceMessage && !differs("validationMessages")) assert.equal(error.message, referenceMessage);
  return error;
}

/** Session tokens: only "a non-empty string" is portable (deliberate difference `sessionTokenFormat`). */
export function assertToken(token) {
  assert.equal(typeof token, "string");
  assert.ok(token.length > 0, "token must be non-empty");
  if (!differs("sessionTokenFormat")) assert.match(token, /^[A-Za-z0-9]{32}$/);
}

/** Signs up a fresh user with `agent` and returns {email, password, name, data}. */
export async function signUp(agent, overrides = {}) {
  const body = { name: "Conformance User", email: uniqueEmail(), password: PASSWORD, ...overrides };
  const data = ok(await agent.client.signUp.email(body), "sign-up");
  return { ...body, data, token: data.token, user: data.user };
}

/** Signs in with `agent` and returns the data. */
export async function signIn(agent, email, password = PASSWORD, extra = {}) {
  return ok(await agent.client.signIn.email({ email, password, ...extra }), "sign-in");
}

/** get-session through the client; returns data ({session,user} or null). */
export async function getSession(agent) {
  return ok(await agent.client.getSession(), "get-session");
}

/** get-session with `Authorization: Bearer <credential>` and nothing else; returns the parsed body. */
export async function sessionOfBearer(credential) {
  const r = await raw("GET", "/get-session", { headers: { authorization: `Bearer ${credential}` } });
  assert.equal(r.status, 200);
  return r.json;
}

// ---------------------------------------------------------------------------------------------------------
// Raw HTTP (node:http, so no header is added behind our back)

/**
 * Sends one request to `${API}${path}` with exactly `headers` (plus host/content-length).
 * `body`: object -> JSON (content-type application/json unless given), string -> as is.
 * Returns {status, headers (lower-case object), setCookies, text, json}.
 */
export function raw(method, path, { headers = {}, body } = {}) {
  const url = new URL(`${API}${path}`);
  let payload;
  const h = { ...headers };
  if (body !== undefined) {
    if (typeof body === "string") payload = body;
    else {
      payload = JSON.stringify(body);
      if (!Object.keys(h).some((k) => k.toLowerCase() === "content-type")) h["content-type"] = "application/json";
    }
  }
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: h, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json;
        try {
          json = text === "" ? undefined : JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, headers: res.headers, setCookies: setCookies(res.headers), text, json });
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on("error", reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** The Cookie header value for a credential "token.sig" (as set-auth-token gives it). */
export function cookieFor(credential) {
  return `${COOKIE}=${encodeURIComponent(credential)}`;
}

// ---------------------------------------------------------------------------------------------------------
// JWT

export function decodeJwt(jwt) {
  assert.equal(typeof jwt, "string");
  const parts = jwt.split(".");
  assert.equal(parts.length, 3, "a compact JWS has three parts");
  const [header, payload] = parts.slice(0, 2).map((p) => JSON.parse(Buffer.from(p, "base64url").toString("utf8")));
  return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], "base64url") };
}

export function assertClearingCookies(cookies) {
  for (const name of CLEARED_COOKIES) {
    const c = cookies.find((x) => x.name === name);
    assert.ok(c, `expected a clearing cookie ${name}; got ${cookies.map((x) => x.raw).join(" | ")}`);
    assert.equal(c.value, "");
    assert.equal(c.attributes["max-age"], "0");
    assert.equal(c.attributes.path, "/");
    assert.equal(c.attributes.httponly, true);
    assert.equal(c.attributes.samesite, "Lax");
  }
}

// ---------------------------------------------------------------------------------------------------------
// Mail: the links each server "sent" (the reference keeps them in memory, the gateway writes .eml files to its
// pickup directory, AUTH_MAIL_DIR)

/** Decodes a quoted-printable body (soft line breaks and =XX escapes). */
function decodeQuotedPrintable(text) {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** Every link mailed to `email` so far, oldest first, as [{kind: "reset-password" | "verify-email", url}]. */
export async function mailTo(email) {
  if (TARGET === "reference") {
    const response = await fetch(`${BASE_URL}/__test/mail?to=${encodeURIComponent(email)}`);
    return (await response.json()).map(({ kind, url }) => ({ kind, url }));
  }
  const { readdirSync, readFileSync, existsSync } = await import("node:fs");
  const { join } = await import("node:path");
  const dir = process.env.AUTH_MAIL_DIR;
  if (!dir || !existsSync(dir)) return [];
  const found = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".eml")).sort()) {
    const text = decodeQuotedPrintable(readFileSync(join(dir, name), "utf8"));
    if (!new RegExp(`^To:.*<?${email.replace(/[.+]/g, "\\$&")}>?`, "im").test(text)) continue;
    const url = text.match(/https?:\/\/\S+\/api\/auth\/(?:reset-password\/|verify-email\?)[^\s<>"]+/)?.[0];
    if (url) found.push({ kind: url.includes("/verify-email?") ? "verify-email" : "reset-password", url });
  }
  return found;
}

/** The latest link of `kind` mailed to `email`, waiting up to 5 s for it (the gateway sends in the background). */
export async function linkFor(email, kind) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const links = (await mailTo(email)).filter((m) => m.kind === kind);
    if (links.length > 0) return new URL(links.at(-1).url);
    if (Date.now() > deadline) throw new Error(`no ${kind} mail to ${email}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
