const express = require('express');
const bodyParser = require('body-parser');
const { exec } = require('child_process');

const app = express();
app.use(bodyParser.text());

app.post('/print', (req, res) => {
  const ticket = req.body;
  exec(`echo "${ticket}" > LPT1`, (error, _stdout, stderr) => {
    if (error) return res.status(500).send(`print failed: ${stderr}`);
    res.send('printed');
  });
});

app.listen(3000, () => console.log('printer api on 3000'));
