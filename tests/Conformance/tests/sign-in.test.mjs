import { describe, test, before } from "node:test";
import assert from "node:assert/strict";
import {
  ORIGIN, PASSWORD, COOKIE, differs, newAgent, ok, fails, failsValidation, assertToken, signUp, signIn, getSession,
  uniqueEmail, raw, setCookies,
} from "./helpers.mjs";

describe("sign-in/email", () => {
  let account;
  before(async () => {
    account = await signUp(newAgent(), { name: "Sign In" });
  });

  test("success returns {redirect:false, token, user}, a 7-day cookie and set-auth-token", async () => {
    const agent = newAgent();
    const data = await signIn(agent, account.email);
    assert.deepEqual(Object.keys(data).sort(), ["redirect", "token", "user"]);
    assert.equal(data.redirect, false);
    assertToken(data.token);
    assert.notEqual(data.token, account.token, "every sign-in creates a new session token");
    assert.equal(data.user.id, account.user.id);
    assert.equal(data.user.email, account.email);
    assert.equal(data.user.name, "Sign In");
    assert.ok(data.user.createdAt instanceof Date);
    assert.ok(data.user.updatedAt instanceof Date);

    const response = agent.last("/sign-in/email");
    assert.ok(response.headers.get("set-auth-token")?.startsWith(`${data.token}.`));
    assert.ok(response.headers.get("access-control-expose-headers").split(/,\s*/).includes("set-auth-token"));
    assert.equal(response.headers.get("location"), null);
    const cookie = setCookies(response.headers).find((c) => c.name === COOKIE);
    assert.equal(decodeURIComponent(cookie.value), response.headers.get("set-auth-token"));
    assert.equal(cookie.attributes["max-age"], "604800");
    assert.equal(setCookies(response.headers).some((c) => c.name === "better-auth.dont_remember"), false);

    const session = await getSession(agent);
    assert.equal(session.session.token, data.token);
    assert.equal(session.user.id, account.user.id);
  });

  test("email is matched case-insensitively", async () => {
    const data = await signIn(newAgent(), account.email.toUpperCase());
    assert.equal(data.user.email, account.email);
  });

  test("relative callbackURL -> {redirect:true, url, token, user} with status 200 and a location header", async () => {
    const agent = newAgent();
    const data = await signIn(agent, account.email, PASSWORD, { callbackURL: "/dashboard?tab=1" });
    assert.deepEqual(Object.keys(data).sort(), ["redirect", "token", "url", "user"]);
    assert.equal(data.redirect, true);
    assert.equal(data.url, "/dashboard?tab=1");
    assertToken(data.token);
    const response = agent.last("/sign-in/email");
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("location"), "/dashboard?tab=1");
  });

  test("absolute callbackURL on the server's own origin is accepted", async () => {
    const data = await signIn(newAgent(), account.email, PASSWORD, { callbackURL: `${ORIGIN}/after` });
    assert.equal(data.redirect, true);
    assert.equal(data.url, `${ORIGIN}/after`);
  });

  test("absolute callbackURL on an untrusted origin -> 403 INVALID_CALLBACK_URL", async () => {
    const error = fails(await newAgent().client.signIn.email({
      email: account.email, password: PASSWORD, callbackURL: "https://evil.example/steal",
    }), 403, "INVALID_CALLBACK_URL");
    assert.equal(error.message, "Invalid callbackURL");
  });

  test("relative callbackURL that a browser would read as another host -> 403 INVALID_CALLBACK_URL", async () => {
    for (const callbackURL of ["/\t/evil.example/x", "/\r\n/evil.example", "/\\evil.example", "//evil.example",
      "/%2F/evil.example", "/%5Cevil.example"]) {
      fails(await newAgent().client.signIn.email({ email: account.email, password: PASSWORD, callbackURL }), 403,
        "INVALID_CALLBACK_URL");
    }
  });

  test("wrong password and unknown email -> the same 401 INVALID_EMAIL_OR_PASSWORD", async () => {
    const wrong = fails(await newAgent().client.signIn.email({ email: account.email, password: "wrong-password" }), 401,
      "INVALID_EMAIL_OR_PASSWORD");
    const unknown = fails(await newAgent().client.signIn.email({ email: uniqueEmail("nobody"), password: PASSWORD }), 401,
      "INVALID_EMAIL_OR_PASSWORD");
    assert.deepEqual(wrong, unknown);
    assert.equal(wrong.message, "Invalid email or password");
  });

  test("too-short password at sign-in -> 401 INVALID_EMAIL_OR_PASSWORD (not a length error)", async () => {
    fails(await newAgent().client.signIn.email({ email: account.email, password: "short" }), 401, "INVALID_EMAIL_OR_PASSWORD");
  });

  test("too-long password at sign-in -> 400 PASSWORD_TOO_LONG", async () => {
    fails(await newAgent().client.signIn.email({ email: account.email, password: "y".repeat(129) }), 400, "PASSWORD_TOO_LONG");
  });

  test("malformed email -> 400 INVALID_EMAIL", async () => {
    for (const email of ["not-an-email", "<script>@x.yz", "a..b@example.com", "a@b.c", "a@-b.com"]) {
      fails(await newAgent().client.signIn.email({ email, password: PASSWORD }), 400, "INVALID_EMAIL");
    }
  });

  test("missing password -> 400 VALIDATION_ERROR naming body.password", async () => {
    failsValidation(await newAgent().client.signIn.email({ email: account.email }), "body.password",
      "[body.password] Invalid input: expected string, received undefined");
  });

  test("missing email -> 400 VALIDATION_ERROR naming body.email", async () => {
    failsValidation(await newAgent().client.signIn.email({ password: PASSWORD }), "body.email",
      "[body.email] Invalid input: expected string, received undefined");
  });

  test("email with surrounding spaces: trimmed by the gateway, rejected by Better Auth", async () => {
    const result = await newAgent().client.signIn.email({ email: ` ${account.email}  `, password: PASSWORD });
    if (differs("emailTrimmed")) assert.equal(ok(result).user.email, account.email);
    else fails(result, 400, "INVALID_EMAIL");
  });

  test("rememberMe:false -> session cookie without Max-Age, a dont_remember cookie, a 1-day session", async () => {
    const agent = newAgent();
    const data = await signIn(agent, account.email, PASSWORD, { rememberMe: false });
    const cookies = setCookies(agent.last("/sign-in/email").headers);
    const session = cookies.find((c) => c.name === COOKIE);
    assert.ok(session, "session cookie set");
    assert.equal(session.attributes["max-age"], undefined, `no Max-Age expected: ${session.raw}`);
    assert.equal(session.attributes.expires, undefined, `no Expires expected: ${session.raw}`);
    assert.equal(session.attributes.httponly, true);
    assert.equal(session.attributes.samesite, "Lax");
    assert.equal(session.attributes.path, "/");
    const dontRemember = cookies.find((c) => c.name === "better-auth.dont_remember");
    assert.ok(dontRemember, "dont_remember cookie set");
    assert.ok(decodeURIComponent(dontRemember.value).startsWith("true."), dontRemember.raw);
    assert.equal(dontRemember.attributes["max-age"], undefined);
    assert.equal(dontRemember.attributes.httponly, true);

    const current = await getSession(agent);
    assert.equal(current.session.token, data.token);
    const lifetime = current.session.expiresAt.getTime() - current.session.createdAt.getTime();
    assert.ok(Math.abs(lifetime - 86_400_000) < 60_000, `expected ~1 day, got ${lifetime} ms`);
  });

  test("default session lifetime is 7 days", async () => {
    const agent = newAgent();
    await signIn(agent, account.email);
    const current = await getSession(agent);
    const lifetime = current.session.expiresAt.getTime() - current.session.createdAt.getTime();
    assert.ok(Math.abs(lifetime - 7 * 86_400_000) < 60_000, `expected ~7 days, got ${lifetime} ms`);
  });

  test("form post: accepted by Better Auth, 415 on the gateway", async () => {
    const r = await raw("POST", "/sign-in/email", {
      headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: account.email, password: PASSWORD }).toString(),
    });
    if (differs("jsonOnlySignInUp")) {
      assert.equal(r.status, 415, r.text);
      assert.equal(r.json?.code, "UNSUPPORTED_MEDIA_TYPE");
    } else {
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.user.email, account.email);
    }
  });

  test("malformed JSON -> 400 BAD_REQUEST", async () => {
    const r = await raw("POST", "/sign-in/email", {
      headers: { origin: ORIGIN, "content-type": "application/json" }, body: "{not json",
    });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json?.code, "BAD_REQUEST");
  });

  test("GET /sign-in/email -> 404 with an empty body", async () => {
    const r = await raw("GET", "/sign-in/email");
    assert.equal(r.status, 404);
    assert.equal(r.text, "");
  });
});
