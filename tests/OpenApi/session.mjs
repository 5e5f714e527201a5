// A realistic session against both hosts, every exchange through a Prism proxy (run.mjs starts them): sign-up, sign-in
// with and without a callbackURL, the session, a JWT, password reset and email verification, two-factor enrolment,
// account deletion, todo CRUD with If-Match, and the errors a client meets on the way
// (bad input, 401, 403, 404, 412, 413, 415, 422, 429). Each exchange is one check: it fails when Prism reports a
// violation of the document (its `sl-violations` header, or the error it answers with under --errors) or when the
// status is not the one the step expects.
//
// Steps marked `documented` send input the document itself rules out; they are also sent to the strict proxy, which
// must refuse them before they reach the host, so the document states the limit the server enforces. Steps marked
// `onlyDocumented` are only that check: Prism answers a request without the credentials the document asks for itself,
// even when it validates no requests, so the hosts' own 401s are seen with credentials they refuse instead.

const PRISM_ERROR = "https://stoplight.io/prism/errors#";

/**
 * @param {{gateway: {strict: string, lenient: string}, api: {strict: string, lenient: string},
 *          failuresPerAccount: number, record: (suite: string, name: string, failure: string | null) => void}} options
 */
export async function runSession({ gateway, api, trustedOrigin, failuresPerAccount, record }) {
  const hosts = { gateway, api };

  /** One exchange through a proxy; records a check and returns {status, headers, body, text}. */
  async function step(name, { host, method = "GET", path, bearer, headers = {}, json, body, contentType, expect, lenient, documented, onlyDocumented }) {
    const init = { method, headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v != null)), redirect: "manual" };
    if (bearer) init.headers.authorization = `Bearer ${bearer}`;
    if (json !== undefined) {
      init.body = JSON.stringify(json);
      init.headers["content-type"] = "application/json";
    } else if (body !== undefined) {
      init.body = body;
      init.headers["content-type"] = contentType ?? "application/json";
    }

    if (onlyDocumented) {
      await refusedByDocument(name, host, method, path, init);
      return undefined;
    }

    const response = await fetch(`${hosts[host][lenient || documented ? "lenient" : "strict"]}${path}`, init);
    const text = await response.text();
    let parsed;
    try {
      parsed = text.length ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    const violations = violationsOf(response, parsed);
    const problems = [...violations];
    if (expect !== undefined && response.status !== expect && !violations.length) {
      problems.push(`expected status ${expect}, got ${response.status}: ${text.slice(0, 300)}`);
    }
    record(`prism ${host}`, `${method} ${path.split("?")[0]} → ${expect ?? response.status}: ${name}`,
      problems.length ? problems.join("\n") : null);

    if (documented) {
      await refusedByDocument(name, host, method, path, init);
    }

    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  /** The strict proxy checks the request against the document and must refuse it itself, without the host. */
  async function refusedByDocument(name, host, method, path, init) {
    const refused = await fetch(`${hosts[host].strict}${path}`, { ...init });
    const refusal = await refused.text();
    let error;
    try {
      error = JSON.parse(refusal);
    } catch {
      error = undefined;
    }
    const byPrism = typeof error?.type === "string" && error.type.startsWith(PRISM_ERROR);
    record(`prism ${host}`, `${method} ${path.split("?")[0]}: the document rules out ${name}`,
      byPrism && refused.status >= 400 && refused.status < 500
        ? null
        : `Prism passed the request on (answer ${refused.status}): the document does not rule out ${name}. ${refusal.slice(0, 300)}`);
  }

  // ---- the gateway ----------------------------------------------------------------------------------------------------
  // Node's fetch sends Fetch Metadata (sec-fetch-mode), so, like a browser app, it names its (trusted) origin.
  const g = (name, options) => step(name, { host: "gateway", ...options, headers: { origin: trustedOrigin, ...options.headers } });
  const alice = { name: "Alice", email: `alice-${Date.now()}@example.com`, password: "correct horse battery" };

  await g("liveness", { path: "/api/auth/ok", expect: 200 });
  await g("the (empty) key set", { path: "/api/auth/jwks", expect: 200 });
  const signUp = await g("sign-up", { method: "POST", path: "/api/auth/sign-up/email", json: alice, expect: 200 });
  let session = signUp.headers.get("set-auth-token");
  if (!session) throw new Error(`sign-up gave no set-auth-token header (status ${signUp.status}): ${signUp.text}`);
  await g("sign-up with an email already taken", { method: "POST", path: "/api/auth/sign-up/email", json: alice, expect: 422 });
  await g("a password that is too short", {
    method: "POST", path: "/api/auth/sign-up/email", json: { ...alice, email: "short@example.com", password: "short" },
    expect: 400, documented: true,
  });
  await g("an email that is not an address", {
    method: "POST", path: "/api/auth/sign-up/email", json: { ...alice, email: "not-an-email" }, expect: 400, documented: true,
  });
  await g("sign-up without a name", {
    method: "POST", path: "/api/auth/sign-up/email", json: { email: "nameless@example.com", password: alice.password },
    expect: 400, documented: true,
  });

  const signIn = await g("sign-in without a callbackURL (no url)", {
    method: "POST", path: "/api/auth/sign-in/email", json: { email: alice.email, password: alice.password }, expect: 200,
  });
  session = signIn.headers.get("set-auth-token") ?? session;
  await g("sign-in with a callbackURL (url and Location)", {
    method: "POST", path: "/api/auth/sign-in/email",
    json: { email: alice.email, password: alice.password, callbackURL: "/dashboard", rememberMe: false }, expect: 200,
  });
  await g("sign-in with the wrong password", {
    method: "POST", path: "/api/auth/sign-in/email", json: { email: alice.email, password: "wrong password" }, expect: 401,
  });
  await g("sign-in with a text/plain body", {
    method: "POST", path: "/api/auth/sign-in/email", body: "email=alice", contentType: "text/plain", expect: 415, lenient: true,
  });
  // Prism cannot carry a body that does not parse as JSON (it stops), so bad bodies here are valid JSON of the wrong shape.
  await g("a body that is not a JSON object", {
    method: "POST", path: "/api/auth/sign-in/email", json: ["alice"], expect: 400, documented: true,
  });

  await g("the session (bearer)", { path: "/api/auth/get-session", bearer: session, expect: 200 });
  await g("no session: a literal null", { path: "/api/auth/get-session", expect: 200 });
  await g("disableRefresh that is not a boolean", {
    path: "/api/auth/get-session?disableRefresh=maybe", bearer: session, expect: 400, documented: true,
  });
  const token = await g("a JWT for the API", { path: "/api/auth/token", bearer: session, expect: 200 });
  const jwt = token.body?.token;
  if (!jwt) throw new Error(`GET /api/auth/token gave no token: ${token.text}`);
  // Prism itself answers a request without the credentials the document asks for (it cannot be passed on), so those
  // checks are that the document asks for them; the hosts' 401s are checked with credentials they refuse.
  await g("a JWT without a session", { path: "/api/auth/token", onlyDocumented: true });
  await g("a JWT for a session token that is not one", { path: "/api/auth/token", bearer: "not-a-session", expect: 401 });
  await g("the caller's sessions", { path: "/api/auth/list-sessions", bearer: session, expect: 200 });
  await g("a new name", { method: "POST", path: "/api/auth/update-user", bearer: session, json: { name: "Alice B." }, expect: 200 });
  await g("an email change (refused)", {
    method: "POST", path: "/api/auth/update-user", bearer: session, json: { email: "new@example.com" }, expect: 400,
  });
  await g("change-password with the wrong current password", {
    method: "POST", path: "/api/auth/change-password", bearer: session,
    json: { currentPassword: "not the password", newPassword: "another good password" }, expect: 400,
  });
  await g("revoke a session that is not the caller's", {
    method: "POST", path: "/api/auth/revoke-session", bearer: session, json: { token: "someone-elses-session" }, expect: 200,
  });
  await g("revoke the other sessions", { method: "POST", path: "/api/auth/revoke-other-sessions", bearer: session, expect: 200 });
  // Password reset and email verification (the mail goes to a directory), with links that are not real ones.
  await g("a password reset for the address", {
    method: "POST", path: "/api/auth/request-password-reset", json: { email: alice.email, redirectTo: "/reset-password" }, expect: 200,
  });
  await g("a password reset for an unknown address (the same answer)", {
    method: "POST", path: "/api/auth/forget-password", json: { email: "nobody@example.com" }, expect: 200,
  });
  // The GET of a mailed reset link answers with a redirect, which Prism's proxy follows itself: not checked here
  // (AuthGateway.IntegrationTests AccountMailTests checks its 302s).
  await g("a new password with a token that is not one", {
    method: "POST", path: "/api/auth/reset-password", json: { newPassword: "a brand new password", token: "not-a-token" }, expect: 400,
  });
  await g("a verification mail", {
    method: "POST", path: "/api/auth/send-verification-email", bearer: session, json: { email: alice.email }, expect: 200,
  });
  await g("a verification link that is not one", { path: "/api/auth/verify-email?token=not-a-token", expect: 401 });

  // Two-factor enrolment and management.
  await g("two-factor with the wrong password", {
    method: "POST", path: "/api/auth/two-factor/enable", bearer: session, json: { password: "not the password" }, expect: 400,
  });
  await g("two-factor enrolment", {
    method: "POST", path: "/api/auth/two-factor/enable", bearer: session, json: { password: alice.password }, expect: 200,
  });
  await g("the TOTP URI again", {
    method: "POST", path: "/api/auth/two-factor/get-totp-uri", bearer: session, json: { password: alice.password }, expect: 200,
  });
  await g("the enrolment QR code", {
    method: "POST", path: "/api/auth/two-factor/qr-code", bearer: session, json: { password: alice.password }, expect: 200,
  });
  await g("a wrong first code", {
    method: "POST", path: "/api/auth/two-factor/verify-totp", bearer: session, json: { code: "000000" }, expect: 401,
  });
  await g("a code with neither a session nor a sign-in challenge", {
    method: "POST", path: "/api/auth/two-factor/verify-backup-code", json: { code: "abcde-fghij" }, expect: 401, lenient: true,
  });
  await g("new backup codes before two-factor is on", {
    method: "POST", path: "/api/auth/two-factor/generate-backup-codes", bearer: session, json: { password: alice.password }, expect: 400,
  });
  await g("two-factor off", {
    method: "POST", path: "/api/auth/two-factor/disable", bearer: session, json: { password: alice.password }, expect: 200,
  });

  // Account deletion, by a third user.
  const carol = { name: "Carol", email: `carol-${Date.now()}@example.com`, password: "a third good password" };
  const carolSignUp = await g("sign-up (a user who leaves)", { method: "POST", path: "/api/auth/sign-up/email", json: carol, expect: 200 });
  const carolSession = carolSignUp.headers.get("set-auth-token");
  await g("account deletion with the wrong password", {
    method: "POST", path: "/api/auth/delete-user", bearer: carolSession, json: { password: "not the password" }, expect: 400,
  });
  await g("account deletion", {
    method: "POST", path: "/api/auth/delete-user", bearer: carolSession, json: { password: carol.password }, expect: 200,
  });

  const cookie = `better-auth.session_token=${encodeURIComponent(session)}`;
  await g("a cookie-authenticated sign-out without an Origin", {
    method: "POST", path: "/api/auth/sign-out", headers: { cookie, origin: null }, expect: 403,
  });

  // The account lockout: after `failuresPerAccount` wrong passwords the next attempt is refused with 429.
  const bob = { name: "Bob", email: `bob-${Date.now()}@example.com`, password: "another good password" };
  await g("sign-up (a second user)", { method: "POST", path: "/api/auth/sign-up/email", json: bob, expect: 200 });
  for (let i = 1; i <= failuresPerAccount; i++) {
    await g(`wrong password ${i} of ${failuresPerAccount}`, {
      method: "POST", path: "/api/auth/sign-in/email", json: { email: bob.email, password: "wrong password" }, expect: 401,
    });
  }
  await g("a locked account (Retry-After)", {
    method: "POST", path: "/api/auth/sign-in/email", json: { email: bob.email, password: bob.password }, expect: 429,
  });

  // ---- the API --------------------------------------------------------------------------------------------------------
  const a = (name, options) => step(name, { host: "api", bearer: jwt, ...options });
  await a("who am I", { path: "/api/me", expect: 200 });
  const milk = await a("create a todo", {
    method: "POST", path: "/api/todos",
    json: { title: "Buy milk", description: "Two litres", priority: "high", dueAt: new Date(Date.now() + 86_400_000).toISOString() },
    expect: 201,
  });
  await a("create a todo with only a title", { method: "POST", path: "/api/todos", json: { title: "Walk the dog" }, expect: 201 });
  const id = milk.body?.id;
  if (!id) throw new Error(`POST /api/todos gave no id: ${milk.text}`);
  await a("list", { path: "/api/todos", expect: 200 });
  await a("list, filtered, searched, sorted, paged", {
    path: "/api/todos?status=open&search=milk&sort=title&page=1&pageSize=10", expect: 200,
  });
  const got = await a("get one (ETag)", { path: `/api/todos/${id}`, expect: 200 });
  const etag = got.headers.get("etag");
  await a("update with If-Match", {
    method: "PUT", path: `/api/todos/${id}`, headers: { "if-match": etag ?? "*" },
    json: { title: "Buy oat milk", description: null, isDone: true, priority: "normal", dueAt: null }, expect: 200,
  });
  await a("update with a stale If-Match", {
    method: "PUT", path: `/api/todos/${id}`, headers: { "if-match": etag ?? "\"0\"" },
    json: { title: "Buy soy milk", isDone: false }, expect: 412,
  });
  await a("a todo that does not exist", { path: "/api/todos/00000000-0000-4000-8000-000000000000", expect: 404 });
  await a("delete", { method: "DELETE", path: `/api/todos/${id}`, expect: 204 });
  await a("delete again", { method: "DELETE", path: `/api/todos/${id}`, expect: 404 });

  await a("an empty title", { method: "POST", path: "/api/todos", json: { title: "" }, expect: 400, documented: true });
  await a("a title of 201 characters", { method: "POST", path: "/api/todos", json: { title: "x".repeat(201) }, expect: 400, documented: true });
  await a("a description of 2001 characters", {
    method: "POST", path: "/api/todos", json: { title: "Long", description: "x".repeat(2001) }, expect: 400, documented: true,
  });
  await a("a priority that does not exist", {
    method: "POST", path: "/api/todos", json: { title: "Urgent", priority: "urgent" }, expect: 400, documented: true,
  });
  await a("a PUT without isDone", {
    method: "PUT", path: `/api/todos/${milk.body.id}`, json: { title: "No state" }, expect: 400, documented: true,
  });
  await a("a page size of 0", { path: "/api/todos?pageSize=0", expect: 400, documented: true });
  await a("a page size of 101", { path: "/api/todos?pageSize=101", expect: 400, documented: true });
  await a("a status that does not exist", { path: "/api/todos?status=later", expect: 400, documented: true });
  await a("a sort that does not exist", { path: "/api/todos?sort=priority", expect: 400, documented: true });
  await a("a page that is not a number", { path: "/api/todos?page=two", expect: 400, documented: true });
  await a("a body that is not a JSON object", { method: "POST", path: "/api/todos", json: "Buy milk", expect: 400, documented: true });
  await a("a title that is not text", { method: "POST", path: "/api/todos", json: { title: 5 }, expect: 400, documented: true });
  await a("a text/plain body", {
    method: "POST", path: "/api/todos", body: "title=milk", contentType: "text/plain", expect: 415, lenient: true,
  });
  await a("a body over the size limit", {
    method: "POST", path: "/api/todos", json: { title: "Big", description: "x".repeat(70_000) }, expect: 413, lenient: true,
  });
  await a("no token", { path: "/api/todos", bearer: null, onlyDocumented: true });
  await a("a token that is not a JWT", { path: "/api/todos", bearer: "not-a-jwt", expect: 401 });

  // ---- the end of the session ---------------------------------------------------------------------------------------
  await g("sign-out", { method: "POST", path: "/api/auth/sign-out", bearer: session, expect: 200 });
  await g("the session after sign-out: null", { path: "/api/auth/get-session", bearer: session, expect: 200 });
}

/** What Prism found wrong with an exchange: its `sl-violations` header, or the error it answered with. */
function violationsOf(response, body) {
  const found = [];
  const header = response.headers.get("sl-violations");
  if (header) {
    try {
      for (const v of JSON.parse(header)) found.push(describe(v));
    } catch {
      found.push(`sl-violations: ${header}`);
    }
  }
  if (typeof body?.type === "string" && body.type.startsWith(PRISM_ERROR)) {
    const details = Array.isArray(body.validation) ? body.validation.map(describe) : [];
    found.push(`Prism answered ${response.status} ${body.title}${body.detail ? ` (${body.detail})` : ""}`, ...details);
  }
  return [...new Set(found)];
}

const describe = (v) => `${v.severity ?? "Error"} ${(v.location ?? []).join(".")}: ${v.message}${v.code ? ` [${v.code}]` : ""}`;
