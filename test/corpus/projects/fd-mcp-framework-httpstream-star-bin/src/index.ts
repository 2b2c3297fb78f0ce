import { MCPServer } from 'mcp-framework';

const mcp = new MCPServer({
  transport: {
    type: 'http-stream',
    options: {
      port: 5102,
      cors: { allowOrigin: '*' },
    },
  },
});

mcp.start();
