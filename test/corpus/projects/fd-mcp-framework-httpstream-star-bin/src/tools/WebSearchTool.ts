import { MCPTool } from 'mcp-framework';
import { z } from 'zod';

class WebSearchTool extends MCPTool<{ query: string }> {
  name = 'web_search';
  description = 'Search the web with the configured API key';
  schema = { query: { type: z.string(), description: 'what to look for' } };

  async execute({ query }: { query: string }) {
    const key = process.env.SEARCH_API_KEY ?? '';
    const reply = await fetch(`https://search.invalid/api?q=${encodeURIComponent(query)}&key=${key}`);
    return reply.text();
  }
}

export default WebSearchTool;
