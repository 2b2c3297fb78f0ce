import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { server } from './http-server';
import { transport } from './transport';

const library = new McpServer({ name: 'media-library', version: '1.0.0' });
library.tool('list_movies', 'List the movies in the library', { query: z.string().optional() }, async () => ({
  content: [{ type: 'text', text: '[]' }],
}));

await library.connect(transport);
server.listen(3000);
