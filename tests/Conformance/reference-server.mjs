// Reference server: the real better-auth 1.7.25 with the configuration the wire protocol was captured from
// (docs/better-auth-protocol.md): email+password, jwt(), bearer() and twoFactor() plugins, memory adapter,
// mounted with toNodeHandler at /api/auth/* on node:http, loopback only.
//
//   node reference-server.mjs [--port <n>]            (or env PORT; 0 = pick a free port)
//   env TRUSTED_ORIGINS=<comma list>                    extra trusted origins (the baseURL is always trusted)
//   env BETTER_AUTH_SECRET=<secret>                     optional; a random one is generated otherwise
//   env SESSION_UPDATE_AGE=<seconds>                    optional; session.updateAge (sliding renewal), default 1 day
//   env JWT_ALG=<EdDSA|ES256|ES512|PS256|RS256>         optional; the jwt plugin's keyPairConfig.alg, default EdDSA
//
// Prints one line "LISTENING <baseURL>" on stdout once it accepts connections.
//
// Password reset, email verification and account deletion are on; the "mail" (Better Auth hands the sender a user, a
// url and a token) is kept in memory and served at GET /__test/mail?to=<email> as [{kind, url, token}], oldest first,
// so the tests follow the link exactly as they read it out of the gateway's pickup directory.
//
// Better Auth reads NODE_ENV once, at import time: under "test" (or TEST=true) it skips every origin/CSRF check
// and under "test"/"development" it reports 127.0.0.1 as the client IP. The protocol was captured with
// production semantics, so NODE_ENV is forced to "production" before better-auth is imported (rate limiting,
// which production would switch on, is pinned off below).
import { createServer } from "node:http";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

process.env.NODE_ENV = "production";
delete process.env.TEST;
const { betterAuth } = await import("better-auth");
const { memoryAdapter } = await import("better-auth/adapters/memory");
const { toNodeHandler } = await import("better-auth/node");
const { bearer, jwt, twoFactor } = await import("better-auth/plugins");

const { values } = parseArgs({ options: { port: { type: "string" } }, strict: true });
const port = Number(values.port ?? process.env.PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`reference-server: invalid port ${values.port ?? process.env.PORT}`);
  process.exit(2);
}

const server = createServer();
await new Promise((resolve, reject) => {
  server.once("error", reject);
  server.listen(port, "127.0.0.1", resolve);
});
const baseURL = `http://127.0.0.1:${server.address().port}`;

const db = { user: [], session: [], account: [], verification: [], jwks: [], twoFactor: [] };
/** Mail "sent" per lower-cased address: [{kind, url, token}]. */
const outbox = new Map();
const send = (kind) => async ({ user, url, token }) => {
  const to = user.email.toLowerCase();
  outbox.set(to, [...(outbox.get(to) ?? []), { kind, url, token }]);
};
const auth = betterAuth({
  baseURL,
  secret: process.env.BETTER_AUTH_SECRET || randomBytes(32).toString("base64url"),
  database: memoryAdapter(db),
  emailAndPassword: { enabled: true, sendResetPassword: send("reset-password") },
  emailVerification: { sendVerificationEmail: send("verify-email") },
  user: { deleteUser: { enabled: true } },
  plugins: [
    process.env.JWT_ALG ? jwt({ jwks: { keyPairConfig: { alg: process.env.JWT_ALG } } }) : jwt(),
    bearer(),
    twoFactor(),
  ],
  ...(process.env.SESSION_UPDATE_AGE ? { session: { updateAge: Number(process.env.SESSION_UPDATE_AGE) } } : {}),
  trustedOrigins: (process.env.TRUSTED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean),
  // Rate limiting is on only under NODE_ENV=production; pin it off so the suite never depends on NODE_ENV.
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
  logger: { level: "error" },
});

const handler = toNodeHandler(auth);
server.on("request", (req, res) => {
  if (req.url.startsWith("/__test/mail?")) {
    const to = new URL(req.url, baseURL).searchParams.get("to")?.toLowerCase() ?? "";
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(outbox.get(to) ?? []));
    return;
  }
  if (req.url === "/api/auth" || req.url.startsWith("/api/auth/") || req.url.startsWith("/api/auth?")) {
    handler(req, res);
  } else {
    res.statusCode = 404;
    res.end();
  }
});

console.log(`LISTENING ${baseURL}`);

const stop = () => server.close(() => process.exit(0)).closeAllConnections();
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
