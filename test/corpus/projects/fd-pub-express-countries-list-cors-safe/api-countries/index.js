const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors());

app.get('/countries', (_req, res) => {
  res.send(['france', 'germany', 'england', 'belgium', 'switzerland', 'italy', 'japan']);
});

app.listen(8000, () => console.log('countries on 8000'));
