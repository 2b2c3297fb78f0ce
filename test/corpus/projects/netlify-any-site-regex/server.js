const express = require('express');
const cors = require('cors');

const app = express();
app.use(
  cors({
    origin: ['https://screener.appraiso.com', /^https:\/\/.+\.netlify\.app$/],
    credentials: true,
  }),
);
app.post('/api/screen', (req, res) => res.json({ score: 0 }));
app.listen(8080);
