import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { differs } from "../differences.mjs";
import {
  ORIGIN, COOKIE, USER_AGENT, newAgent, ok, signUp, signIn, getSession, sessionOfBearer, raw, cookieFor,
  assertClearingCookies, assertToken, decodeJwt, setCookies,
} from "./helpers.mjs";

function assertSessionShape(data, { token, user }) {
  assert.deepEqual(Object.keys(data).sort(), ["session", "user"]);
  const { session } = data;
  for (const key of ["id", "token", "userId", "expiresAt", "createdAt", "updatedAt", "ipAddress", "userAgent"]) {
    assert.ok(key in session, `session.${key} missing`);
  }
  assert.equal(typeof session.id, "string");
  assert.ok(session.id.length > 0);
  assertToken(session.token);
  if (token) assert.equal(session.token, token);
  assert.equal(session.userId, user.id);
  for (const key of ["expiresAt", "createdAt", "updatedAt"]) assert.ok(session[key] instanceof Date, `session.${key} is a Date`);
  assert.ok(session.expiresAt > session.createdAt);
  assert.equal(typeof session.ipAddress, "string");
  assert.equal(session.userAgent, USER_AGENT);
  assert.equal(data.user.id, user.id);
  assert.equal(data.user.email, user.email);
  assert.equal(data.user.name, user.name);
  assert.equal(data.user.emailVerified, false);
  assert.ok(data.user.createdAt instanceof Date);
}

describe("get-session", () => {
  test("cookie mode: {session, user} with no-store, pragma and a set-auth-jwt header", async () => {
    const agent = newAgent();
    const { token, user } = await signUp(agent);
    const data = await getSession(agent);
    assertSessionShape(data, { token, user });

    const response = agent.last("/get-session");
    assert.equal(response.headers.get("cache-control"), "no-store");
    assert.equal(response.headers.get("pragma"), "no-cache");
    const jwt = response.headers.get("set-auth-jwt");
    assert.ok(jwt, "set-auth-jwt header present");
    assert.equal(decodeJwt(jwt).payload.sub, user.id);
    assert.ok(response.headers.get("access-control-expose-headers").split(/,\s*/).includes("set-auth-jwt"));
    // A fresh session is not refreshed, so no cookie is re-sent.
    assert.equal(setCookies(response.headers).length, 0);
  });

  test("bearer mode via fetchOptions.auth: the set-auth-token value authenticates", async () => {
    const agent = newAgent({ mode: "bearer" });
    const { token, user } = await signUp(agent);
    assert.ok(agent.bearer, "set-auth-token captured");
    const data = await getSession(agent);
    assertSessionShape(data, { token, user });
    assert.ok(agent.last("/get-session").headers.get("set-auth-jwt"));
  });

  test("bearer: the URL-encoded cookie value and the raw unsigned token are accepted too", async () => {
    const agent = newAgent({ mode: "bearer" });
    const { token, user } = await signUp(agent);
    assert.equal((await sessionOfBearer(encodeURIComponent(agent.bearer)))?.user.id, user.id);
    assert.equal((await sessionOfBearer(token))?.user.id, user.id);
    const r = await raw("GET", "/get-session", { headers: { authorization: `bearer ${agent.bearer}` } });
    assert.equal(r.json?.user.id, user.id, "the Bearer scheme is case-insensitive");
  });

  test("bearer with a bad signature -> null", async () => {
    const agent = newAgent({ mode: "bearer" });
    const { token } = await signUp(agent);
    const forged = `${token}.${Buffer.alloc(32, 7).toString("base64")}`;
    assert.equal(await sessionOfBearer(forged), null);
  });

  test("signed out (no credentials) -> 200 null without set-auth-jwt", async () => {
    const agent = newAgent();
    const result = await agent.client.getSession();
    assert.equal(ok(result), null);
    const response = agent.last("/get-session");
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("set-auth-jwt"), null);
    assert.equal(response.headers.get("cache-control"), "no-store");
    const r = await raw("GET", "/get-session");
    assert.equal(r.status, 200);
    assert.equal(r.text, "null");
    assert.match(r.headers["content-type"], /^application\/json/);
  });

  test("a cookie with a bad signature -> null", async () => {
    const agent = newAgent({ mode: "bearer" });
    const { token } = await signUp(agent);
    const r = await raw("GET", "/get-session", {
      headers: { cookie: `${COOKIE}=${encodeURIComponent(`${token}.${Buffer.alloc(32, 1).toString("base64")}`)}` },
    });
    assert.equal(r.status, 200);
    assert.equal(r.text, "null");
    const unsigned = await raw("GET", "/get-session", { headers: { cookie: `${COOKIE}=${token}` } });
    assert.equal(unsigned.text, "null", "an unsigned cookie is not a session");
  });

  test("session.ipAddress is empty when the request has no X-Forwarded-For", async () => {
    const agent = newAgent();
    await signUp(agent);
    const data = await getSession(agent);
    assert.equal(data.session.ipAddress, differs("sessionIpFromSocket") ? "127.0.0.1" : "");
  });

  test("userAgent is an empty string when the request has none", async () => {
    const { email } = await signUp(newAgent());
    const r = await raw("POST", "/sign-in/email", { headers: { origin: ORIGIN }, body: { email, password: "correct-horse-battery" } });
    assert.equal(r.status, 200, r.text);
    const s = await sessionOfBearer(r.headers["set-auth-token"]);
    assert.equal(s.session.userAgent, "");
  });

  test("POST /get-session -> 405 METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED", async () => {
    const r = await raw("POST", "/get-session", { headers: { origin: ORIGIN }, body: {} });
    assert.equal(r.status, 405, r.text);
    assert.equal(r.json?.code, "METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED");
  });
});

describe("sign-out", () => {
  test("cookie mode: {success:true}, three clearing cookies, the session is dead for cookie and bearer", async () => {
    const agent = newAgent();
    await signUp(agent);
    const credential = agent.credential();
    const data = ok(await agent.client.signOut());
    assert.deepEqual(data, { success: true });
    assertClearingCookies(setCookies(agent.last("/sign-out").headers));
    assert.equal(agent.jar.size, 0, "the jar is empty after the clearing cookies");
    assert.equal(await getSession(agent), null);
    assert.equal(await sessionOfBearer(credential), null, "bearer use of the signed-out session");
    const replay = await raw("GET", "/get-session", { headers: { cookie: cookieFor(credential) } });
    assert.equal(replay.text, "null", "replaying the old cookie");
  });

  test("bearer mode: sign-out without Origin or cookie ends the session", async () => {
    const agent = newAgent({ mode: "bearer" });
    await signUp(agent);
    const credential = agent.bearer;
    const r = await raw("POST", "/sign-out", { headers: { authorization: `Bearer ${credential}` }, body: {} });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, { success: true });
    assertClearingCookies(r.setCookies);
    assert.equal(await sessionOfBearer(credential), null);
    assert.equal((await raw("GET", "/get-session", { headers: { cookie: cookieFor(credential) } })).text, "null");
  });

  test("only the signed-out session ends; another session of the same user lives on", async () => {
    const first = newAgent();
    const { email } = await signUp(first);
    const second = newAgent({ mode: "bearer" });
    await signIn(second, email);
    ok(await first.client.signOut());
    assert.equal(await getSession(first), null);
    assert.ok((await getSession(second))?.session, "the other session is still valid");
  });

  test("without any session: still {success:true} with clearing cookies", async () => {
    const r = await raw("POST", "/sign-out", { body: {} });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, { success: true });
    assertClearingCookies(r.setCookies);
  });

  test("a dead cookie seen by get-session gets clearing cookies", async () => {
    const agent = newAgent();
    await signUp(agent);
    const credential = agent.credential();
    ok(await agent.client.signOut());
    const r = await raw("GET", "/get-session", { headers: { cookie: cookieFor(credential) } });
    assert.equal(r.text, "null");
    assertClearingCookies(r.setCookies);
  });
});
