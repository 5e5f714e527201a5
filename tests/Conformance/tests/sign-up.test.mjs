import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  ORIGIN, PASSWORD, COOKIE, differs, newAgent, ok, fails, failsValidation, assertToken, signUp, getSession,
  uniqueEmail, raw,
} from "./helpers.mjs";

describe("sign-up/email", () => {
  test("success returns {token, user} with revived dates, sets the session cookie and set-auth-token", async () => {
    const agent = newAgent();
    const email = uniqueEmail("signup");
    const before = Date.now();
    const data = ok(await agent.client.signUp.email({ name: "Alice Example", email, password: PASSWORD }));

    assert.deepEqual(Object.keys(data).sort(), ["token", "user"]);
    assertToken(data.token);
    const { user } = data;
    assert.equal(typeof user.id, "string");
    assert.ok(user.id.length > 0);
    assert.equal(user.name, "Alice Example");
    assert.equal(user.email, email);
    assert.equal(user.emailVerified, false);
    assert.ok(user.image === undefined || user.image === null, `image should be absent or null, got ${user.image}`);
    for (const field of ["createdAt", "updatedAt"]) {
      assert.ok(user[field] instanceof Date, `${field} should be revived into a Date`);
      assert.ok(Math.abs(user[field].getTime() - before) < 60_000, `${field} should be about now`);
    }
    assert.equal(user.twoFactorEnabled, false, "the two-factor plugin's field");
    for (const key of Object.keys(user)) {
      assert.ok(["id", "name", "email", "emailVerified", "image", "createdAt", "updatedAt", "twoFactorEnabled"].includes(key),
        `unexpected user field ${key}`);
    }

    const response = agent.last("/sign-up/email");
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type"), /^application\/json/);
    const authToken = response.headers.get("set-auth-token");
    assert.ok(authToken?.startsWith(`${data.token}.`), `set-auth-token should be "<token>.<sig>": ${authToken}`);
    assert.ok(response.headers.get("access-control-expose-headers").split(/,\s*/).includes("set-auth-token"));
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));
    assert.ok(cookie, "session cookie set");
    assert.equal(decodeURIComponent(cookie.slice(COOKIE.length + 1).split(";")[0]), authToken);
    assert.match(cookie, /; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  test("signs the new user in: get-session with the new cookie returns the user", async () => {
    const agent = newAgent();
    const { user, token } = await signUp(agent);
    const session = await getSession(agent);
    assert.equal(session.user.id, user.id);
    assert.equal(session.session.token, token);
    assert.equal(session.session.userId, user.id);
  });

  test("lower-cases the email; the duplicate check is case-insensitive", async () => {
    const agent = newAgent();
    const email = uniqueEmail("mixed");
    const mixed = email.replace(/^mixed/, "MiXeD").replace("conformance.test", "Conformance.TEST");
    const data = ok(await agent.client.signUp.email({ name: "Mixed", email: mixed, password: PASSWORD }));
    assert.equal(data.user.email, email);
    fails(await newAgent().client.signUp.email({ name: "Again", email, password: PASSWORD }), 422,
      "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
  });

  test("duplicate email -> 422 USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", async () => {
    const { email } = await signUp(newAgent());
    const error = fails(await newAgent().client.signUp.email({ name: "Twin", email, password: "another-password" }), 422,
      "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
    assert.equal(error.message, "User already exists. Use another email.");
  });

  test("invalid email -> 400 VALIDATION_ERROR naming body.email", async () => {
    for (const email of ["not-an-email", "a@", "@example.com", "<script>@x.yz", "x\"y@example.com", "a@b.c", ".a@example.com"]) {
      failsValidation(await newAgent().client.signUp.email({ name: "X", email, password: PASSWORD }), "body.email",
        "[body.email] Invalid email address");
    }
  });

  test("email with surrounding spaces: trimmed by the gateway, rejected by Better Auth", async () => {
    const email = uniqueEmail("spaces");
    const result = await newAgent().client.signUp.email({ name: "Spaces", email: `  ${email} `, password: PASSWORD });
    if (differs("emailTrimmed")) {
      assert.equal(ok(result).user.email, email);
    } else {
      failsValidation(result, "body.email");
    }
  });

  test("password shorter than 8 -> 400 PASSWORD_TOO_SHORT; exactly 8 is accepted", async () => {
    const error = fails(await newAgent().client.signUp.email({ name: "S", email: uniqueEmail(), password: "1234567" }), 400,
      "PASSWORD_TOO_SHORT");
    assert.equal(typeof error.message, "string");
    ok(await newAgent().client.signUp.email({ name: "S", email: uniqueEmail(), password: "12345678" }));
  });

  test("password longer than 128 -> 400 PASSWORD_TOO_LONG; exactly 128 is accepted", async () => {
    fails(await newAgent().client.signUp.email({ name: "L", email: uniqueEmail(), password: "x".repeat(129) }), 400,
      "PASSWORD_TOO_LONG");
    ok(await newAgent().client.signUp.email({ name: "L", email: uniqueEmail(), password: "x".repeat(128) }));
  });

  test("empty password -> 400 VALIDATION_ERROR naming body.password", async () => {
    failsValidation(await newAgent().client.signUp.email({ name: "E", email: uniqueEmail(), password: "" }), "body.password",
      "[body.password] Too small: expected string to have >=1 characters");
  });

  test("missing name -> 400 VALIDATION_ERROR naming body.name; an empty name is accepted", async () => {
    failsValidation(await newAgent().client.signUp.email({ email: uniqueEmail(), password: PASSWORD }), "body.name",
      "[body.name] Invalid input: expected string, received undefined");
    const data = ok(await newAgent().client.signUp.email({ name: "", email: uniqueEmail(), password: PASSWORD }));
    assert.equal(data.user.name, "");
  });

  test("missing email -> 400 VALIDATION_ERROR naming body.email", async () => {
    failsValidation(await newAgent().client.signUp.email({ name: "N", password: PASSWORD }), "body.email",
      "[body.email] Invalid input: expected string, received undefined");
  });

  test("unknown body fields are ignored", async () => {
    const data = ok(await newAgent().client.signUp.email({
      name: "Extra", email: uniqueEmail(), password: PASSWORD, role: "admin", emailVerified: true,
    }));
    assert.equal(data.user.emailVerified, false);
    assert.equal(data.user.role, undefined);
  });

  test("relative callbackURL is accepted", async () => {
    ok(await newAgent().client.signUp.email({ name: "Cb", email: uniqueEmail(), password: PASSWORD, callbackURL: "/welcome" }));
  });

  test("absolute callbackURL on an untrusted origin -> 403 INVALID_CALLBACK_URL", async () => {
    fails(await newAgent().client.signUp.email({
      name: "Cb", email: uniqueEmail(), password: PASSWORD, callbackURL: "http://evil.example/welcome",
    }), 403, "INVALID_CALLBACK_URL");
  });

  test("malformed JSON -> 400 BAD_REQUEST", async () => {
    const r = await raw("POST", "/sign-up/email", {
      headers: { origin: ORIGIN, "content-type": "application/json" }, body: '{"name": "x", ',
    });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json?.code, "BAD_REQUEST");
  });

  test("text/plain body -> 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const r = await raw("POST", "/sign-up/email", {
      headers: { origin: ORIGIN, "content-type": "text/plain" },
      body: JSON.stringify({ name: "T", email: uniqueEmail(), password: PASSWORD }),
    });
    assert.equal(r.status, 415, r.text);
    assert.equal(r.json?.code, "UNSUPPORTED_MEDIA_TYPE");
  });

  test("form post: accepted by Better Auth, 415 on the gateway", async () => {
    const email = uniqueEmail("form");
    const r = await raw("POST", "/sign-up/email", {
      headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "Form", email, password: PASSWORD }).toString(),
    });
    if (differs("jsonOnlySignInUp")) {
      assert.equal(r.status, 415, r.text);
      assert.equal(r.json?.code, "UNSUPPORTED_MEDIA_TYPE");
    } else {
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.user.email, email);
    }
  });

  test("no body -> 400 VALIDATION_ERROR", async () => {
    const r = await raw("POST", "/sign-up/email", { headers: { origin: ORIGIN, "content-type": "application/json" } });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json?.code, "VALIDATION_ERROR");
    assert.ok(r.json.message.includes("[body]"), r.json.message);
  });

  test("a JSON array body -> 400 VALIDATION_ERROR", async () => {
    const r = await raw("POST", "/sign-up/email", { headers: { origin: ORIGIN }, body: [1] });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json?.code, "VALIDATION_ERROR");
    assert.ok(r.json.message.includes("[body]"), r.json.message);
  });
});
