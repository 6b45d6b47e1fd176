// Drives Keel's MCP server with the official TypeScript SDK's client (McpSdkTest, McpStdioTest).
// node mcp-sdk-client.mjs http URL TOKEN    — streamable HTTP, with a bearer token
// node mcp-sdk-client.mjs stdio JSON        — stdio; JSON is {"command": ..., "args": [...], "env": {...}}
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [mode, target, token] = process.argv.slice(2);

function transport(bearer) {
  if (mode === 'stdio') {
    const spec = JSON.parse(target);
    return new StdioClientTransport({ command: spec.command, args: spec.args, env: { ...process.env, ...spec.env }, stderr: 'inherit' });
  }
  const headers = bearer ? { Authorization: `Bearer ${bearer}` } : {};
  return new StreamableHTTPClientTransport(new URL(target), { requestInit: { headers } });
}

const client = new Client({ name: 'keel-sdk-test', version: '1.0.0' });
const t = transport(token);
await client.connect(t);
console.log('version: ' + client.getServerVersion().name + ' ' + (t.protocolVersion ?? ''));
const tools = await client.listTools();
console.log('tools: ' + tools.tools.map((x) => x.name).join(','));
console.log('schema: ' + JSON.stringify(tools.tools.find((x) => x.name === 'add_note').inputSchema.properties.title));
const added = await client.callTool({ name: 'add_note', arguments: { title: 'Milk', body: '2 l' } });
console.log('call: ' + JSON.stringify(added.structuredContent));
const progress = [];
const counted = await client.callTool(
  { name: 'count_words', arguments: { text: 'one two three' } },
  undefined,
  { onprogress: (p) => progress.push(p.message) });
console.log('count: ' + counted.content[0].text + ' progress: ' + progress.join(','));
const invalid = await client.callTool({ name: 'add_note', arguments: { title: '' } });
console.log('invalid: ' + invalid.isError + ' ' + invalid.content[0].text);
const resource = await client.readResource({ uri: 'notes://readme' });
console.log('resource: ' + JSON.stringify(resource.contents[0].text));
const prompt = await client.getPrompt({ name: 'summarize', arguments: { topic: 'milk' } });
console.log('prompt: ' + prompt.messages[0].content.text);
try {
  await client.getPrompt({ name: 'nothing', arguments: {} });
} catch (e) {
  console.log('unknown prompt: ' + e.code);
}
if (mode === 'http') await t.terminateSession();
await client.close();

if (mode === 'http') {
  const anonymous = new Client({ name: 'keel-sdk-test', version: '1.0.0' });
  try {
    await anonymous.connect(transport(undefined));
    console.log('refused: no');
  } catch (e) {
    console.log('refused: ' + e.code + ' ' + e.message);
  }
}
console.log('OK');
