import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

export function buildBookingServer() {
  const server = new McpServer({ name: 'salon-booking', version: '0.1.0' });
  server.tool('list_records', 'Appointments for a day', { day: z.string() }, async ({ day }) => ({
    content: [{ type: 'text', text: `appointments on ${day}` }],
  }));
  return server;
}
