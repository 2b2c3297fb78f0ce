import { app } from '../transport/http/streamable/stateful.ts';

const PORT = 3000;
app.listen(PORT, () => {
  console.log(`MCP posts server on ${PORT}`);
});
