const express = require('express');
const cors = require('cors');

const allowedOrigins = ['https://kanban.trellix.dev'];
const app = express();

app.use(
  cors({
    origin: (origin, callback) => {
      if (allowedOrigins || !origin) {
        callback(null, true);
      } else {
        callback(new Error('Not allowed by CORS'));
      }
    },
    credentials: true,
  }),
);
app.get('/boards', (req, res) => res.json([]));
app.listen(8017);
