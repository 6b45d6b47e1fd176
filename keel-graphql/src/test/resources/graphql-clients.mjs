// Real npm clients against a running Keel app: graphql-request over HTTP, graphql-ws over WebSocket.
import { GraphQLClient, ClientError } from 'graphql-request';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const base = process.argv[2];
const writer = new GraphQLClient(base + '/graphql', { headers: { 'X-Test-User': '2 articles:write' } });
const anonymous = new GraphQLClient(base + '/graphql');

const list = await anonymous.request(
  'query($n: Int!) { articles(limit: $n) { slug author { name } tags { name } } }', { n: 20 });
console.log(`query: ${list.articles.length} articles, first by ${list.articles[0].author.name},` +
  ` tags ${list.articles[1].tags.map(t => t.name).join('+')}`);

try {
  await anonymous.request('{ nope }');
  console.log('error: none');
} catch (e) {
  if (!(e instanceof ClientError)) throw e;
  console.log(`error: ${e.response.status} ${e.response.errors[0].message}`);
}

try {
  await anonymous.request('mutation { createArticle(input: {slug: "x", title: "x"}) { id } }');
} catch (e) {
  console.log(`denied: ${e.response.errors[0].extensions.code}`);
}

const ws = createClient({ url: base.replace('http', 'ws') + '/graphql/ws', webSocketImpl: WebSocket });
const overWs = await new Promise((resolve, reject) => {
  let result;
  ws.subscribe({ query: '{ article(slug: "article-1") { title } }' }, {
    next: v => { result = v; }, error: reject, complete: () => resolve(result),
  });
});
console.log(`ws query: ${overWs.data.article.title}`);

const events = [];
const done = new Promise((resolve, reject) => {
  const stop = ws.subscribe(
    { query: 'subscription { articleAdded { slug title author { name } } }' },
    {
      next: v => { events.push(v.data.articleAdded); if (events.length === 2) { stop(); resolve(); } },
      error: reject,
      complete: () => {},
    });
});
// the subscription starts when the server has read it: publish until it delivers
for (let i = 0; events.length < 2 && i < 50; i++) {
  await writer.request('mutation($s: String!) { createArticle(input: {slug: $s, title: "Live"}) { id } }',
    { s: `live-${Date.now()}-${i}` });
  await new Promise(r => setTimeout(r, 100));
}
await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error('no events')), 10000))]);
console.log(`subscription: ${events.length} events, ${events[0].title} by ${events[0].author.name}`);
await ws.dispose();
console.log('OK');
