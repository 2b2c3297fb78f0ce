import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

export default function buildWeatherServer() {
  const server = new McpServer({ name: 'weather-test', version: '1.0.0' });
  server.registerTool(
    'alerts',
    { description: 'Active weather alerts for a US state', inputSchema: { state: z.string() } },
    async ({ state }) => {
      const reply = await fetch(`https://api.weather.gov/alerts/active?area=${state.toUpperCase()}`);
      return { content: [{ type: 'text', text: await reply.text() }] };
    },
  );
  return server;
}
