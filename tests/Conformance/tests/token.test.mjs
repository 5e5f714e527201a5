import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHmac, createPublicKey, timingSafeEqual, verify } from "node:crypto";
import {
  ORIGIN, JWT_SECRET, differs, newAgent, ok, fails, signUp, getSession, decodeJwt, raw,
} from "./helpers.mjs";

async function jwks(agent = newAgent()) {
  return ok(await agent.client.jwks(), "jwks");
}

/** Verifies `jwt` the way a resource server of the target would; returns the decoded token. */
async function verifyJwt(jwt) {
  const decoded = decodeJwt(jwt);
  if (differs("jwtFormat")) {
    assert.ok(JWT_SECRET, "AUTH_JWT_SECRET must be given for the gateway");
    const expected = createHmac("sha256", Buffer.from(JWT_SECRET, "utf8")).update(decoded.signingInput).digest();
    assert.ok(decoded.signature.length === 32 && timingSafeEqual(decoded.signature, expected), "HS256 signature verifies");
  } else {
    const { keys } = await jwks();
    const jwk = keys.find((k) => k.kid === decoded.header.kid);
    assert.ok(jwk, `kid ${decoded.header.kid} is published in /jwks`);
    const key = createPublicKey({ key: jwk, format: "jwk" });
    assert.ok(verify(null, Buffer.from(decoded.signingInput), key, decoded.signature), "EdDSA signature verifies");
  }
  return decoded;
}

/** The claims every target puts in: sub = user id, 15-minute lifetime, Better Auth's user claims. */
function assertCommonClaims(payload, user) {
  assert.equal(payload.sub, user.id);
  assert.equal(payload.id, user.id);
  assert.equal(payload.email, user.email);
  assert.equal(payload.name, user.name);
  assert.equal(payload.emailVerified, false);
  assert.equal(typeof payload.iat, "number");
  assert.ok(Math.abs(payload.iat - Date.now() / 1000) < 60, "iat is now");
  assert.equal(payload.exp - payload.iat, 900);
}

function assertTargetSpecific({ header, payload }, sessionId) {
  if (differs("jwtFormat")) {
    assert.deepEqual(Object.keys(header).sort(), ["alg", "kid", "typ"]);
    assert.equal(header.alg, "HS256");
    assert.equal(header.typ, "JWT");
    assert.equal(typeof header.kid, "string");
    assert.ok(header.kid.length > 0);
    assert.equal(payload.iss, "todoclean-auth");
    assert.equal(payload.aud, "todoclean-api");
    assert.equal(payload.sid, sessionId);
    assert.equal(typeof payload.nbf, "number");
    assert.ok(payload.nbf <= payload.iat + 1);
    assert.equal(typeof payload.jti, "string");
    assert.ok(payload.jti.length > 0);
  } else {
    assert.equal(header.alg, "EdDSA");
    assert.equal(typeof header.kid, "string");
    assert.equal(payload.iss, ORIGIN);
    assert.equal(payload.aud, ORIGIN);
  }
}

describe("token", () => {
  test("client.token() -> {token: JWT} for the current session (cookie mode)", async () => {
    const agent = newAgent();
    const { user } = await signUp(agent);
    const current = await getSession(agent);
    const data = ok(await agent.client.token());
    assert.deepEqual(Object.keys(data), ["token"]);
    const decoded = await verifyJwt(data.token);
    assertCommonClaims(decoded.payload, user);
    assertTargetSpecific(decoded, current.session.id);
  });

  test("client.token() works with a bearer session", async () => {
    const agent = newAgent({ mode: "bearer" });
    const { user } = await signUp(agent);
    const data = ok(await agent.client.token());
    assert.equal(decodeJwt(data.token).payload.sub, user.id);
  });

  test("without a session -> 401 UNAUTHORIZED", async () => {
    const error = fails(await newAgent().client.token(), 401, "UNAUTHORIZED");
    assert.equal(error.message, "Unauthorized");
  });

  test("after sign-out -> 401 UNAUTHORIZED", async () => {
    const agent = newAgent({ mode: "bearer" });
    await signUp(agent);
    ok(await agent.client.signOut());
    fails(await agent.client.token(), 401, "UNAUTHORIZED");
  });

  test("set-auth-jwt from get-session is a valid JWT of the same kind", async () => {
    const agent = newAgent();
    const { user } = await signUp(agent);
    const current = await getSession(agent);
    const decoded = await verifyJwt(agent.last("/get-session").headers.get("set-auth-jwt"));
    assertCommonClaims(decoded.payload, user);
    assertTargetSpecific(decoded, current.session.id);
  });

  test("image claim is included once set", async () => {
    const agent = newAgent({ mode: "bearer" });
    await signUp(agent, { image: "https://img.example/a.png" });
    const { payload } = decodeJwt(ok(await agent.client.token()).token);
    assert.equal(payload.image, "https://img.example/a.png");
  });
});

describe("jwks", () => {
  test("reference publishes its Ed25519 key; the gateway publishes no key (symmetric secret)", async () => {
    const data = await jwks();
    assert.ok(Array.isArray(data.keys));
    if (differs("jwksNoSymmetricKey")) {
      assert.deepEqual(data, { keys: [] });
    } else {
      // The key is created lazily: make sure one exists.
      const agent = newAgent({ mode: "bearer" });
      await signUp(agent);
      ok(await agent.client.token());
      const { keys } = await jwks();
      assert.ok(keys.length >= 1);
      for (const k of keys) {
        assert.equal(k.kty, "OKP");
        assert.equal(k.crv, "Ed25519");
        assert.equal(k.alg, "EdDSA");
        assert.equal(typeof k.x, "string");
        assert.equal(k.d, undefined, "never a private key");
      }
    }
    const r = await raw("GET", "/jwks");
    assert.equal(r.status, 200);
    for (const k of r.json.keys) assert.notEqual(k.kty, "oct", "a symmetric key must never be published");
  });
});
