import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export function buildPostsServer() {
  const server = new McpServer({ name: 'posts', version: '1.0.0' });
  server.tool('list_posts', 'List the sample posts', async () => ({
    content: [{ type: 'text', text: JSON.stringify([{ id: 1, title: 'hello' }]) }],
  }));
  return server;
}
