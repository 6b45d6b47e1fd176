// Drives the generated TypeScript client against a running Conduit (ConduitClientsTest compiles
// it with tsc --strict beside ConduitClient.ts); every step prints one line the test checks.
import { ApiError, ConduitClient, type NewArticleRequest } from "./ConduitClient.js";

declare const process: { argv: string[] }; // node's, without installing @types/node
const [baseUrl, name] = process.argv.slice(2);
const anonymous = new ConduitClient({ baseUrl });

const registered = await anonymous.users.register({
  user: { username: name, email: `${name}@example.com`, password: "secret-123" },
});
console.log(`register: ${registered.user?.username}`);

const login = await anonymous.users.login({
  user: { email: `${name}@example.com`, password: "secret-123" },
});
const me = anonymous.withHeaders({ Authorization: `Token ${login.user?.token}` });
console.log(`login: ${(await me.users.current()).user?.email}`);

const draft: NewArticleRequest = {
  article: { title: `From TypeScript ${name}`, description: "typed", body: "b", tagList: ["ts"] },
};
const created = await me.articles.create(draft);
console.log(`create: ${created.article?.slug} by ${created.article?.author?.username}`);

const listed = await anonymous.articles.list({ author: name, limit: 5 });
console.log(`list: ${listed.articlesCount} ${listed.articles?.map((a) => a.title).join(",")}`);

try {
  await anonymous.articles.get("no-such-article");
  console.log("missing: found?!");
} catch (e) {
  if (!(e instanceof ApiError)) throw e;
  console.log(`missing: ${e.status} ${JSON.stringify(e.body)}`);
}

try {
  await me.articles.create({ article: { title: "", description: "d", body: "b" } });
  console.log("invalid: accepted?!");
} catch (e) {
  if (!(e instanceof ApiError)) throw e;
  console.log(`invalid: ${e.status} ${JSON.stringify(e.body)}`);
}

try {
  await anonymous.articles.list({ limit: 1000 });
  console.log("limit: accepted?!");
} catch (e) {
  if (!(e instanceof ApiError)) throw e;
  console.log(`limit: ${e.status} ${JSON.stringify(e.body)}`);
}
console.log("OK");
