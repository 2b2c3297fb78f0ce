import express from 'express';
import asyncForEach from './utils/asyncForEach.js';

const app = express();

// each enabled extension lives in ./configs/<name>/<name>.js
const extensions = {
  cors: true,
  logger: true,
};

app.use(express.json());

await asyncForEach(Object.entries(extensions), async ([name, enabled]) => {
  if (enabled) {
    const mod = await import(`./configs/${name}/${name}.js`);
    return mod.default(app);
  }
});

app.get('/api/scans', (req, res) => res.json([]));

export default app;
