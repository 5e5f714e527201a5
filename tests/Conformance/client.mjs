// The real better-auth client, driven from the .NET tests that need a token from a real Better Auth server:
//   node client.mjs sign-up <baseURL> <email> <name> <password>  → {"userId", "sessionToken"}
//   node client.mjs token <baseURL> <sessionToken>                → {"token"}
// The session travels as a bearer token (the bearer plugin's set-auth-token header), as a non-browser client does.
import { createAuthClient } from "better-auth/client";
import { jwtClient } from "better-auth/client/plugins";

const [command, baseURL, ...args] = process.argv.slice(2);
let bearer = command === "token" ? args[0] : null;

const client = createAuthClient({
  baseURL,
  plugins: [jwtClient()],
  fetchOptions: {
    headers: { origin: baseURL },
    auth: { type: "Bearer", token: () => bearer ?? undefined },
    onResponse: ({ response }) => {
      bearer = response.headers.get("set-auth-token") ?? bearer;
    },
  },
});

function done(result, pick) {
  if (result.error) {
    console.error(JSON.stringify(result.error));
    process.exit(1);
  }
  console.log(JSON.stringify(pick(result.data)));
}

switch (command) {
  case "sign-up": {
    const [email, name, password] = args;
    done(await client.signUp.email({ email, name, password }), (data) => ({ userId: data.user.id, sessionToken: bearer }));
    break;
  }
  case "token":
    done(await client.token(), (data) => ({ token: data.token }));
    break;
  default:
    console.error(`unknown command "${command}": sign-up or token`);
    process.exit(2);
}
