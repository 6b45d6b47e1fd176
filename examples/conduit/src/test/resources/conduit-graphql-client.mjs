// Conduit's /graphql through graphql-request (npm), as a JavaScript app would call it.
// Usage: node conduit-graphql-client.mjs BASE_URL TOKEN
import { GraphQLClient, gql } from 'graphql-request';

const [base, token] = process.argv.slice(2);
const client = new GraphQLClient(`${base}/graphql`, { headers: { Authorization: token } });

const data = await client.request(gql`
  {
    articles(limit: 20) { title tagList author { username following } comments { body author { username } } }
    profile(username: "bob") { username following }
  }
`);
const first = data.articles[0];
console.log(`articles: ${data.articles.length}, first "${first.title}" by ${first.author.username}`
  + ` (following ${first.author.following}), tags ${first.tagList.join('+')},`
  + ` comment "${first.comments[0].body}" by ${first.comments[0].author.username}`);
console.log(`profile: ${data.profile.username} following=${data.profile.following}`);

const vars = await client.request(
  gql`query One($slug: String!) { article(slug: $slug) { title } }`, { slug: 'no-such-article' })
  .then(() => 'no error', (e) => `error: ${e.response.errors[0].extensions.code}`);
console.log(vars);
console.log('OK');
