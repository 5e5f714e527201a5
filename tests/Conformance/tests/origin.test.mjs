// Origin / CSRF checks (better-auth-protocol.md §5). Raw requests via node:http so that exactly the listed
// headers are sent.
import { describe, test, before } from "node:test";
import assert from "node:assert/strict";
import { differs } from "../differences.mjs";
import {
  ORIGIN, PASSWORD, EXTRA_TRUSTED_ORIGIN, UNTRUSTED_ORIGIN, newAgent, ok, fails, signUp, getSession, sessionOfBearer, raw,
  cookieFor,
} from "./helpers.mjs";

/** A fresh user; returns {email, credential} where credential is the "token.sig" value. */
async function freshSession() {
  const agent = newAgent({ mode: "bearer" });
  const { email } = await signUp(agent);
  return { email, credential: agent.bearer, agent };
}

describe("origin checks on cookie-authenticated requests", () => {
  test("POST with a cookie and no Origin -> 403 MISSING_OR_NULL_ORIGIN; the session survives", async () => {
    const { credential } = await freshSession();
    for (const path of ["/sign-out", "/update-user", "/revoke-other-sessions"]) {
      const r = await raw("POST", path, { headers: { cookie: cookieFor(credential) }, body: path === "/update-user" ? { name: "x" } : {} });
      assert.equal(r.status, 403, `${path}: ${r.text}`);
      assert.deepEqual(r.json, { message: "Missing or null Origin", code: "MISSING_OR_NULL_ORIGIN" }, path);
    }
    assert.ok((await sessionOfBearer(credential))?.session, "nothing happened");
  });

  test('Origin: "null" counts as missing -> 403 MISSING_OR_NULL_ORIGIN', async () => {
    const { credential } = await freshSession();
    const r = await raw("POST", "/sign-out", { headers: { cookie: cookieFor(credential), origin: "null" }, body: {} });
    assert.equal(r.status, 403, r.text);
    assert.equal(r.json?.code, "MISSING_OR_NULL_ORIGIN");
  });

  test("POST with a cookie and an untrusted Origin -> 403 INVALID_ORIGIN; the session survives", async () => {
    const { credential } = await freshSession();
    const r = await raw("POST", "/sign-out", { headers: { cookie: cookieFor(credential), origin: UNTRUSTED_ORIGIN }, body: {} });
    assert.equal(r.status, 403, r.text);
    assert.deepEqual(r.json, { message: "Invalid origin", code: "INVALID_ORIGIN" });
    assert.ok((await sessionOfBearer(credential))?.session);
  });

  test("a cookie-authenticated request through the real client without Origin is refused", async () => {
    const agent = newAgent();
    await signUp(agent);
    const noOrigin = newAgent({ origin: null });
    noOrigin.jar.set("better-auth.session_token", agent.jar.get("better-auth.session_token"));
    fails(await noOrigin.client.signOut(), 403, "MISSING_OR_NULL_ORIGIN");
    assert.ok((await getSession(agent))?.session);
  });

  test("any cookie at all triggers the check (even an unrelated one)", async () => {
    const r = await raw("POST", "/sign-out", { headers: { cookie: "theme=dark" }, body: {} });
    assert.equal(r.status, 403, r.text);
    assert.equal(r.json?.code, "MISSING_OR_NULL_ORIGIN");
  });

  test("a trusted Referer stands in for a missing Origin", async () => {
    const { credential } = await freshSession();
    const r = await raw("POST", "/sign-out", { headers: { cookie: cookieFor(credential), referer: `${ORIGIN}/account` }, body: {} });
    assert.equal(r.status, 200, r.text);
    assert.equal(await sessionOfBearer(credential), null);
  });

  test("an untrusted Referer -> 403 INVALID_ORIGIN", async () => {
    const { credential } = await freshSession();
    const r = await raw("POST", "/sign-out", {
      headers: { cookie: cookieFor(credential), referer: `${UNTRUSTED_ORIGIN}/page` }, body: {},
    });
    assert.equal(r.status, 403, r.text);
    assert.equal(r.json?.code, "INVALID_ORIGIN");
  });

  test("a configured extra trusted origin is accepted", { skip: !EXTRA_TRUSTED_ORIGIN && "no extra trusted origin configured" }, async () => {
    const { credential } = await freshSession();
    const r = await raw("POST", "/update-user", {
      headers: { cookie: cookieFor(credential), origin: EXTRA_TRUSTED_ORIGIN }, body: { name: "From the app" },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal((await sessionOfBearer(credential)).user.name, "From the app");
  });

  test("an origin differing only in host name (localhost vs 127.0.0.1) is not trusted", async () => {
    const { credential } = await freshSession();
    const lookalike = ORIGIN.replace("127.0.0.1", "localhost");
    const r = await raw("POST", "/sign-out", { headers: { cookie: cookieFor(credential), origin: lookalike }, body: {} });
    assert.equal(r.status, 403, r.text);
    assert.equal(r.json?.code, "INVALID_ORIGIN");
  });

  test("bearer requests (no Cookie header) are not origin-checked", async () => {
    const { credential } = await freshSession();
    const r = await raw("POST", "/update-user", {
      headers: { authorization: `Bearer ${credential}`, origin: UNTRUSTED_ORIGIN }, body: { name: "Bearer" },
    });
    assert.equal(r.status, 200, r.text);
  });

  test("GET requests are never origin-checked", async () => {
    const { credential } = await freshSession();
    const r = await raw("GET", "/get-session", { headers: { cookie: cookieFor(credential), origin: UNTRUSTED_ORIGIN } });
    assert.equal(r.status, 200);
    assert.ok(r.json?.session);
  });
});

describe("sign-in / sign-up CSRF checks", () => {
  let email;
  before(async () => {
    ({ email } = await freshSession());
  });
  const body = () => ({ email, password: PASSWORD });

  test("sec-fetch-site: cross-site + sec-fetch-mode: navigate -> 403 CROSS_SITE_NAVIGATION_LOGIN_BLOCKED", async () => {
    const r = await raw("POST", "/sign-in/email", {
      headers: { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" }, body: body(),
    });
    assert.equal(r.status, 403, r.text);
    assert.equal(r.json?.code, "CROSS_SITE_NAVIGATION_LOGIN_BLOCKED");
    assert.equal(r.setCookies.length, 0, "no session created");
  });

  test("Sec-Fetch headers without Origin (Node's fetch) -> 403 MISSING_OR_NULL_ORIGIN", async () => {
    const r = await raw("POST", "/sign-in/email", { headers: { "sec-fetch-mode": "cors" }, body: body() });
    assert.equal(r.status, 403, r.text);
    assert.equal(r.json?.code, "MISSING_OR_NULL_ORIGIN");
    fails(await newAgent({ origin: null }).client.signIn.email(body()), 403, "MISSING_OR_NULL_ORIGIN");
  });

  test("no Sec-Fetch, no Origin, no Referer (curl, servers) -> allowed", async () => {
    const r = await raw("POST", "/sign-in/email", { body: body() });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json?.user.email, email);
  });

  test("untrusted Origin -> 403 INVALID_ORIGIN on sign-in and sign-up", async () => {
    const r = await raw("POST", "/sign-in/email", { headers: { origin: UNTRUSTED_ORIGIN }, body: body() });
    assert.equal(r.status, 403, r.text);
    assert.equal(r.json?.code, "INVALID_ORIGIN");
    const up = await raw("POST", "/sign-up/email", {
      headers: { origin: UNTRUSTED_ORIGIN }, body: { name: "x", email: `csrf-${email}`, password: PASSWORD },
    });
    assert.equal(up.status, 403, up.text);
    assert.equal(up.json?.code, "INVALID_ORIGIN");
  });

  test("same-origin Sec-Fetch headers with the trusted Origin -> allowed", async () => {
    const r = await raw("POST", "/sign-in/email", {
      headers: { origin: ORIGIN, "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors" }, body: body(),
    });
    assert.equal(r.status, 200, r.text);
  });

  test("absolute callbackURL on an untrusted origin -> 403 INVALID_CALLBACK_URL", async () => {
    const r = await raw("POST", "/sign-in/email", {
      headers: { origin: ORIGIN }, body: { ...body(), callbackURL: "https://evil.example/after" },
    });
    assert.equal(r.status, 403, r.text);
    assert.deepEqual(r.json, { message: "Invalid callbackURL", code: "INVALID_CALLBACK_URL" });
    assert.equal(r.setCookies.length, 0, "no session created");
  });

  test("body validation runs before the origin check", async () => {
    const r = await raw("POST", "/sign-in/email", { headers: { origin: UNTRUSTED_ORIGIN }, body: { email } });
    if (differs("originBeforeValidation")) {
      assert.equal(r.status, 403, r.text);
      assert.equal(r.json?.code, "INVALID_ORIGIN");
      return;
    }
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json?.code, "VALIDATION_ERROR");
  });

  test("a signed-in browser (cookie present) signing in again without Origin -> 403 MISSING_OR_NULL_ORIGIN", async () => {
    const { credential } = await freshSession();
    const r = await raw("POST", "/sign-in/email", { headers: { cookie: cookieFor(credential) }, body: body() });
    assert.equal(r.status, 403, r.text);
    assert.equal(r.json?.code, "MISSING_OR_NULL_ORIGIN");
    ok(await newAgent().client.signIn.email(body()), "the same sign-in with Origin");
  });
});
