// A real OpenID provider for keel-security's tests: the certified `oidc-provider` package.
// Usage: node oidc-provider.mjs <port> <setup.json>; setup.json holds the signing keys (private
// JWKs, made by the test so it can also mint tokens) and the registered clients.
// Prints "listening" when ready. GET /test/counts answers how often /jwks and /token were asked.
// POST /test/next-id-token (the body a compact JWT) makes the next token response carry that ID
// token instead of the provider's own: how the tests play a forged or broken ID token.
import Provider from 'oidc-provider';
import { readFileSync } from 'node:fs';

const [port, setupFile] = process.argv.slice(2);
const setup = JSON.parse(readFileSync(setupFile, 'utf8'));
const issuer = `http://127.0.0.1:${port}`;
const counts = { jwks: 0, token: 0, introspection: 0 };
let nextIdToken = null;

const provider = new Provider(issuer, {
  clients: setup.clients,
  jwks: { keys: setup.keys },
  cookies: { keys: ['keel-test-cookie-signing-key'] },
  conformIdTokenClaims: false, // the test reads roles from the ID token itself
  claims: { openid: ['sub'], email: ['email'], roles: ['realm_access'] },
  scopes: ['openid', 'email', 'roles', 'api:read', 'api:write'],
  findAccount: async (ctx, id) => ({
    accountId: id,
    claims: async () => ({
      sub: id,
      email: `${id}@example.test`,
      realm_access: { roles: id === 'ann' ? ['admin', 'user'] : ['user'] },
    }),
  }),
  ttl: {
    // the "short-lived" client's tokens live 4 s: the client credentials cache must refresh
    ClientCredentials: (ctx, token, client) => (client.clientId === 'short-lived' ? 4 : 600),
  },
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => 'urn:keel:api',
      useGrantedResource: () => true,
      getResourceServerInfo: (ctx, resource, client) => ({
        scope: 'api:read api:write',
        audience: resource,
        accessTokenFormat: resource === 'urn:keel:opaque' ? 'opaque' : 'jwt',
        accessTokenTTL: client.clientId === 'short-lived' ? 4 : 600,
      }),
    },
  },
});

provider.use(async (ctx, next) => {
  if (ctx.path === '/test/counts') {
    ctx.body = counts;
    return;
  }
  if (ctx.path === '/test/next-id-token' && ctx.method === 'POST') {
    let body = '';
    for await (const chunk of ctx.req) body += chunk;
    nextIdToken = body.trim();
    ctx.status = 204;
    return;
  }
  if (ctx.path === '/jwks') counts.jwks++;
  if (ctx.path === '/token') counts.token++;
  if (ctx.path === '/token/introspection') counts.introspection++;
  await next();
  if (ctx.path === '/token' && nextIdToken && ctx.body && ctx.body.id_token) {
    ctx.body = { ...ctx.body, id_token: nextIdToken };
    nextIdToken = null;
  }
});

provider.listen(Number(port), '127.0.0.1', () => console.log(`listening on ${issuer}`));
